/**
 * The verifier end to end over dev-kit-signed requests: headers, signature
 * choice (Signature-256 decides when present), body bytes, envelope, timestamp
 * in both directions, skill-event age, skill-id allowlist and option checks.
 * Seed 002: "Check the request signature" steps 5-8 and "Check the request
 * timestamp"; DESIGN.md "Verification, step by step" 1, 6, 7, 8.
 */
import { describe, expect, it } from "vitest";
import { signBytes, utf8Bytes } from "../../src/devkit/index.js";
import { verifyAlexaPayload, verifyAlexaRequest } from "../../src/verify/verify-request.js";
import { DEV_SKILL_ID, devKit, envelopeAt, signedRequest, trustingOptions } from "./helpers/dev-requests.js";
import { alexaRequest, expectRejection } from "./helpers/requests.js";

describe("signature headers", () => {
  it("verifies Signature-256 when both headers are present", async () => {
    const { kit, clock } = await devKit();
    const verified = await verifyAlexaRequest(await signedRequest(kit, envelopeAt(clock)), trustingOptions(kit, clock));
    expect(verified.algorithm).toBe("SHA-256");
    expect(verified.envelope.context.System.application.applicationId).toBe(DEV_SKILL_ID);
  });

  it("verifies Signature-256 alone", async () => {
    const { kit, clock } = await devKit();
    const request = await signedRequest(kit, envelopeAt(clock), { omit: ["Signature"] });
    expect((await verifyAlexaRequest(request, trustingOptions(kit, clock))).algorithm).toBe("SHA-256");
  });

  it("falls back to Signature (SHA-1) only when Signature-256 is absent", async () => {
    const { kit, clock } = await devKit();
    const request = await signedRequest(kit, envelopeAt(clock), { omit: ["Signature-256"] });
    expect((await verifyAlexaRequest(request, trustingOptions(kit, clock))).algorithm).toBe("SHA-1");
  });

  it("lets Signature-256 alone decide: a valid SHA-1 signature cannot rescue a wrong SHA-256 one", async () => {
    const { kit, clock } = await devKit();
    const envelope = envelopeAt(clock);
    const otherBodySignature = await signBytes(kit.signingKey, "SHA-256", utf8Bytes("{}"));
    const request = await signedRequest(kit, envelope, { headers: { "Signature-256": otherBodySignature } });
    await expectRejection(verifyAlexaRequest(request, trustingOptions(kit, clock)), "bad-signature");
  });

  it("ignores a broken Signature when Signature-256 verifies", async () => {
    const { kit, clock } = await devKit();
    const request = await signedRequest(kit, envelopeAt(clock), { headers: { Signature: "AAAA" } });
    expect((await verifyAlexaRequest(request, trustingOptions(kit, clock))).algorithm).toBe("SHA-256");
  });

  it("rejects a request without any signature header", async () => {
    const { kit, clock } = await devKit();
    const request = await signedRequest(kit, envelopeAt(clock), { omit: ["Signature", "Signature-256"] });
    await expectRejection(verifyAlexaRequest(request, trustingOptions(kit, clock)), "missing-signature-header");
  });

  it("rejects a request without SignatureCertChainUrl", async () => {
    const { kit, clock } = await devKit();
    const request = await signedRequest(kit, envelopeAt(clock), { chainUrl: null });
    await expectRejection(verifyAlexaRequest(request, trustingOptions(kit, clock)), "missing-cert-url");
  });

  it("rejects an invalid chain URL before downloading anything", async () => {
    const { kit, clock } = await devKit();
    let downloads = 0;
    const request = await signedRequest(kit, envelopeAt(clock), { chainUrl: "https://s3.amazonaws.com/echo.api/../evil.pem" });
    const options = trustingOptions(kit, clock, {});
    await expectRejection(
      verifyAlexaRequest(request, { ...options, fetch: async () => (downloads++, new Response("")) }),
      "invalid-cert-url",
    );
    expect(downloads).toBe(0);
  });

  it.each([
    ["Signature-256", "not base64!"],
    ["Signature-256", "QUJD==="],
    ["Signature-256", ""],
    ["Signature-256", "QUJD RA=="],
  ])("rejects a malformed %s header (%j)", async (header, value) => {
    const { kit, clock } = await devKit();
    const request = await signedRequest(kit, envelopeAt(clock), { headers: { [header]: value } });
    await expectRejection(verifyAlexaRequest(request, trustingOptions(kit, clock)), "malformed-signature");
  });

  it("rejects a malformed Signature header when it is the only one", async () => {
    const { kit, clock } = await devKit();
    const request = await signedRequest(kit, envelopeAt(clock), { omit: ["Signature-256"], headers: { Signature: "%%%" } });
    await expectRejection(verifyAlexaRequest(request, trustingOptions(kit, clock)), "malformed-signature");
  });

  it("rejects a well-formed signature of the wrong length", async () => {
    const { kit, clock } = await devKit();
    const request = await signedRequest(kit, envelopeAt(clock), { headers: { "Signature-256": "QUJDRA==" } });
    await expectRejection(verifyAlexaRequest(request, trustingOptions(kit, clock)), "bad-signature");
  });
});

describe("body bytes", () => {
  it.each(["value", "whitespace"] as const)("rejects a body tampered by %s", async (tamper) => {
    const { kit, clock } = await devKit();
    const request = await signedRequest(kit, envelopeAt(clock), { tamper });
    await expectRejection(verifyAlexaRequest(request, trustingOptions(kit, clock)), "bad-signature");
  });

  it("returns the body exactly as signed, non-ASCII included", async () => {
    const { kit, clock } = await devKit();
    const body = JSON.stringify(envelopeAt(clock, { type: "IntentRequest", intent: "Search", slots: { term: "Pokémon ✓" } }));
    const verified = await verifyAlexaRequest(await signedRequest(kit, body), trustingOptions(kit, clock));
    expect(verified.rawBody).toBe(body);
    expect(verified.rawBodyBytes).toEqual(utf8Bytes(body));
  });

  it("rejects a signed body that is not JSON", async () => {
    const { kit, clock } = await devKit();
    await expectRejection(verifyAlexaRequest(await signedRequest(kit, "hello"), trustingOptions(kit, clock)), "body-not-json");
  });

  it("rejects a signed body that is not UTF-8", async () => {
    const { kit, clock } = await devKit();
    const bytes = new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]);
    const headers = {
      "Signature-256": await signBytes(kit.signingKey, "SHA-256", bytes),
      SignatureCertChainUrl: kit.chainUrl,
    };
    await expectRejection(verifyAlexaRequest(alexaRequest(bytes, headers), trustingOptions(kit, clock)), "body-not-json");
  });

  it.each([["[]"], ["null"], ['"text"'], ["{}"], ['{"request":{}}'], ['{"request":{"type":3}}'], ['{"request":[]}']])(
    "rejects the signed JSON %s as an invalid envelope",
    async (body) => {
      const { kit, clock } = await devKit();
      await expectRejection(verifyAlexaRequest(await signedRequest(kit, body), trustingOptions(kit, clock)), "envelope-invalid");
    },
  );

  it("rejects a request whose body was already read (body-unreadable)", async () => {
    const { kit, clock } = await devKit();
    const request = await signedRequest(kit, envelopeAt(clock));
    await request.text();
    await expectRejection(verifyAlexaRequest(request, trustingOptions(kit, clock)), "body-unreadable");
  });

  it("verifyAlexaPayload checks headers and bytes read elsewhere", async () => {
    const { kit, clock } = await devKit();
    const request = await signedRequest(kit, envelopeAt(clock));
    const bytes = new Uint8Array(await request.arrayBuffer());
    expect((await verifyAlexaPayload(request.headers, bytes, trustingOptions(kit, clock))).algorithm).toBe("SHA-256");
  });
});

describe("timestamp (seed 002: within 150 s, both directions)", () => {
  const stamped = async (offsetSeconds: number, type: "LaunchRequest" | "AlexaSkillEvent.SkillEnabled" = "LaunchRequest") => {
    const { kit, clock } = await devKit();
    const request = await signedRequest(kit, envelopeAt(clock - offsetSeconds * 1000, { type }));
    return { request, options: trustingOptions(kit, clock) };
  };

  it.each([0, 150, -150])("accepts a request %i s old", async (age) => {
    const { request, options } = await stamped(age);
    await expect(verifyAlexaRequest(request, options)).resolves.toMatchObject({ algorithm: "SHA-256" });
  });

  it("rejects a request 151 s old", async () => {
    const { request, options } = await stamped(151);
    await expectRejection(verifyAlexaRequest(request, options), "stale-timestamp");
  });

  it("rejects a request 151 s in the future", async () => {
    const { request, options } = await stamped(-151);
    await expectRejection(verifyAlexaRequest(request, options), "future-timestamp");
  });

  it("applies a smaller configured tolerance", async () => {
    const { request, options } = await stamped(31);
    await expectRejection(verifyAlexaRequest(request, { ...options, toleranceSeconds: 30 }), "stale-timestamp");
  });

  it.each([3600, 151])("accepts an AlexaSkillEvent %i s old", async (age) => {
    const { request, options } = await stamped(age, "AlexaSkillEvent.SkillEnabled");
    const verified = await verifyAlexaRequest(request, options);
    expect(verified.envelope.request.type).toBe("AlexaSkillEvent.SkillEnabled");
  });

  it("rejects an AlexaSkillEvent older than an hour", async () => {
    const { request, options } = await stamped(3601, "AlexaSkillEvent.SkillEnabled");
    await expectRejection(verifyAlexaRequest(request, options), "stale-timestamp");
  });

  it("rejects an AlexaSkillEvent 151 s in the future", async () => {
    const { request, options } = await stamped(-151, "AlexaSkillEvent.SkillEnabled");
    await expectRejection(verifyAlexaRequest(request, options), "future-timestamp");
  });

  it.each([
    ["missing-timestamp", undefined],
    ["missing-timestamp", ""],
    ["invalid-timestamp", "yesterday"],
    ["invalid-timestamp", 1_563_230_663_000],
    ["invalid-timestamp", "2019-07-15 22:44:23"],
    ["invalid-timestamp", "2019-13-45T22:44:23Z"],
  ] as const)("rejects with %s when the timestamp is %j", async (reason, timestamp) => {
    const { kit, clock } = await devKit();
    const envelope = envelopeAt(clock) as unknown as { request: Record<string, unknown> };
    if (timestamp === undefined) delete envelope.request["timestamp"];
    else envelope.request["timestamp"] = timestamp;
    const request = await signedRequest(kit, JSON.stringify(envelope));
    await expectRejection(verifyAlexaRequest(request, trustingOptions(kit, clock)), reason);
  });

  it("accepts fractional seconds and numeric offsets", async () => {
    const { kit, clock } = await devKit();
    for (const timestamp of [new Date(clock).toISOString(), new Date(clock + 3_600_000).toISOString().replace("Z", "+01:00")]) {
      const envelope = envelopeAt(clock) as unknown as { request: Record<string, unknown> };
      envelope.request["timestamp"] = timestamp;
      const verified = await verifyAlexaRequest(await signedRequest(kit, JSON.stringify(envelope)), trustingOptions(kit, clock));
      expect(verified.envelope.request.timestamp).toBe(timestamp);
    }
  });

  it.each([151, -1, Number.NaN, Number.POSITIVE_INFINITY])("refuses toleranceSeconds %s as a programming error", async (tolerance) => {
    const { kit, clock } = await devKit();
    const request = await signedRequest(kit, envelopeAt(clock));
    await expect(verifyAlexaRequest(request, trustingOptions(kit, clock, { toleranceSeconds: tolerance }))).rejects.toBeInstanceOf(RangeError);
  });
});

describe("skill id (DESIGN step 8)", () => {
  it("accepts a configured id and skips the check when none is configured", async () => {
    const { kit, clock } = await devKit();
    const allowed = await verifyAlexaRequest(await signedRequest(kit, envelopeAt(clock)), trustingOptions(kit, clock, { skillIds: ["other", DEV_SKILL_ID] }));
    expect(allowed.envelope.context?.System.application.applicationId).toBe(DEV_SKILL_ID);
    const unchecked = await verifyAlexaRequest(await signedRequest(kit, envelopeAt(clock)), trustingOptions(kit, clock));
    expect(unchecked.envelope.context?.System.application.applicationId).toBe(DEV_SKILL_ID);
  });

  it("rejects an id that is not configured, and everything under an empty allowlist", async () => {
    const { kit, clock } = await devKit();
    await expectRejection(
      verifyAlexaRequest(await signedRequest(kit, envelopeAt(clock)), trustingOptions(kit, clock, { skillIds: ["amzn1.ask.skill.other"] })),
      "wrong-skill-id",
    );
    await expectRejection(verifyAlexaRequest(await signedRequest(kit, envelopeAt(clock)), trustingOptions(kit, clock, { skillIds: [] })), "wrong-skill-id");
  });

  it("reads context.System.application, not session.application, when context is present", async () => {
    const { kit, clock } = await devKit();
    const envelope = envelopeAt(clock) as unknown as { session: { application: { applicationId: string } } };
    envelope.session.application = { applicationId: "amzn1.ask.skill.session-only" };
    const options = trustingOptions(kit, clock, { skillIds: ["amzn1.ask.skill.session-only"] });
    await expectRejection(verifyAlexaRequest(await signedRequest(kit, JSON.stringify(envelope)), options), "wrong-skill-id");
  });

  it("does not fall back to the session when context lacks the id", async () => {
    const { kit, clock } = await devKit();
    const envelope = envelopeAt(clock) as unknown as { context: { System: Record<string, unknown> } };
    delete envelope.context.System["application"];
    const options = trustingOptions(kit, clock, { skillIds: [DEV_SKILL_ID] });
    await expectRejection(verifyAlexaRequest(await signedRequest(kit, JSON.stringify(envelope)), options), "missing-skill-id");
  });

  it("falls back to session.application when context is absent (2015-2017 requests)", async () => {
    const { kit, clock } = await devKit();
    const envelope = envelopeAt(clock) as unknown as Record<string, unknown>;
    delete envelope["context"];
    const body = JSON.stringify(envelope);
    await verifyAlexaRequest(await signedRequest(kit, body), trustingOptions(kit, clock, { skillIds: [DEV_SKILL_ID] }));
    await expectRejection(verifyAlexaRequest(await signedRequest(kit, body), trustingOptions(kit, clock, { skillIds: ["x"] })), "wrong-skill-id");
  });

  it("rejects a request with neither context nor session when ids are configured", async () => {
    const { kit, clock } = await devKit();
    const body = JSON.stringify({ version: "1.0", request: { type: "LaunchRequest", timestamp: new Date(clock).toISOString() } });
    await expectRejection(verifyAlexaRequest(await signedRequest(kit, body), trustingOptions(kit, clock, { skillIds: [DEV_SKILL_ID] })), "missing-skill-id");
  });
});
