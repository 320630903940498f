/**
 * The 18 genuine Alexa requests (2015-2019) must verify end to end with the
 * clock frozen at their timestamp, and must be rejected 151 s later, with one
 * body byte changed, or with another body under their signature. Pre-2018-06-28
 * requests chain to VeriSign G5, which we pass as the anchor; later ones use
 * the bundled defaults. Seed: Amazon, "Host a Custom Skill as a Web Service"
 * (/work/shared/seeds/002), "Check the request signature" and "Check the
 * request timestamp".
 */
import { describe, expect, it } from "vitest";
import { createMemoryCertCache } from "../../src/verify/cert-cache.js";
import { verifyAlexaRequest, type VerifyOptions } from "../../src/verify/verify-request.js";
import {
  AMAZON_TRUST_SERVICES_SINCE,
  REAL_NEGATIVE_BODIES,
  REAL_REQUESTS,
  VERISIGN_G5_ROOT,
  realRequestNamed,
  type RealRequest,
} from "./helpers/real-fixtures.js";
import { alexaRequest, chainServer, expectRejection } from "./helpers/requests.js";

function optionsFor(real: RealRequest, clockMs: number): VerifyOptions & { calls: string[] } {
  const normalisedUrl = real.certUrl.replace("s3.amazonaws.com:443/", "s3.amazonaws.com/");
  const server = chainServer({ [normalisedUrl]: real.chainPem });
  return {
    calls: server.calls,
    now: () => clockMs,
    fetch: server.fetch,
    certCache: createMemoryCertCache(),
    ...(real.timestampMs < AMAZON_TRUST_SERVICES_SINCE ? { trustAnchors: [VERISIGN_G5_ROOT] } : {}),
  };
}

function send(real: RealRequest, body: string | Uint8Array = real.body): Request {
  return alexaRequest(body, { Signature: real.signature, SignatureCertChainUrl: real.certUrl });
}

describe("genuine Alexa requests", () => {
  it("are all present (18 requests, 2015-2019)", () => {
    expect(REAL_REQUESTS).toHaveLength(18);
  });

  it.each(REAL_REQUESTS)("$name verifies with the clock at its timestamp", async (real) => {
    const options = optionsFor(real, real.timestampMs);
    const verified = await verifyAlexaRequest(send(real), options);
    expect(verified.algorithm).toBe("SHA-1");
    expect(verified.rawBody).toBe(real.body);
    expect(verified.envelope.request.type).toBe(real.type);
    expect(options.calls).toHaveLength(1);
  });

  it.each(REAL_REQUESTS)("$name is rejected 151 s after its timestamp", async (real) => {
    await expectRejection(verifyAlexaRequest(send(real), optionsFor(real, real.timestampMs + 151_000)), "stale-timestamp");
  });

  it.each(REAL_REQUESTS)("$name is rejected 151 s before its timestamp", async (real) => {
    await expectRejection(verifyAlexaRequest(send(real), optionsFor(real, real.timestampMs - 151_000)), "future-timestamp");
  });

  it.each(REAL_REQUESTS)("$name is accepted exactly 150 s after its timestamp", async (real) => {
    await expect(verifyAlexaRequest(send(real), optionsFor(real, real.timestampMs + 150_000))).resolves.toBeDefined();
  });

  it.each(REAL_REQUESTS)("$name is rejected when one body byte changes", async (real) => {
    const bytes = new TextEncoder().encode(real.body);
    const middle = Math.floor(bytes.length / 2);
    bytes[middle] = (bytes[middle] ?? 0) ^ 0x01;
    await expectRejection(verifyAlexaRequest(send(real, bytes), optionsFor(real, real.timestampMs)), "bad-signature");
  });

  it.each(REAL_NEGATIVE_BODIES)("$name/$file is rejected under the original signature", async ({ name, body }) => {
    const real = realRequestNamed(name);
    await expectRejection(verifyAlexaRequest(send(real, body), optionsFor(real, real.timestampMs)), "bad-signature");
  });

  it("bodies with leading space and raw newlines verify untouched (sidoh-2017-11-20, valexa-2017-12-01)", async () => {
    for (const name of ["sidoh-2017-11-20", "valexa-2017-12-01"]) {
      const real = realRequestNamed(name);
      expect(real.body.startsWith(" ")).toBe(true);
      await verifyAlexaRequest(send(real), optionsFor(real, real.timestampMs));
      await expectRejection(verifyAlexaRequest(send(real, real.body.trim()), optionsFor(real, real.timestampMs)), "bad-signature");
    }
  });

  it("the 2019 cross-signed chain (ask-sdk-nodejs-2019-07-15) verifies with the default anchors", async () => {
    const real = realRequestNamed("ask-sdk-nodejs-2019-07-15");
    const options = optionsFor(real, real.timestampMs);
    expect(options.trustAnchors).toBeUndefined();
    const verified = await verifyAlexaRequest(send(real), options);
    expect(verified.certChainUrl).toBe("https://s3.amazonaws.com/echo.api/echo-api-cert-7.pem");
  });

  it("a Symantec-era request is untrusted under the default anchors", async () => {
    const real = realRequestNamed("jovo-2017-06-06-a");
    const { trustAnchors: _dropped, ...defaults } = optionsFor(real, real.timestampMs);
    await expectRejection(verifyAlexaRequest(send(real), defaults), "chain-untrusted");
  });

  it("a genuine request is rejected with today's clock (its chain expired long ago)", async () => {
    const real = realRequestNamed("ask-sdk-nodejs-2019-07-15");
    await expectRejection(verifyAlexaRequest(send(real), optionsFor(real, Date.now())), "cert-expired");
  });

  it("the application id of a genuine request passes or fails the allowlist", async () => {
    const real = realRequestNamed("deeppavlov-2018-12-19");
    const id = "amzn1.ask.skill.8b17a5de-3749-4919-aa1f-e0bbaf8a46a6";
    await verifyAlexaRequest(send(real), { ...optionsFor(real, real.timestampMs), skillIds: [id] });
    await expectRejection(
      verifyAlexaRequest(send(real), { ...optionsFor(real, real.timestampMs), skillIds: ["amzn1.ask.skill.other"] }),
      "wrong-skill-id",
    );
  });

  it("a 2015 request without context is checked against session.application", async () => {
    const real = realRequestNamed("sidoh-2015-08-02");
    const id = "amzn1.echo-sdk-ams.app.a1692ae2-2e84-429a-b09c-6e08de725a60";
    await verifyAlexaRequest(send(real), { ...optionsFor(real, real.timestampMs), skillIds: [id] });
    await expectRejection(
      verifyAlexaRequest(send(real), { ...optionsFor(real, real.timestampMs), skillIds: ["amzn1.ask.skill.x"] }),
      "wrong-skill-id",
    );
  });
});
