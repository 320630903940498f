// Persistent attributes do the least storage work, on the real local D1 counted by
// test/skill/counting-d1.ts: no round trip for a handler that never touches them, one load
// shared by every read, one batched write for all changes, and no write for a change that
// leaves an attribute as it was read (same value, or deleting one that is not stored).
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { createD1Persistence, createSkill, onIntent, type HandlerInput } from "../../src/skill/index.js";
import { countingD1 } from "./counting-d1.js";
import { collectingContext, intentEnvelope } from "./fixtures.js";

const counting = countingD1(env.DB);
const persistence = createD1Persistence({ database: counting.database });
let users = 0;
const freshUser = () => `amzn1.ask.account.least-${Date.now()}-${++users}`;

/** Runs `handle` as one request for `userId`; returns the trips it made ("read" / "write:<statements>"). */
async function tripsOf(userId: string, handle: (input: HandlerInput) => Promise<void> | void): Promise<string[]> {
  const skill = createSkill({ handlers: [onIntent("Test", async (input) => void (await handle(input)))], persistence, checks: "throw" });
  counting.trips.length = 0;
  await skill.handle(intentEnvelope("Test", {}, { userId }), collectingContext());
  return counting.trips.map((trip) => (trip.kind === "read" ? "read" : `write:${trip.statements}`));
}

describe("persistent attributes: the fewest storage round trips", () => {
  it("makes none when the handler never touches them", async () => {
    expect(await tripsOf(freshUser(), () => {})).toEqual([]);
  });

  it("loads once for any number of reads, and batches every change into one write", async () => {
    const userId = freshUser();
    const trips = await tripsOf(userId, async ({ attributes: { persistent } }) => {
      await persistent.get("a");
      await persistent.get("b");
      await persistent.getAll();
      persistent.set("a", 1);
      persistent.set("b", { two: 2 });
      persistent.set("c", [3]);
    });
    expect(trips).toEqual(["read", "write:3"]);
    expect(await persistence.load(userId)).toEqual(new Map([["a", "1"], ["b", '{"two":2}'], ["c", "[3]"]]));
  });

  it("writes nothing when every change leaves the attribute as it was read", async () => {
    const userId = freshUser();
    await tripsOf(userId, ({ attributes: { persistent } }) => persistent.set("point", { story: "moon", offset: 5 }));
    const trips = await tripsOf(userId, async ({ attributes: { persistent } }) => {
      const point = await persistent.get<{ story: string; offset: number }>("point");
      persistent.set("point", { story: point?.story, offset: point?.offset });
      persistent.delete("never-stored");
    });
    expect(trips).toEqual(["read"]);
  });

  it("still writes the attributes that did change, and only those", async () => {
    const userId = freshUser();
    await tripsOf(userId, ({ attributes: { persistent } }) => {
      persistent.set("same", "x");
      persistent.set("moved", 1);
    });
    const trips = await tripsOf(userId, async ({ attributes: { persistent } }) => {
      await persistent.getAll();
      persistent.set("same", "x");
      persistent.set("moved", 2);
    });
    expect(trips).toEqual(["read", "write:1"]);
    expect(await persistence.load(userId)).toEqual(new Map([["same", '"x"'], ["moved", "2"]]));
  });

  it("writes a change it cannot compare (nothing was read): a blind set costs one write and no read", async () => {
    const userId = freshUser();
    await tripsOf(userId, ({ attributes: { persistent } }) => persistent.set("point", 1));
    expect(await tripsOf(userId, ({ attributes: { persistent } }) => persistent.set("point", 1))).toEqual(["write:1"]);
  });
});
