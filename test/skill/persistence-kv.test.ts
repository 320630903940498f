// Persistent attributes through a real local KV namespace (ATTRIBUTES_KV, added by
// vitest.config.mts): round trips, the document format, write coalescing under KV's one write
// per key per second, and typed errors.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { createKvPersistence, createSkill, onIntent, onLaunch, PersistenceError, type KvStore } from "../../src/skill/index.js";
import { collectingContext, intentEnvelope, launchEnvelope } from "./fixtures.js";

let userCounter = 0;
const freshUser = () => `amzn1.ask.account.kv-${Date.now()}-${++userCounter}`;

/** The real namespace, with every put recorded. */
function recordingKv() {
  const puts: { key: string; value: string; options: unknown }[] = [];
  const store: KvStore = {
    get: (key, type) => env.ATTRIBUTES_KV.get(key, type),
    put: (key, value, options) => (puts.push({ key, value, options }), env.ATTRIBUTES_KV.put(key, value, options)),
  };
  return { store, puts };
}

/** A clock the test moves, and sleeps that finish only when the test lets them. */
function manualTime() {
  let now = 1_000_000;
  const sleeping: { ms: number; wake: () => void }[] = [];
  return {
    now: () => now,
    advance: (ms: number) => void (now += ms),
    sleep: (ms: number) => new Promise<void>((wake) => sleeping.push({ ms, wake })),
    sleeping,
    wakeAll: () => sleeping.splice(0).forEach((s) => s.wake()),
  };
}

describe("KV persistent attributes", () => {
  it("accepts a real KVNamespace binding and round-trips attributes between requests", async () => {
    const userId = freshUser();
    const persistence = createKvPersistence({ namespace: env.ATTRIBUTES_KV });
    const skill = createSkill({
      persistence,
      checks: "throw",
      handlers: [
        onIntent("Save", (input) => input.attributes.persistent.set("favourite", { colour: "blue", since: 2024 })),
        onIntent("Read", async (input) => void input.responseBuilder.speak(JSON.stringify(await input.attributes.persistent.get("favourite")))),
      ],
    });
    await skill.handle(intentEnvelope("Save", {}, { userId }), collectingContext());
    const result = await skill.handle(intentEnvelope("Read", {}, { userId }), collectingContext());
    expect(result.response.outputSpeech).toEqual({ type: "SSML", ssml: `<speak>{&quot;colour&quot;:&quot;blue&quot;,&quot;since&quot;:2024}</speak>` });
    expect(JSON.parse((await env.ATTRIBUTES_KV.get(`skill-attributes:${userId}`)) ?? "null")).toEqual({ favourite: { colour: "blue", since: 2024 } });
  });

  it("applies only the changed attributes onto the stored document, with the TTL it was given", async () => {
    const userId = freshUser();
    await env.ATTRIBUTES_KV.put(`app:${userId}`, JSON.stringify({ keep: [1, 2], drop: "x", change: 1 }));
    const { store, puts } = recordingKv();
    const persistence = createKvPersistence({ namespace: store, keyPrefix: "app:", expirationTtl: 3600 });
    await persistence.save(userId, [{ name: "change", json: "2" }, { name: "drop", json: null }, { name: "add", json: "true" }], collectingContext());
    expect(JSON.parse(puts[0]?.value ?? "null")).toEqual({ keep: [1, 2], change: 2, add: true });
    expect(puts[0]?.options).toEqual({ expirationTtl: 3600 });
    expect(Object.fromEntries(await persistence.load(userId))).toEqual({ keep: "[1,2]", change: "2", add: "true" });
  });

  it("coalesces saves less than a second apart into one delayed write that keeps every change", async () => {
    const userId = freshUser();
    const time = manualTime();
    const { store, puts } = recordingKv();
    const persistence = createKvPersistence({ namespace: store, now: time.now, sleep: time.sleep });
    const skill = createSkill({ persistence, handlers: [onIntent("Mark", (input) => input.attributes.persistent.set(input.slots.value("name") ?? "?", true))] });
    const mark = (name: string, ctx = collectingContext()) =>
      skill.handle(intentEnvelope("Mark", { name: { name: "name", value: name, confirmationStatus: "NONE" } }, { userId }), ctx).then(() => ctx);

    await mark("first"); // nothing written recently: written now
    expect(puts).toHaveLength(1);
    time.advance(200);
    const scheduler = await mark("second"); // 200 ms later: queued until the second is over
    expect(puts).toHaveLength(1);
    expect(time.sleeping.map((s) => s.ms)).toEqual([800]);
    time.advance(300);
    const joiner = await mark("third"); // merged into the queued write; schedules nothing itself
    expect(joiner.pending).toHaveLength(0);
    expect(Object.fromEntries(await persistence.load(userId))).toEqual({ first: "true", second: "true", third: "true" });

    time.advance(500);
    time.wakeAll();
    await scheduler.settle();
    expect(puts).toHaveLength(2);
    expect(JSON.parse(puts[1]?.value ?? "null")).toEqual({ first: true, second: true, third: true });
    time.advance(1_000);
    await mark("fourth"); // a second after the last write: written now again
    expect(puts).toHaveLength(3);
  });

  it("logs a coalesced write that fails, since its request has been answered", async () => {
    const time = manualTime();
    const events: string[] = [];
    let failing = false;
    const store: KvStore = {
      get: async () => null,
      put: async () => { if (failing) throw new Error("KV PUT failed: 429 Too Many Requests"); },
    };
    const persistence = createKvPersistence({ namespace: store, now: time.now, sleep: time.sleep, logger: { log: (_l, event) => void events.push(event) } });
    await persistence.save("u", [{ name: "a", json: "1" }], collectingContext());
    const ctx = collectingContext();
    await persistence.save("u", [{ name: "b", json: "2" }], ctx);
    failing = true;
    time.wakeAll();
    await ctx.settle();
    expect(events).toEqual(["kv_coalesced_write_failed"]);
  });

  it("raises typed errors for a corrupt document, an over-long key and a too-short TTL", async () => {
    const userId = freshUser();
    await env.ATTRIBUTES_KV.put(`skill-attributes:${userId}`, "{not json");
    const persistence = createKvPersistence({ namespace: env.ATTRIBUTES_KV });
    await expect(persistence.load(userId)).rejects.toMatchObject({ code: "corrupt-record" });
    await env.ATTRIBUTES_KV.put(`skill-attributes:${userId}`, "[1,2]");
    await expect(persistence.load(userId)).rejects.toMatchObject({ code: "corrupt-record" });
    await expect(persistence.load("u".repeat(600))).rejects.toMatchObject({ code: "key-too-long" });
    expect(() => createKvPersistence({ namespace: env.ATTRIBUTES_KV, expirationTtl: 30 })).toThrow(PersistenceError);
    const skill = createSkill({ persistence, handlers: [onLaunch(async (input) => void (await input.attributes.persistent.getAll()))] });
    await expect(skill.handle(launchEnvelope({ userId }), collectingContext())).rejects.toBeInstanceOf(PersistenceError);
  });
});
