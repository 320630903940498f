/**
 * Issue #12, the request rules (real WebCrypto, dev kit CA): calendar-invalid timestamps are
 * rejected (Date.parse reads 2026-11-31 as 1 December and accepts T24:00:00); only the seven
 * real AlexaSkillEvent.* types get the one-hour window; `signature256Only` refuses the SHA-1
 * fallback (off by default); the replay guard refuses a request id seen again, per isolate in
 * memory and across isolates with the real local REPLAY_GUARD Durable Object.
 */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { createAlexaVerifier } from "../../src/verify/create-verifier.js";
import { createMemoryReplayGuard } from "../../src/verify/replay-guard.js";
import { parseAlexaTimestamp, SKILL_EVENT_TYPES } from "../../src/verify/timestamp.js";
import { createDurableObjectReplayGuard } from "../../src/http/replay-guard-object.js";
import { devKit, envelopeAt, signedRequest, trustingOptions } from "./helpers/dev-requests.js";
import { expectRejection } from "./helpers/requests.js";

const MINUTE = 60_000;

describe("calendar-invalid timestamps", () => {
  it.each([
    "2026-11-31T00:00:00Z",
    "2026-02-29T12:00:00Z",
    "2026-13-01T00:00:00Z",
    "2026-00-10T00:00:00Z",
    "2026-04-00T00:00:00Z",
    "2026-06-01T24:00:00Z",
    "2026-06-01T23:60:00Z",
    "2026-06-01T23:59:60Z",
    "2026-06-01T10:00:00+24:00",
    "2026-06-01T10:00:00+05:60",
  ])("%s is invalid-timestamp", async (timestamp) => {
    const { kit, clock } = await devKit();
    const envelope = envelopeAt(clock);
    const body = JSON.stringify({ ...envelope, request: { ...envelope.request, timestamp } });
    await expectRejection(createAlexaVerifier(trustingOptions(kit, clock)).verify(await signedRequest(kit, body)), "invalid-timestamp");
  });

  it("real instants still parse, a leap day and offsets included", () => {
    expect(parseAlexaTimestamp("2024-02-29T23:59:59Z")).toBe(Date.UTC(2024, 1, 29, 23, 59, 59));
    expect(parseAlexaTimestamp("2026-12-31T23:59:59.123Z")).toBe(Date.UTC(2026, 11, 31, 23, 59, 59, 123));
    expect(parseAlexaTimestamp("2026-06-01T10:00:00+02:00")).toBe(Date.UTC(2026, 5, 1, 8, 0, 0));
    expect(parseAlexaTimestamp("2026-11-31T00:00:00Z")).toBeNaN();
  });
});

describe("the one-hour window of skill events", () => {
  it.each([...SKILL_EVENT_TYPES])("%s 30 minutes old is accepted", async (type) => {
    const { kit, clock } = await devKit();
    const envelope = envelopeAt(clock - 30 * MINUTE);
    const body = JSON.stringify({ ...envelope, request: { ...envelope.request, type } });
    const verified = await createAlexaVerifier(trustingOptions(kit, clock)).verify(await signedRequest(kit, body));
    expect(verified.envelope.request.type).toBe(type);
  });

  it.each(["AlexaSkillEvent.MadeUp", "AlexaSkillEvent.", "AlexaSkillEvent.SkillEnabledX"])("%s 30 minutes old is stale", async (type) => {
    const { kit, clock } = await devKit();
    const envelope = envelopeAt(clock - 30 * MINUTE);
    const body = JSON.stringify({ ...envelope, request: { ...envelope.request, type } });
    await expectRejection(createAlexaVerifier(trustingOptions(kit, clock)).verify(await signedRequest(kit, body)), "stale-timestamp");
  });
});

describe("signature256Only", () => {
  it("is off by default: a request signed with SHA-1 only is accepted", async () => {
    const { kit, clock } = await devKit();
    const request = await signedRequest(kit, envelopeAt(clock), { omit: ["Signature-256"] });
    expect((await createAlexaVerifier(trustingOptions(kit, clock)).verify(request)).algorithm).toBe("SHA-1");
  });

  it("when on, refuses a SHA-1-only request and accepts Signature-256", async () => {
    const { kit, clock } = await devKit();
    const verifier = createAlexaVerifier(trustingOptions(kit, clock, { signature256Only: true }));
    await expectRejection(verifier.verify(await signedRequest(kit, envelopeAt(clock), { omit: ["Signature-256"] })), "missing-signature-header");
    expect((await verifier.verify(await signedRequest(kit, envelopeAt(clock)))).algorithm).toBe("SHA-256");
  });
});

describe("the replay guard", () => {
  it("in memory: the same verified request twice is replayed-request the second time", async () => {
    const { kit, clock } = await devKit();
    const verifier = createAlexaVerifier(trustingOptions(kit, clock, { replayGuard: createMemoryReplayGuard() }));
    const request = await signedRequest(kit, envelopeAt(clock));
    await verifier.verify(request.clone());
    await expectRejection(verifier.verify(request), "replayed-request");
    await verifier.verify(await signedRequest(kit, envelopeAt(clock)));
  });

  it("in memory: an id is remembered until its expiry, then forgotten; the guard stays bounded", async () => {
    const guard = createMemoryReplayGuard({ maxEntries: 3 });
    expect(await guard.checkAndRecord("id-1", 0, 1000)).toBe(false);
    expect(await guard.checkAndRecord("id-1", 999, 2000)).toBe(true);
    expect(await guard.checkAndRecord("id-1", 1001, 2000)).toBe(false);
    for (const id of ["id-2", "id-3", "id-4"]) expect(await guard.checkAndRecord(id, 1500, 5000)).toBe(false);
    expect(await guard.checkAndRecord("id-4", 1600, 5000)).toBe(true);
  });

  it("across isolates: two verifiers sharing the real local Durable Object refuse the second arrival", async () => {
    const { kit, clock } = await devKit();
    const guard = () => createDurableObjectReplayGuard(env.REPLAY_GUARD);
    const isolateA = createAlexaVerifier(trustingOptions(kit, clock, { replayGuard: guard() }));
    const isolateB = createAlexaVerifier(trustingOptions(kit, clock, { replayGuard: guard() }));
    const request = await signedRequest(kit, envelopeAt(clock));
    await isolateA.verify(request.clone());
    await expectRejection(isolateB.verify(request.clone()), "replayed-request");
    await expectRejection(isolateA.verify(request), "replayed-request");
  });

  it("a guard that hangs refuses the request within replayTimeoutMs (fails closed)", async () => {
    const { kit, clock } = await devKit();
    const verifier = createAlexaVerifier(trustingOptions(kit, clock, { replayGuard: { checkAndRecord: () => new Promise(() => {}) }, replayTimeoutMs: 50 }));
    await expectRejection(verifier.verify(await signedRequest(kit, envelopeAt(clock))), "replay-check-failed");
  });
});
