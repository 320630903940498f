/**
 * A certificate on the path cannot change by a single byte and still verify. And nothing that
 * a changed certificate makes asn1js or pkijs do escapes as an untyped error, which the
 * endpoint would answer with a 500. One genuine Alexa request (ask-sdk-nodejs-2019-07-15:
 * Amazon's echo-api-cert-7 leaf and its intermediate, Amazon Server CA 1B, to Amazon Root CA
 * 1) is sent with its leaf or its intermediate changed by one XORed byte. Every such chain must
 * be refused with an AlexaVerificationError. Seed: Amazon, "Host a Custom Skill as a Web
 * Service" (/work/shared/seeds/002), "Check the request signature", step 3: "Validate that
 * all certificates in the chain combine to create a chain of trust to a trusted root CA
 * certificate". The fixed examples come from an exhaustive scan (2026-12-01: every byte of
 * both certificates, masks 0x01 and 0x80) of the tree before this test existed:
 * - three made asn1js throw a RangeError (a BMPString of odd length);
 * - two made it throw "Wrong input string for conversion" (a GeneralizedTime);
 * - six were accepted: the outer signatureAlgorithm's NULL parameters changed, and the
 *   signature BIT STRING's unused-bits octet set.
 * A review then found three more, with bytes set to a string or time tag (masks 0x9c, 0x1f,
 * 0x9a), inside the SAN and basicConstraints values that pkijs parses only when they are
 * first read, after the certificate parse: asn1js threw there too.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { derToPem } from "../../src/devkit/index.js";
import { createMemoryCertCache } from "../../src/verify/cert-cache.js";
import { AlexaVerificationError } from "../../src/verify/errors.js";
import { readPemCertificates } from "../../src/verify/pem.js";
import { verifyAlexaRequest } from "../../src/verify/verify-request.js";
import { realRequestNamed } from "./helpers/real-fixtures.js";
import { alexaRequest } from "./helpers/requests.js";

const REAL = realRequestNamed("ask-sdk-nodejs-2019-07-15");
const SERVED = readPemCertificates(REAL.chainPem);

/** [certificate (0 leaf, 1 intermediate), byte offset, XOR mask] */
type Mutation = [number, number, number];

const FOUND_BY_THE_SCAN: readonly Mutation[] = [
  [0, 83, 0x01],
  [0, 111, 0x01],
  [1, 91, 0x01],
  [0, 487, 0x01],
  [1, 584, 0x01],
  [0, 1130, 0x01],
  [0, 1130, 0x80],
  [0, 1136, 0x01],
  [1, 838, 0x01],
  [1, 838, 0x80],
  [1, 844, 0x01],
  [0, 559, 0x9c],
  [1, 528, 0x1f],
  [0, 559, 0x9a],
];

function chainWith([certificate, offset, mask]: Mutation): string {
  return SERVED.map((der, index) => {
    const bytes = der.slice();
    if (index === certificate) bytes[offset] = (bytes[offset] as number) ^ mask;
    return derToPem(bytes);
  }).join("");
}

async function verdictWith(chainPem: string): Promise<unknown> {
  const request = alexaRequest(REAL.body, { Signature: REAL.signature, SignatureCertChainUrl: REAL.certUrl });
  return verifyAlexaRequest(request, {
    now: () => REAL.timestampMs,
    fetch: async () => new Response(chainPem),
    certCache: createMemoryCertCache(),
  }).then(
    () => "accepted",
    (error: unknown) => error,
  );
}

const mutation: fc.Arbitrary<Mutation> = fc
  .integer({ min: 0, max: 1 })
  .chain((certificate) =>
    fc.tuple(fc.constant(certificate), fc.integer({ min: 0, max: (SERVED[certificate] as Uint8Array).byteLength - 1 }), fc.integer({ min: 1, max: 255 })),
  );

describe("a served chain changed by one byte", () => {
  it("verifies unchanged (the mutations below are the only difference)", async () => {
    expect(SERVED.length).toBeGreaterThanOrEqual(2);
    expect(await verdictWith(chainWith([0, 0, 0]))).toBe("accepted");
  });

  it.each(FOUND_BY_THE_SCAN)("certificate %i, byte %i XOR %i: refused with a typed error", async (...found) => {
    const verdict = await verdictWith(chainWith(found));
    expect(verdict).toBeInstanceOf(AlexaVerificationError);
  });

  it("any byte of the leaf or the intermediate, any mask: refused with a typed error", async () => {
    await fc.assert(
      fc.asyncProperty(mutation, async (change) => {
        const verdict = await verdictWith(chainWith(change));
        expect(verdict, `mutation ${JSON.stringify(change)}`).toBeInstanceOf(AlexaVerificationError);
      }),
      { numRuns: 300 },
    );
  }, 30_000);

  it("names the rule for the bytes outside what the issuer signed", async () => {
    const reasons = await Promise.all(
      ([[0, 1130, 0x01], [0, 1136, 0x01]] as const).map(async (found) => {
        const verdict = (await verdictWith(chainWith([...found]))) as AlexaVerificationError;
        return `${verdict.code}: ${verdict.detail}`;
      }),
    );
    expect(reasons).toEqual([
      "invalid-pem: certificate 0: signatureAlgorithm differs from the tbsCertificate's signature field (RFC 5280 4.1.1.2)",
      "invalid-pem: certificate 0: signature BIT STRING with unused bits",
    ]);
  });
});
