/**
 * `npm run scan:chains`: single-byte changes of the certificates a genuine Alexa chain's
 * path uses (its leaf and intermediate) go through the verifier,
 * for each distinct chain of the genuine requests in test/fixtures/alexa-real/, with the
 * verifier's clock at that request's timestamp and its download answered from memory. Every
 * changed chain must be refused with an AlexaVerificationError: one that is accepted, or that
 * makes anything else escape, is printed and fails the scan (exit 1). Prints the reasons
 * tallied. The changes, at every byte: SCAN_CHANGES=xor (default) flips it with XOR 0x01,
 * 0x80 and 0xff (about 47,000 chains, 5 minutes here); SCAN_CHANGES=tags sets it to each
 * ASN.1 string and time tag, primitive and constructed (those reach asn1js's type-specific
 * decoders, which can throw; about 316,000 chains); SCAN_CHANGES=all does both. SCAN_STEP=n
 * changes every n-th byte only. Run it after changing the PEM, outline or chain code, or after
 * moving pkijs or asn1js; test/verify/mutated-chains.test.ts keeps the cases it once found.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { derToPem } from "../src/devkit/index.js";
import { createAlexaVerifier } from "../src/verify/create-verifier.js";
import { AlexaVerificationError } from "../src/verify/errors.js";
import { readPemCertificates } from "../src/verify/pem.js";
import { AMAZON_TRUST_SERVICES_SINCE, VERISIGN_G5_ROOT_FILE } from "../test/verify/helpers/trust-history.js";

const FIXTURES = fileURLToPath(new URL("../test/fixtures/alexa-real", import.meta.url));
const VERISIGN_G5 = readFileSync(join(FIXTURES, "certs/roots", VERISIGN_G5_ROOT_FILE), "utf8");
/** One change of a byte: what it becomes, and how the report names it. */
interface ByteChange {
  readonly apply: (byte: number) => number;
  readonly name: string;
}
const hex = (value: number) => `0x${value.toString(16).padStart(2, "0")}`;
const XOR_CHANGES: readonly ByteChange[] = [0x01, 0x80, 0xff].map((mask) => ({ apply: (byte) => byte ^ mask, name: `XOR ${hex(mask)}` }));
/** UTF8String, NumericString, PrintableString, TeletexString, IA5String, UTCTime, GeneralizedTime, VisibleString, UniversalString, BMPString. */
const STRING_AND_TIME_TAGS = [0x0c, 0x12, 0x13, 0x14, 0x16, 0x17, 0x18, 0x1a, 0x1c, 0x1e];
const TAG_CHANGES: readonly ByteChange[] = STRING_AND_TIME_TAGS.flatMap((tag) => [tag, tag | 0x20]).map((tag) => ({ apply: () => tag, name: `set to ${hex(tag)}` }));
const CHANGES: Readonly<Record<string, readonly ByteChange[]>> = { xor: XOR_CHANGES, tags: TAG_CHANGES, all: [...XOR_CHANGES, ...TAG_CHANGES] };

const step = Number(process.env["SCAN_STEP"] ?? 1);
if (!Number.isInteger(step) || step < 1) throw new Error(`SCAN_STEP must be a positive integer, not ${process.env["SCAN_STEP"]}`);
const changes = CHANGES[process.env["SCAN_CHANGES"] ?? "xor"];
if (changes === undefined) throw new Error(`SCAN_CHANGES must be xor, tags or all, not ${process.env["SCAN_CHANGES"]}`);

interface Genuine {
  readonly name: string;
  readonly headers: Record<string, string>;
  readonly body: Uint8Array;
  readonly nowMs: number;
  readonly chain: Uint8Array[];
}

function genuineRequests(): Genuine[] {
  const seen = new Set<string>();
  return readdirSync(FIXTURES)
    .sort()
    .filter((name) => existsSync(join(FIXTURES, name, "chain.pem")))
    .flatMap((name) => {
      const pem = readFileSync(join(FIXTURES, name, "chain.pem"), "utf8");
      if (seen.has(pem)) return [];
      seen.add(pem);
      const body = readFileSync(join(FIXTURES, name, "body.json"));
      const envelope = JSON.parse(body.toString("utf8")) as { request: { timestamp: string } };
      const headers = JSON.parse(readFileSync(join(FIXTURES, name, "headers.json"), "utf8")) as Record<string, string>;
      return [{ name, headers, body: new Uint8Array(body), nowMs: Date.parse(envelope.request.timestamp), chain: readPemCertificates(pem) }];
    });
}

function pemOf(chain: readonly Uint8Array[]): string {
  return chain.map((der) => derToPem(der)).join("");
}

/** "accepted", a verification failure's code, or what else escaped. */
async function verdict(request: Genuine, chain: readonly Uint8Array[]): Promise<string> {
  const pem = pemOf(chain);
  const verifier = createAlexaVerifier({
    now: () => request.nowMs,
    fetch: async () => new Response(pem),
    ...(request.nowMs < AMAZON_TRUST_SERVICES_SINCE ? { trustAnchors: [VERISIGN_G5] } : {}),
  });
  try {
    await verifier.verifyPayload(new Headers(request.headers), request.body);
    return "accepted";
  } catch (error) {
    return error instanceof AlexaVerificationError ? error.code : `escaped: ${String(error)}`;
  }
}

const tally = new Map<string, number>();
const wrong: string[] = [];
let total = 0;
for (const request of genuineRequests()) {
  const unchanged = await verdict(request, request.chain);
  if (unchanged !== "accepted") throw new Error(`${request.name}: the unchanged chain is not accepted (${unchanged})`);
  let changed = 0;
  for (const index of [0, 1]) {
    const certificate = request.chain[index];
    if (certificate === undefined) continue;
    for (let offset = 0; offset < certificate.byteLength; offset += step) {
      for (const change of changes) {
        const original = certificate[offset] as number;
        const changedByte = change.apply(original);
        if (changedByte === original) continue;
        const chain = request.chain.map((der, i) => (i === index ? der.slice() : der));
        (chain[index] as Uint8Array)[offset] = changedByte;
        const outcome = await verdict(request, chain);
        changed++;
        const key = outcome.startsWith("escaped") ? "escaped" : outcome;
        tally.set(key, (tally.get(key) ?? 0) + 1);
        if (outcome === "accepted" || outcome.startsWith("escaped")) wrong.push(`${request.name}: certificate ${index}, byte ${offset} ${change.name}: ${outcome}`);
      }
    }
  }
  total += changed;
  console.log(`${request.name}: ${changed} changed chains`);
}
console.log(`\n| outcome | chains |\n|:---|---:|`);
for (const [outcome, count] of [...tally].sort((a, b) => b[1] - a[1])) console.log(`| ${outcome} | ${count} |`);
console.log(`\n${total} changed chains, ${wrong.length} accepted or escaped`);
for (const line of wrong) console.log(`  ${line}`);
if (wrong.length > 0) process.exitCode = 1;
