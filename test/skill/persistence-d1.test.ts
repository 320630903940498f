// Persistent attributes through the real local D1 database (migrations applied by
// test/setup/apply-migrations.ts): round trips, lazy loading, auto/explicit save, typed errors,
// and the concurrency contract (per-key merge) under many simultaneous requests.
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

/** Resolves for everyone once `count` callers have arrived. */
function barrier(count: number): () => Promise<void> {
  let arrived = 0;
  let release: () => void = () => {};
  const gate = new Promise<void>((resolve) => (release = resolve));
  return () => {
    if (++arrived === count) release();
    return gate;
  };
}

function markEnvelopes(userId: string, count: number) {
  return Array.from({ length: count }, (_, index) =>
    intentEnvelope("Mark", { index: { name: "index", value: String(index), confirmationStatus: "NONE" } }, { userId, requestId: `req-${index}` }),
  );
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
    expect(errors.map((e) => (e as PersistenceError).reason)).toEqual(["not-serializable", "not-serializable", "not-serializable", "invalid-attribute-name"]);
    expect(errors.every((e) => e instanceof PersistenceError)).toBe(true);

    const unconfigured = createSkill({ handlers: [onLaunch((input) => input.attributes.persistent.get("x").then(() => {}))] });
    await expect(unconfigured.handle(launchEnvelope(), collectingContext())).rejects.toMatchObject({ reason: "not-configured" });
    const anonymous = skillWith({ partitionKey: () => undefined, handlers: [onLaunch((input) => input.attributes.persistent.set("x", 1))] });
    await expect(anonymous.handle(launchEnvelope(), collectingContext())).rejects.toMatchObject({ reason: "missing-partition-key" });
  });

  it("reports a corrupt row as corrupt-record and a storage failure as storage-failed", async () => {
    const userId = freshUser();
    await env.DB.prepare("INSERT INTO skill_attributes (partition_key, name, value, updated_at) VALUES (?, 'x', '1', 0)").bind(userId).run();
    await expect(env.DB.prepare("UPDATE skill_attributes SET value = 'not json' WHERE partition_key = ?").bind(userId).run()).rejects.toThrow();
    const broken = createD1Persistence({ database: { prepare: () => { throw new Error("D1_ERROR: no such table"); } } as unknown as D1Database });
    await expect(broken.load(userId)).rejects.toMatchObject({ name: "PersistenceError", reason: "storage-failed" });
    const garbled = createD1Persistence({
      database: { prepare: () => ({ bind: () => ({ all: async () => ({ results: [{ name: "x", value: "{oops" }] }) }) }) } as unknown as D1Database,
    });
    await expect(garbled.load(userId)).rejects.toMatchObject({ reason: "corrupt-record" });
  });

  it("keeps every attribute when many requests for one user save different attributes at once", async () => {
    const userId = freshUser();
    await d1.save(userId, [{ name: "existing", json: '"untouched"' }], collectingContext());
    const requests = 40;
    const everyoneHasRead = barrier(requests);
    const skill = skillWith({
      handlers: [onIntent("Mark", async (input) => {
        const all = await input.attributes.persistent.getAll();
        await everyoneHasRead(); // all requests read the same state before any of them saves
        const index = Number(input.slots.value("index"));
        input.attributes.persistent.set(`key-${index}`, { index, sawKeys: Object.keys(all).length });
        input.attributes.persistent.set("shared", index);
      })],
    });
    await Promise.all(markEnvelopes(userId, requests).map((envelope) => skill.handle(envelope, collectingContext())));
    const stored = await d1.load(userId);
    expect(stored.get("existing")).toBe('"untouched"');
    for (let index = 0; index < requests; index++) expect(JSON.parse(stored.get(`key-${index}`) ?? "null")).toEqual({ index, sawKeys: 1 });
    expect(stored.size).toBe(requests + 2);
    // The attribute every request changed holds one request's whole value: the last commit wins.
    expect(Number(stored.get("shared"))).toBeGreaterThanOrEqual(0);
    expect(Number(stored.get("shared"))).toBeLessThan(requests);
  });

  it("(control) the same load loses updates with a whole-document read-modify-write adapter", async () => {
    const userId = freshUser();
    const requests = 10;
    const everyoneHasRead = barrier(requests);
    // Replaces the user's whole document with what it read plus its own changes.
    const wholeDocument: PersistenceAdapter = {
      load: (key) => d1.load(key),
      async save(key, changes) {
        const document = await d1.load(key);
        await everyoneHasRead();
        for (const { name, json } of changes) if (json !== null) document.set(name, json);
        const insert = env.DB.prepare("INSERT INTO skill_attributes (partition_key, name, value, updated_at) VALUES (?, ?, ?, 0)");
        await env.DB.batch([
          env.DB.prepare("DELETE FROM skill_attributes WHERE partition_key = ?").bind(key),
          ...[...document].map(([name, json]) => insert.bind(key, name, json)),
        ]);
      },
    };
    const skill = skillWith({
      persistence: wholeDocument,
      handlers: [onIntent("Mark", (input) => input.attributes.persistent.set(`key-${input.slots.value("index") ?? ""}`, true))],
    });
    await Promise.all(markEnvelopes(userId, requests).map((envelope) => skill.handle(envelope, collectingContext())));
    expect((await d1.load(userId)).size).toBe(1); // nine of ten updates lost
  });

  it("applies a save atomically: a failing statement leaves no partial write", async () => {
    const userId = freshUser();
    await d1.save(userId, [{ name: "a", json: "1" }], collectingContext());
    // The CHECK (json_valid(value)) constraint rejects the second change, so the batch rolls back.
    await expect(d1.save(userId, [{ name: "a", json: "2" }, { name: "b", json: "not json" }], collectingContext())).rejects.toMatchObject({ reason: "storage-failed" });
    expect(Object.fromEntries(await d1.load(userId))).toEqual({ a: "1" });
  });
});
