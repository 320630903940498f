// Persistent attributes through the real local D1 database (migrations applied by
// test/setup/apply-migrations.ts): round trips, lazy loading, auto/explicit save, typed errors.
// The concurrency contract is in persistence-d1-concurrency.test.ts.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import {
  createD1Persistence,
  createSkill,
  onIntent,
  onLaunch,
  PersistenceError,
  type PersistenceAdapter,
  type SkillOptions,
} from "../../src/skill/index.js";
import { collectingContext, intentEnvelope, launchEnvelope } from "./fixtures.js";

const d1 = createD1Persistence({ database: env.DB });
let userCounter = 0;
const freshUser = () => `amzn1.ask.account.d1-${Date.now()}-${++userCounter}`;

function counting(adapter: PersistenceAdapter) {
  const calls = { load: 0, save: 0 };
  const wrapped: PersistenceAdapter = {
    load: (key) => (calls.load++, adapter.load(key)),
    save: (key, changes, context) => (calls.save++, adapter.save(key, changes, context)),
  };
  return { adapter: wrapped, calls };
}

function skillWith(options: SkillOptions): ReturnType<typeof createSkill> {
  return createSkill({ persistence: d1, checks: "throw", ...options });
}

describe("D1 persistent attributes", () => {
  it("round-trips values of every JSON kind between requests", async () => {
    const userId = freshUser();
    const value = { n: 1.5, s: "Tom's \"café\" & <b>", list: [1, null, { deep: true }], nil: null, yes: false };
    const writer = skillWith({ handlers: [onLaunch((input) => input.attributes.persistent.set("profile", value))] });
    await writer.handle(launchEnvelope({ userId }), collectingContext());
    let read: unknown;
    const reader = skillWith({ handlers: [onLaunch(async (input) => void (read = await input.attributes.persistent.getAll()))] });
    await reader.handle(launchEnvelope({ userId }), collectingContext());
    expect(read).toEqual({ profile: value });
  });

  it("loads lazily, writes without reading, and saves only when something changed", async () => {
    const userId = freshUser();
    const { adapter, calls } = counting(d1);
    const untouched = skillWith({ persistence: adapter, handlers: [onLaunch(() => {})] });
    await untouched.handle(launchEnvelope({ userId }), collectingContext());
    expect(calls).toEqual({ load: 0, save: 0 });
    const blindWrite = skillWith({ persistence: adapter, handlers: [onLaunch((input) => input.attributes.persistent.set("visits", 1))] });
    await blindWrite.handle(launchEnvelope({ userId }), collectingContext());
    expect(calls).toEqual({ load: 0, save: 1 });
    const readTwice = skillWith({
      persistence: adapter,
      handlers: [onLaunch(async (input) => void (await input.attributes.persistent.get("visits"), await input.attributes.persistent.get("visits")))],
    });
    await readTwice.handle(launchEnvelope({ userId }), collectingContext());
    expect(calls).toEqual({ load: 1, save: 1 });
  });

  it("shows unsaved changes to reads, returns fresh copies, deletes and clears", async () => {
    const userId = freshUser();
    const seen: unknown[] = [];
    const skill = skillWith({
      handlers: [
        onIntent("Setup", (input) => {
          input.attributes.persistent.set("a", { list: [1] });
          input.attributes.persistent.set("b", 2);
          input.attributes.persistent.set("c", 3);
        }),
        onIntent("Change", async (input) => {
          const p = input.attributes.persistent;
          const a = await p.get<{ list: number[] }>("a");
          a?.list.push(99);
          seen.push(await p.get("a"));
          p.delete("b");
          p.set("c", undefined);
          p.set("d", "new");
          seen.push(await p.getAll());
        }),
        onIntent("Clear", (input) => input.attributes.persistent.clear()),
        onIntent("Read", async (input) => void seen.push(await input.attributes.persistent.getAll())),
      ],
    });
    const ctx = collectingContext();
    for (const name of ["Setup", "Change", "Read", "Clear", "Read"]) await skill.handle(intentEnvelope(name, {}, { userId }), ctx);
    expect(seen).toEqual([{ list: [1] }, { a: { list: [1] }, d: "new" }, { a: { list: [1] }, d: "new" }, {}]);
  });

  it("does not save after a failed request, nor with autoSave off unless save() is called", async () => {
    const userId = freshUser();
    const failing = skillWith({
      handlers: [onLaunch((input) => { input.attributes.persistent.set("lost", true); throw new Error("handler failed"); })],
      errorHandlers: [{ canHandle: () => true, handle: (input) => void input.responseBuilder.speak("Sorry") }],
    });
    await failing.handle(launchEnvelope({ userId }), collectingContext());
    const manual = skillWith({
      autoSave: false,
      handlers: [
        onIntent("Forget", (input) => input.attributes.persistent.set("forgotten", true)),
        onIntent("Keep", async (input) => { input.attributes.persistent.set("kept", true); await input.attributes.persistent.save(); }),
      ],
    });
    await manual.handle(intentEnvelope("Forget", {}, { userId }), collectingContext());
    await manual.handle(intentEnvelope("Keep", {}, { userId }), collectingContext());
    expect(Object.fromEntries(await d1.load(userId))).toEqual({ kept: "true" });
  });

  it("stores nothing when the response fails its checks, and hands a failed save to the error handlers", async () => {
    const userId = freshUser();
    const rejected = skillWith({ handlers: [onLaunch((input) => { input.attributes.persistent.set("x", 1); input.responseBuilder.speak("a".repeat(8_001)); })] });
    await expect(rejected.handle(launchEnvelope({ userId }), collectingContext())).rejects.toMatchObject({ name: "ResponseCheckError" });
    expect((await d1.load(userId)).size).toBe(0);

    const unwritable: PersistenceAdapter = { load: d1.load, save: async () => { throw new PersistenceError("storage-failed", "D1 unavailable"); } };
    const skill = skillWith({
      persistence: unwritable,
      handlers: [onLaunch((input) => { input.attributes.persistent.set("x", 1); input.responseBuilder.speak("Saved!"); })],
      errorHandlers: [{ canHandle: (_i, e) => e instanceof PersistenceError, handle: (input) => void input.responseBuilder.speak("I could not save that.") }],
    });
    const result = await skill.handle(launchEnvelope({ userId }), collectingContext());
    expect(result.response.outputSpeech).toEqual({ type: "SSML", ssml: "<speak>I could not save that.</speak>" });
  });

  it("raises typed errors for values JSON cannot hold, missing config and missing user", async () => {
    const userId = freshUser();
    const errors: unknown[] = [];
    const tryIt = (fn: () => unknown) => { try { fn(); } catch (e) { errors.push(e); } };
    const skill = skillWith({
      handlers: [onLaunch((input) => {
        tryIt(() => input.attributes.persistent.set("big", 10n));
        const cyclic: Record<string, unknown> = {};
        cyclic.self = cyclic;
        tryIt(() => input.attributes.persistent.set("cyclic", cyclic));
        tryIt(() => input.attributes.persistent.set("fn", () => 1));
        tryIt(() => input.attributes.persistent.set("", 1));
      })],
    });
    await skill.handle(launchEnvelope({ userId }), collectingContext());
    expect(errors.map((e) => (e as PersistenceError).code)).toEqual(["not-serializable", "not-serializable", "not-serializable", "invalid-attribute-name"]);
    expect(errors.every((e) => e instanceof PersistenceError)).toBe(true);

    const unconfigured = createSkill({ handlers: [onLaunch((input) => input.attributes.persistent.get("x").then(() => {}))] });
    await expect(unconfigured.handle(launchEnvelope(), collectingContext())).rejects.toMatchObject({ code: "not-configured" });
    const anonymous = skillWith({ partitionKey: () => undefined, handlers: [onLaunch((input) => input.attributes.persistent.set("x", 1))] });
    await expect(anonymous.handle(launchEnvelope(), collectingContext())).rejects.toMatchObject({ code: "missing-partition-key" });
  });

  it("reports a corrupt row as corrupt-record and a storage failure as storage-failed", async () => {
    const userId = freshUser();
    await env.DB.prepare("INSERT INTO skill_attributes (partition_key, name, value, updated_at) VALUES (?, 'x', '1', 0)").bind(userId).run();
    await expect(env.DB.prepare("UPDATE skill_attributes SET value = 'not json' WHERE partition_key = ?").bind(userId).run()).rejects.toThrow();
    const broken = createD1Persistence({ database: { prepare: () => { throw new Error("D1_ERROR: no such table"); } } as unknown as D1Database });
    await expect(broken.load(userId)).rejects.toMatchObject({ name: "PersistenceError", code: "storage-failed" });
    const garbled = createD1Persistence({
      database: { prepare: () => ({ bind: () => ({ all: async () => ({ results: [{ name: "x", value: "{oops" }] }) }) }) } as unknown as D1Database,
    });
    await expect(garbled.load(userId)).rejects.toMatchObject({ code: "corrupt-record" });
  });
});
