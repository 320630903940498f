/**
 * `npm run scan:chains`: every single-byte change of the certificates a genuine Alexa chain's
 * path uses (its leaf and intermediate, XOR 0x01, 0x80 and 0xff) goes through the verifier,
 * for each distinct chain of the genuine requests in test/fixtures/alexa-real/, with the
 * verifier's clock at that request's timestamp and its download answered from memory. Every
 * changed chain must be refused with an AlexaVerificationError: one that is accepted, or that
 * makes anything else escape, is printed and fails the scan (exit 1). Prints the reasons
 * tallied. SCAN_STEP=n checks every n-th byte (default 1: all of them, about 47,000 chains
 * and 5 minutes here). Run it after changing the PEM, outline or chain code, or after moving
 * pkijs or asn1js; test/verify/mutated-chains.test.ts keeps the cases it once found.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createAlexaVerifier } from "../src/verify/create-verifier.js";
import { AlexaVerificationError } from "../src/verify/errors.js";
import { readPemCertificates } from "../src/verify/pem.js";
import { encodeBase64 } from "../src/shared/base64.js";

const FIXTURES = fileURLToPath(new URL("../test/fixtures/alexa-real", import.meta.url));
/** Before this date the genuine chains lead to VeriSign Class 3 G5, which is not bundled. */
const AMAZON_TRUST_SERVICES_SINCE = Date.parse("2018-06-28T00:00:00Z");
const VERISIGN_G5 = readFileSync(join(FIXTURES, "certs/roots/VeriSign_Class_3_Public_Primary_CA_G5.pem"), "utf8");
const MASKS = [0x01, 0x80, 0xff];

const step = Number(process.env["SCAN_STEP"] ?? 1);
if (!Number.isInteger(step) || step < 1) throw new Error(`SCAN_STEP must be a positive integer, not ${process.env["SCAN_STEP"]}`);

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
  return chain.map((der) => `-----BEGIN CERTIFICATE-----\n${encodeBase64(der).replace(/(.{64})/g, "$1\n")}\n-----END CERTIFICATE-----\n`).join("");
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
      for (const mask of MASKS) {
        const chain = request.chain.map((der, i) => (i === index ? der.slice() : der));
        (chain[index] as Uint8Array)[offset] = (certificate[offset] as number) ^ mask;
        const outcome = await verdict(request, chain);
        changed++;
        const key = outcome.startsWith("escaped") ? "escaped" : outcome;
        tally.set(key, (tally.get(key) ?? 0) + 1);
        if (outcome === "accepted" || outcome.startsWith("escaped")) wrong.push(`${request.name}: certificate ${index}, byte ${offset} XOR 0x${mask.toString(16)}: ${outcome}`);
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
