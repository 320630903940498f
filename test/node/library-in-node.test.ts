/**
 * The library entry outside workerd: `src/index.ts` loads in plain Node >= 20
 * and verifies a genuine Alexa request (2018, cross-signed chain to Amazon
 * Root CA 1, default anchors) with Node's own WebCrypto, and rejects it one
 * byte or 151 s off. The verify layer imports nothing runtime-specific
 * (DESIGN.md "Layers"), which is checked on the source itself.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { AlexaVerificationError, verifyAlexaRequest } from "../../src/index.js";

const FIXTURE = join(__dirname, "../fixtures/alexa-real/deeppavlov-2018-12-19");
const body = Uint8Array.from(readFileSync(join(FIXTURE, "body.json")));
const bodyText = new TextDecoder().decode(body);
const headers = JSON.parse(readFileSync(join(FIXTURE, "headers.json"), "utf8")) as Record<string, string>;
const chain = readFileSync(join(FIXTURE, "chain.pem"), "utf8");
const timestamp = Date.parse((JSON.parse(bodyText) as { request: { timestamp: string } }).request.timestamp);

function request(bytes: Uint8Array<ArrayBuffer>): Request {
  return new Request("https://skill.example.com/", { method: "POST", headers, body: bytes });
}

const options = (nowMs: number) => ({
  now: () => nowMs,
  fetch: async (url: string) =>
    url === headers["SignatureCertChainUrl"] ? new Response(chain) : new Response("no", { status: 404 }),
});

describe("verifyAlexaRequest in Node", () => {
  it("verifies a genuine 2018 request at its timestamp with the default anchors", async () => {
    const verified = await verifyAlexaRequest(request(body), options(timestamp));
    expect(verified.algorithm).toBe("SHA-1");
    expect(verified.rawBody).toBe(bodyText);
    expect(verified.envelope.request.type).toBe("IntentRequest");
  });

  it("rejects it with one body byte changed", async () => {
    const tampered = Uint8Array.from(body);
    const at = tampered.length - 3;
    tampered[at] = (tampered[at] ?? 0) ^ 0x01;
    const error = await verifyAlexaRequest(request(tampered), options(timestamp)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AlexaVerificationError);
    expect((error as AlexaVerificationError).reason).toBe("bad-signature");
  });

  it("rejects it 151 s later as stale", async () => {
    const error = await verifyAlexaRequest(request(body), options(timestamp + 151_000)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AlexaVerificationError);
    expect((error as AlexaVerificationError).reason).toBe("stale-timestamp");
  });
});

describe("src/verify stays runtime-neutral", () => {
  const dir = join(__dirname, "../../src/verify");
  const sources = [...readdirSync(dir).map((name) => join(dir, name)), join(__dirname, "../../src/index.ts")];

  it.each(sources)("%s imports no node: or cloudflare: module", (path) => {
    const text = readFileSync(path, "utf8");
    expect(text).not.toMatch(/from\s+["'](node:|cloudflare:)/);
    expect(text).not.toMatch(/import\(\s*["'](node:|cloudflare:)/);
  });
});
