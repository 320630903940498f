// The D1 adapter's concurrency contract, per-key merge, against the real local D1: many
// simultaneous requests for one user that read the same state and then save different
// attributes all survive; a whole-document adapter under the same load loses them (control);
// a save is atomic.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { createD1Persistence, createSkill, onIntent, type PersistenceAdapter, type SkillOptions } from "../../src/skill/index.js";
import { collectingContext, intentEnvelope } from "./fixtures.js";

const d1 = createD1Persistence({ database: env.DB });
let userCounter = 0;
const freshUser = () => `amzn1.ask.account.d1c-${Date.now()}-${++userCounter}`;

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

describe("D1 persistence under concurrent requests", () => {
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
    await expect(d1.save(userId, [{ name: "a", json: "2" }, { name: "b", json: "not json" }], collectingContext())).rejects.toMatchObject({ code: "storage-failed" });
    expect(Object.fromEntries(await d1.load(userId))).toEqual({ a: "1" });
  });
});
