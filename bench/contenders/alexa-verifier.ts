/**
 * Peer: `alexa-verifier` 4 (ESM, promise form). Every call checks the
 * signature is base64, parses the JSON for the timestamp, then re-parses the
 * PEM with node-forge to check SAN and dates, and verifies `Signature-256`
 * with Node `crypto.createVerify` RSA-SHA256. Its PEM cache is private, so its
 * single download goes through a stubbed `https.get` (a fake 200 response
 * carrying the dev chain); `check` asserts it downloaded exactly once, so the
 * timed calls are its cached path.
 */
import { EventEmitter } from "node:events";
import https from "node:https";
import alexaVerifier from "alexa-verifier";
import type { BenchFixture } from "../fixtures.js";
import { expectRejection, type Contender } from "./contender.js";

export function alexaVerifierContender(fixture: BenchFixture): Contender {
  const network = stubHttpsGet({ [fixture.chainUrl]: fixture.chainPem });
  const verifyBody = (body: string) => alexaVerifier(fixture.chainUrl, fixture.signature256, body);
  return {
    name: "alexa_verifier",
    description: "alexa-verifier 4.0 (node-forge cert checks + crypto.createVerify every call), PEM cached",
    verify: () => verifyBody(fixture.body),
    rejectTampered: () => expectRejection("alexa_verifier", () => verifyBody(fixture.tamperedBody), (e) => e === "invalid signature"),
    check: () => {
      if (network.calls() !== 1) throw new Error(`alexa_verifier: expected 1 download, saw ${network.calls()}`);
    },
    dispose: async () => network.restore(),
  };
}

/** Replaces `https.get` with a fake that answers the given URLs with 200 + PEM, others with 404. */
function stubHttpsGet(pemByUrl: Readonly<Record<string, string>>): { calls: () => number; restore: () => void } {
  const original = https.get;
  let calls = 0;
  const fakeGet = (url: string, onResponse: (response: EventEmitter) => void): EventEmitter => {
    calls++;
    const pem = pemByUrl[url];
    const response = Object.assign(new EventEmitter(), { statusCode: pem === undefined ? 404 : 200, setEncoding: () => response });
    process.nextTick(() => {
      onResponse(response);
      if (pem !== undefined) response.emit("data", pem);
      response.emit("end");
    });
    return new EventEmitter();
  };
  https.get = fakeGet as unknown as typeof https.get;
  return {
    calls: () => calls,
    restore: () => {
      https.get = original;
    },
  };
}
