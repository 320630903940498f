/**
 * Bad signing material through the full verifier: the dev kit's negative
 * variants (expired / not-yet-valid leaf, SAN without echo-api, no SAN at all,
 * a root nobody trusts, a request signed with a key that is not the leaf's)
 * and a non-CA certificate posing as the issuer. Seed 002, "Check the request
 * signature" step 3: "Check the Not Before and Not After dates", "Make sure the
 * domain name echo-api.amazon.com is present in the Subject Alternative Names",
 * "Validate that all certificates in the chain combine to create a chain of
 * trust".
 */
import { describe, expect, it } from "vitest";
import {
  createKitChainFetch,
  createCryptoEngine,
  derToPem,
  getSharedDevSigningKit,
  getSharedDevSigningKitVariant,
  type DevKitVariant,
} from "../../src/devkit/index.js";
import { issueCertificate } from "../../src/devkit/certificate-builder.js";
import type { VerificationFailureReason } from "../../src/verify/errors.js";
import { verifyAlexaRequest } from "../../src/verify/verify-request.js";
import { DEFAULT_TRUST_ANCHORS } from "../../src/verify/anchors.js";
import { devKit, envelopeAt, signedRequest, trustingOptions } from "./helpers/dev-requests.js";
import { expectRejection } from "./helpers/requests.js";

describe("dev kit negative material", () => {
  it.each([
    ["expired-leaf", "cert-expired"],
    ["not-yet-valid-leaf", "cert-not-yet-valid"],
    ["wrong-san", "san-missing"],
    ["no-san", "san-missing"],
    ["untrusted-root", "chain-untrusted"],
    ["wrong-signing-key", "bad-signature"],
  ] satisfies [DevKitVariant, VerificationFailureReason][])("%s is rejected with %s", async (variant, reason) => {
    const { kit: trusted, clock } = await devKit();
    const bad = await getSharedDevSigningKitVariant(variant);
    const request = await signedRequest(bad, envelopeAt(clock));
    await expectRejection(verifyAlexaRequest(request, trustingOptions(trusted, clock, { fetch: createKitChainFetch(bad) })), reason);
  });

  it("the valid variant passes under the same options (the negatives fail for their own reason)", async () => {
    const { kit: trusted, clock } = await devKit();
    const good = await getSharedDevSigningKitVariant("valid");
    const verified = await verifyAlexaRequest(await signedRequest(good, envelopeAt(clock)), trustingOptions(trusted, clock, { fetch: createKitChainFetch(good) }));
    expect(verified.certChainUrl).toBe(good.chainUrl);
  });

  it("a wrong-SAN leaf whose CN is echo-api.amazon.com is still rejected (CN alone is not enough)", async () => {
    const bad = await getSharedDevSigningKitVariant("wrong-san");
    expect(bad.certificatesPem.leaf).toBeTruthy();
    const { kit: trusted, clock } = await devKit();
    const failure = await expectRejection(
      verifyAlexaRequest(await signedRequest(bad, envelopeAt(clock)), trustingOptions(trusted, clock, { fetch: createKitChainFetch(bad) })),
      "san-missing",
    );
    expect(failure.detail).toContain("echo-api.amazon.com.skillflare-dev.invalid");
  });

  it("the dev chain is untrusted under the bundled (Amazon) anchors", async () => {
    const { kit, clock } = await devKit();
    const options = trustingOptions(kit, clock, { trustAnchors: DEFAULT_TRUST_ANCHORS });
    await expectRejection(verifyAlexaRequest(await signedRequest(kit, envelopeAt(clock)), options), "chain-untrusted");
  });

  it("a chain expired at the request clock is rejected even though it was valid when issued", async () => {
    const { kit, clock } = await devKit();
    const later = clock + 2 * 365 * 86_400_000;
    await expectRejection(verifyAlexaRequest(await signedRequest(kit, envelopeAt(later)), trustingOptions(kit, later)), "cert-expired");
  });

  it("a non-CA certificate with the intermediate's name cannot issue the signing certificate", async () => {
    const kit = await getSharedDevSigningKit();
    const { clock } = await devKit();
    const keys = kit.keyPairs;
    if (keys === undefined) throw new Error("shared kit carries its key pairs");
    const engine = createCryptoEngine();
    const window = { notBefore: new Date(clock - 86_400_000), notAfter: new Date(clock + 86_400_000) };
    const intermediateName = { country: "US", organization: "skillflare dev", organizationalUnit: "Server CA 1B", commonName: "skillflare dev" };
    const rootName = { country: "US", organization: "skillflare dev", commonName: "skillflare dev Root CA 1" };
    const fakeIntermediate = await issueCertificate(
      {
        subject: intermediateName,
        subjectPublicKey: keys.intermediate.publicKey,
        issuer: rootName,
        issuerPublicKey: keys.rootCa1.publicKey,
        issuerPrivateKey: keys.rootCa1.privateKey,
        ...window,
        profile: { kind: "leaf", dnsNames: ["not-a-ca.example"] },
      },
      engine,
    );
    const chainPem = [kit.certificatesPem.leaf, derToPem(fakeIntermediate.der), kit.certificatesPem.rootCa1CrossSigned].join("");
    const forged = { ...kit, chainPem };
    const options = trustingOptions(kit, clock, { fetch: createKitChainFetch(forged) });
    const failure = await expectRejection(verifyAlexaRequest(await signedRequest(kit, envelopeAt(clock)), options), "chain-untrusted");
    expect(failure.detail).toContain("not a CA");
  });
});

describe("chain download failures through the verifier", () => {
  const withFetch = async (fetchChain: (url: string, init: RequestInit) => Promise<Response>, extra = {}) => {
    const { kit, clock } = await devKit();
    const request = await signedRequest(kit, envelopeAt(clock));
    return verifyAlexaRequest(request, trustingOptions(kit, clock, { fetch: fetchChain, ...extra }));
  };

  it("404 -> chain-download-failed", async () => {
    await expectRejection(withFetch(async () => new Response("no", { status: 404 })), "chain-download-failed");
  });

  it("a redirect is not followed -> chain-download-failed", async () => {
    const { kit } = await devKit();
    const seen: RequestInit[] = [];
    await expectRejection(
      withFetch(async (_url, init) => {
        seen.push(init);
        return new Response(kit.chainPem, { status: 302, headers: { location: "https://evil.example/chain.pem" } });
      }),
      "chain-download-failed",
    );
    expect(seen).toHaveLength(1);
    expect(seen[0]?.redirect).toBe("manual");
  });

  it("a network error -> chain-download-failed", async () => {
    await expectRejection(withFetch(async () => Promise.reject(new TypeError("network down"))), "chain-download-failed");
  });

  it("no answer in time -> chain-download-timeout", async () => {
    const hang = (_url: string, init: RequestInit) =>
      new Promise<Response>((_, reject) => init.signal?.addEventListener("abort", () => reject(new Error("aborted"))));
    await expectRejection(withFetch(hang, { downloadTimeoutMs: 50 }), "chain-download-timeout");
  });

  it("an oversized chain -> chain-too-large", async () => {
    await expectRejection(withFetch(async () => new Response("A".repeat(70 * 1024))), "chain-too-large");
  });

  it("junk instead of PEM -> invalid-pem", async () => {
    await expectRejection(withFetch(async () => new Response("<Error><Code>AccessDenied</Code></Error>")), "invalid-pem");
  });
});
