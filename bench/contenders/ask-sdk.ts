/**
 * Peer: the official ASK SDK's Express adapter verifiers, as its
 * `ExpressAdapter` runs them: `SkillRequestSignatureVerifier.verify(body,
 * headers)` (URL checks, cert cache lookup, Node `crypto.createVerify`
 * RSA-SHA256 of `Signature-256` against the PEM) then
 * `TimestampVerifier.verify(body)`. Its cache is a public Map of URL -> PEM;
 * we preload it, which skips its download and chain validation, so this is
 * its warm path. It checks the real clock, hence timestamp = now in the fixture.
 */
import { SkillRequestSignatureVerifier, TimestampVerifier } from "ask-sdk-express-adapter";
import type { BenchFixture } from "../fixtures.js";
import { expectRejection, type Contender } from "./contender.js";

export function askSdkContender(fixture: BenchFixture): Contender {
  const signatureVerifier = new SkillRequestSignatureVerifier();
  const timestampVerifier = new TimestampVerifier();
  const certCache = (signatureVerifier as unknown as { certCache: Map<string, string> }).certCache;
  if (!(certCache instanceof Map)) throw new Error("ask_sdk: SkillRequestSignatureVerifier has no certCache Map");
  certCache.set(fixture.chainUrl, fixture.chainPem);
  const verifyBody = async (body: string) => {
    await signatureVerifier.verify(body, fixture.nodeHeaders);
    await timestampVerifier.verify(body);
  };
  return {
    name: "ask_sdk",
    description: "ask-sdk-express-adapter 2.14 signature + timestamp verifiers, cert cache preloaded",
    verify: () => verifyBody(fixture.body),
    rejectTampered: () =>
      expectRejection("ask_sdk", () => verifyBody(fixture.tamperedBody), (e) => String(e).includes("request body and signature does not match")),
    check: () => {
      if (certCache.size !== 1) throw new Error(`ask_sdk: cert cache holds ${certCache.size} entries, expected the preloaded one`);
    },
  };
}
