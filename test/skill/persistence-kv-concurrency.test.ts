// Issue #12: KV persistence lost concurrent saves inside one isolate (two saves of different
// attributes for one user kept only the second; 1 of 20 lost with 20 saves). These send exactly
// that input through a real local KV namespace (ATTRIBUTES_KV) with the real clock and sleep,
// wait for every deferred write, and read the stored document back.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { createKvPersistence, createSkill, onIntent } from "../../src/skill/index.js";
import { collectingContext, intentEnvelope } from "./fixtures.js";

let userCounter = 0;
const freshUser = () => `amzn1.ask.account.kv-concurrent-${Date.now()}-${++userCounter}`;
const stored = async (userId: string) => JSON.parse((await env.ATTRIBUTES_KV.get(`skill-attributes:${userId}`)) ?? "null") as unknown;

describe("KV persistence, concurrent saves in one isolate", () => {
  it("keeps both of two concurrent saves of different attributes for one user", async () => {
    const userId = freshUser();
    const persistence = createKvPersistence({ namespace: env.ATTRIBUTES_KV });
    const contexts = [collectingContext(), collectingContext()];
    await Promise.all([
      persistence.save(userId, [{ name: "x", json: "1" }], contexts[0]!),
      persistence.save(userId, [{ name: "y", json: "2" }], contexts[1]!),
    ]);
    await Promise.all(contexts.map((context) => context.settle()));
    expect(await stored(userId)).toEqual({ x: 1, y: 2 });
  });

  it("keeps all twenty of twenty concurrent requests' saves, through the skill runtime", async () => {
    const userId = freshUser();
    const skill = createSkill({
      persistence: createKvPersistence({ namespace: env.ATTRIBUTES_KV }),
      handlers: [onIntent("Mark", (input) => input.attributes.persistent.set(`n${input.slots.value("n")}`, true))],
    });
    const contexts = Array.from({ length: 20 }, () => collectingContext());
    await Promise.all(
      contexts.map((context, n) =>
        skill.handle(intentEnvelope("Mark", { n: { name: "n", value: String(n), confirmationStatus: "NONE" } }, { userId }), context),
      ),
    );
    await Promise.all(contexts.map((context) => context.settle()));
    expect(await stored(userId)).toEqual(Object.fromEntries(Array.from({ length: 20 }, (_, n) => [`n${n}`, true])));
  });

  it("keeps saves that arrive while the first write is in flight and after it (a delayed second write)", async () => {
    const userId = freshUser();
    const persistence = createKvPersistence({ namespace: env.ATTRIBUTES_KV, minWriteIntervalMs: 50 });
    const first = collectingContext();
    const firstSave = persistence.save(userId, [{ name: "a", json: "1" }], first);
    await new Promise((resolve) => setTimeout(resolve, 0));
    const late = collectingContext();
    const lateSaves = [1, 2, 3].map((n) => persistence.save(userId, [{ name: `late${n}`, json: String(n) }], late));
    await Promise.all([firstSave, ...lateSaves]);
    expect(Object.fromEntries(await persistence.load(userId))).toEqual({ a: "1", late1: "1", late2: "2", late3: "3" });
    await Promise.all([first.settle(), late.settle()]);
    expect(await stored(userId)).toEqual({ a: 1, late1: 1, late2: 2, late3: 3 });
  });
});
