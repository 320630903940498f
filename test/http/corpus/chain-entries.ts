/**
 * The adversarial corpus, part two: what the chain URL serves. A CA made in the test (the
 * shared dev kit, whose CA keys are at hand) is named as the Worker's dev trust, and each
 * entry serves one bad chain at its own URL: junk, huge, truncated or HTML "PEM", base64
 * junk inside the armour, wrong order, a missing intermediate, the leaf alone, a self-signed
 * leaf, an untrusted root, an expired intermediate, an expired or not-yet-valid leaf, a wrong
 * or absent SAN, and a request signed with a key that is not the leaf's.
 */
import {
  createDevSigningKitVariant,
  createCryptoEngine,
  createSignedRequest,
  createRequestEnvelope,
  derToPem,
  getSharedDevSigningKit,
  type DevKitVariant,
  type DevSigningKit,
} from "../../../src/devkit/index.js";
import { issueCertificate } from "../../../src/devkit/certificate-builder.js";
import type { VerificationFailureReason } from "../../../src/verify/errors.js";
import { LOCAL, type CorpusEntry } from "./request-entries.js";

const DAY = 86_400_000;
let counter = 0;
const urlFor = (name: string) => `https://s3.amazonaws.com/echo.api/corpus-${name}-${++counter}.pem`;

/** A request signed by `signer`, pointing at `pem` served under a fresh URL by a dev trust of the shared kit's anchors. */
async function serving(pem: (kit: DevSigningKit) => Promise<string> | string, signer?: (kit: DevSigningKit, url: string) => Promise<DevSigningKit>) {
  const kit = await getSharedDevSigningKit();
  const url = urlFor("chain");
  const signing = signer === undefined ? { ...kit, chainUrl: url } : await signer(kit, url);
  const request = await createSignedRequest(signing, createRequestEnvelope({ request: { type: "LaunchRequest" } }), { url: LOCAL, chainUrl: url });
  return { request, trust: { anchors: kit.anchorsPem, chains: { [url]: await pem(signing) } } };
}

const variant = (name: DevKitVariant, reason: VerificationFailureReason): CorpusEntry => ({
  name: `chain of the "${name}" dev kit variant`,
  status: 400,
  reason,
  build: () => serving((signing) => signing.chainPem, (kit, url) => createDevSigningKitVariant(name, { ...kit, chainUrl: url })),
});

const bad = (name: string, reason: VerificationFailureReason, pem: (kit: DevSigningKit) => Promise<string> | string): CorpusEntry => ({
  name,
  status: 400,
  reason,
  build: () => serving(pem),
});

const blocks = (pem: string): string[] => pem.match(/-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----\n?/g) ?? [];

async function reissued(kit: DevSigningKit, which: "expired-intermediate" | "self-signed-leaf"): Promise<string> {
  const keys = kit.keyPairs;
  if (keys === undefined) throw new Error("the shared kit carries its key pairs");
  const now = kit.createdAt.getTime();
  const engine = createCryptoEngine();
  if (which === "self-signed-leaf") {
    const name = { organization: "skillflare dev", commonName: "echo-api.amazon.com" };
    const { der } = await issueCertificate(
      { subject: name, subjectPublicKey: keys.leaf.publicKey, issuer: name, issuerPublicKey: keys.leaf.publicKey, issuerPrivateKey: keys.leaf.privateKey, notBefore: new Date(now - DAY), notAfter: new Date(now + DAY), profile: { kind: "leaf", dnsNames: ["echo-api.amazon.com"] } },
      engine,
    );
    return derToPem(der);
  }
  const { der } = await issueCertificate(
    {
      subject: { country: "US", organization: "skillflare dev", organizationalUnit: "Server CA 1B", commonName: "skillflare dev" },
      subjectPublicKey: keys.intermediate.publicKey,
      issuer: { country: "US", organization: "skillflare dev", commonName: "skillflare dev Root CA 1" },
      issuerPublicKey: keys.rootCa1.publicKey,
      issuerPrivateKey: keys.rootCa1.privateKey,
      notBefore: new Date(now - 400 * DAY),
      notAfter: new Date(now - DAY),
      profile: { kind: "ca", pathLength: 0 },
    },
    engine,
  );
  const { leaf, rootCa1CrossSigned, servicesRootG2CrossSigned } = kit.certificatesPem;
  return [leaf, derToPem(der), rootCa1CrossSigned, servicesRootG2CrossSigned].join("");
}

export const CHAIN_ENTRIES: readonly CorpusEntry[] = [
  { name: "the shared kit's own chain at a fresh URL (control)", status: 200, reason: null, build: () => serving((kit) => kit.chainPem) },
  bad("junk text instead of PEM", "invalid-pem", () => "hello, I am not a certificate\n"),
  bad("an HTML error page instead of PEM", "invalid-pem", () => "<!DOCTYPE html><html><body><h1>Access Denied</h1></body></html>"),
  bad("an empty file", "invalid-pem", () => ""),
  bad("a PEM chain over 64 KiB", "chain-too-large", (kit) => kit.chainPem.repeat(40)),
  bad("a PEM truncated in the middle of a block", "invalid-pem", (kit) => kit.chainPem.slice(0, Math.floor(kit.chainPem.length / 3))),
  bad("base64 junk inside the PEM armour", "invalid-pem", () => "-----BEGIN CERTIFICATE-----\n!!!!not*base64!!!!\n-----END CERTIFICATE-----\n"),
  bad("a PEM of bytes that are no certificate", "invalid-pem", () => `-----BEGIN CERTIFICATE-----\n${btoa("x".repeat(300))}\n-----END CERTIFICATE-----\n`),
  bad("the chain in the wrong order (intermediate first)", "san-missing", (kit) => { const [leaf, intermediate, ...rest] = blocks(kit.chainPem); return [intermediate, leaf, ...rest].join(""); }),
  bad("the intermediate missing", "chain-untrusted", (kit) => { const [leaf, , ...rest] = blocks(kit.chainPem); return [leaf, ...rest].join(""); }),
  bad("the leaf alone", "chain-untrusted", (kit) => blocks(kit.chainPem)[0] ?? ""),
  bad("a self-signed leaf with the echo-api SAN", "chain-untrusted", (kit) => reissued(kit, "self-signed-leaf")),
  bad("an expired intermediate", "cert-expired", (kit) => reissued(kit, "expired-intermediate")),
  variant("expired-leaf", "cert-expired"),
  variant("not-yet-valid-leaf", "cert-not-yet-valid"),
  variant("wrong-san", "san-missing"),
  variant("no-san", "san-missing"),
  variant("untrusted-root", "chain-untrusted"),
  variant("wrong-signing-key", "bad-signature"),
];
