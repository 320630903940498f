/**
 * The adversarial corpus, part one: requests signed by the test Worker's own dev kit whose
 * headers, chain URL, signature, timestamp, JSON, method, body or skill id are wrong (or
 * odd but fine). Each entry names the status and the reason the Worker must log; a
 * `null` reason is an accepted request or a non-verification status (405, 413).
 */
import type { RequestEnvelope } from "ask-sdk-model";
import { inject } from "vitest";
import { createRequestEnvelope, createSignedRequest, importDevSigningKit, signBytes, type SignedRequestOptions } from "../../../src/devkit/index.js";
import type { VerificationFailureReason } from "../../../src/verify/errors.js";
import type { DevTrustJson } from "./send.js";

export const LOCAL = "http://localhost:8787/";
export const kitPromise = importDevSigningKit(inject("devKit"));

export interface CorpusEntry {
  readonly name: string;
  readonly status: number;
  readonly reason: VerificationFailureReason | null;
  readonly build: () => Promise<{ readonly request: Request; readonly trust?: DevTrustJson; readonly replayOf?: boolean }>;
}

const launch = (timestampOffsetMs = 0): RequestEnvelope =>
  createRequestEnvelope({ request: { type: "LaunchRequest" }, timestamp: Math.floor(Date.now() / 1000) * 1000 + timestampOffsetMs });
const withRequest = (fields: Record<string, unknown>) => JSON.stringify({ ...launch(), request: { ...launch().request, ...fields } });
const signed = async (body: RequestEnvelope | string = launch(), options: SignedRequestOptions = {}) =>
  ({ request: await createSignedRequest(await kitPromise, body, { url: LOCAL, ...options }) });
const headerSwap = async (edit: (headers: Headers) => void, body: RequestEnvelope | string = launch()) => {
  const { request } = await signed(body);
  const headers = new Headers(request.headers);
  edit(headers);
  return { request: new Request(request, { headers }) };
};
const rawSigned = async (bytes: Uint8Array<ArrayBuffer>, extraHeaders: Record<string, string> = {}) => {
  const kit = await kitPromise;
  const headers = { "Signature-256": await signBytes(kit.signingKey, "SHA-256", bytes), SignatureCertChainUrl: kit.chainUrl, ...extraHeaders };
  return { request: new Request(LOCAL, { method: "POST", headers, body: bytes }) };
};
const badUrl = (name: string, url: string): CorpusEntry => ({ name: `cert URL ${name}`, status: 400, reason: "invalid-cert-url", build: () => signed(launch(), { chainUrl: url }) });
const gzip = async (text: string) => new Uint8Array(await new Response(new Response(text).body!.pipeThrough(new CompressionStream("gzip"))).arrayBuffer());
const MIN = 60_000;
const S3 = "https://s3.amazonaws.com";
const FILE = "echo-api-cert-skillflare-dev.pem";

export const REQUEST_ENTRIES: readonly CorpusEntry[] = [
  { name: "a valid dev-signed LaunchRequest (control)", status: 200, reason: null, build: () => signed() },
  { name: "cert URL in upper case with :443 and a dot segment (normalises, accepted)", status: 200, reason: null, build: () => signed(launch(), { chainUrl: `HTTPS://S3.AMAZONAWS.COM:443/echo.api/./${FILE}` }) },
  { name: "cert URL with a duplicate slash and ../ inside echo.api (normalises, accepted)", status: 200, reason: null, build: () => signed(launch(), { chainUrl: `${S3}//echo.api/x/../${FILE}` }) },
  badUrl("with scheme http", `http://s3.amazonaws.com/echo.api/${FILE}`),
  badUrl("with scheme ftp", `ftp://s3.amazonaws.com/echo.api/${FILE}`),
  badUrl("without a scheme", `s3.amazonaws.com/echo.api/${FILE}`),
  badUrl("on another host", `https://notamazon.com/echo.api/${FILE}`),
  badUrl("on a host that only starts with s3.amazonaws.com", `https://s3.amazonaws.com.evil.example/echo.api/${FILE}`),
  badUrl("with a path in the wrong case", `${S3}/EcHo.aPi/${FILE}`),
  badUrl("outside echo.api", `${S3}/invalid.path/${FILE}`),
  badUrl("escaping echo.api with ../", `${S3}/echo.api/../${FILE}`),
  badUrl("escaping with a percent-encoded ..", `${S3}/echo.api/%2e%2e/${FILE}`),
  badUrl("with a percent-encoded slash", `${S3}/echo.api%2f${FILE}`),
  badUrl("on port 563", `https://s3.amazonaws.com:563/echo.api/${FILE}`),
  badUrl("with userinfo", `https://user@s3.amazonaws.com/echo.api/${FILE}`),
  badUrl("with a query string", `${S3}/echo.api/${FILE}?x=1`),
  badUrl("with a backslash", `${S3}/echo.api\\${FILE}`),
  badUrl("with a space inside", `${S3}/echo.api/a b.pem`),
  badUrl("with no path", `${S3}/`),
  badUrl("longer than 1024 characters", `${S3}/echo.api/${"a".repeat(1100)}.pem`),
  { name: "cert URL header empty", status: 400, reason: "missing-cert-url", build: () => headerSwap((h) => h.set("SignatureCertChainUrl", "")) },
  { name: "cert URL header missing", status: 400, reason: "missing-cert-url", build: () => signed(launch(), { chainUrl: null }) },
  { name: "cert URL header sent twice", status: 400, reason: "invalid-cert-url", build: () => headerSwap((h) => h.append("SignatureCertChainUrl", `${S3}/echo.api/other.pem`)) },
  { name: "no signature header at all", status: 400, reason: "missing-signature-header", build: () => signed(launch(), { omit: ["Signature", "Signature-256"] }) },
  { name: "Signature-256 that is not base64", status: 400, reason: "malformed-signature", build: () => headerSwap((h) => h.set("Signature-256", "not*base64!")) },
  { name: "Signature-256 empty", status: 400, reason: "malformed-signature", build: () => headerSwap((h) => h.set("Signature-256", "")) },
  { name: "Signature-256 sent twice", status: 400, reason: "malformed-signature", build: () => headerSwap((h) => h.append("Signature-256", h.get("Signature-256") ?? "")) },
  { name: "Signature-256 of random bytes", status: 400, reason: "bad-signature", build: () => headerSwap((h) => h.set("Signature-256", btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(256)))))) },
  { name: "Signature-256 cut in half", status: 400, reason: "bad-signature", build: () => headerSwap((h) => h.set("Signature-256", btoa(atob(h.get("Signature-256") ?? "").slice(0, 128)))) },
  { name: "disagreeing headers: bad Signature-256, valid SHA-1 Signature (256 decides)", status: 400, reason: "bad-signature", build: () => headerSwap((h) => h.set("Signature-256", h.get("Signature") ?? "")) },
  { name: "disagreeing headers: valid Signature-256, junk SHA-1 Signature (accepted)", status: 200, reason: null, build: () => headerSwap((h) => h.set("Signature", "AAAA")) },
  { name: "SHA-1 Signature only (accepted: signature256Only is off)", status: 200, reason: null, build: () => signed(launch(), { omit: ["Signature-256"] }) },
  { name: "a body changed after signing", status: 400, reason: "bad-signature", build: () => signed(launch(), { tamper: "value" }) },
  { name: "a body with a newline added after signing", status: 400, reason: "bad-signature", build: () => signed(launch(), { tamper: "whitespace" }) },
  { name: "a truncated body (signed whole, sent half)", status: 400, reason: "bad-signature", build: async () => { const { request } = await signed(); const text = await request.text(); return { request: new Request(request, { body: text.slice(0, text.length / 2) }) }; } },
  { name: "a gzip body signed over the plain JSON (Content-Encoding: gzip)", status: 400, reason: "bad-signature", build: async () => { const { request } = await signed(); const headers = new Headers(request.headers); headers.set("content-encoding", "gzip"); return { request: new Request(LOCAL, { method: "POST", headers, body: await gzip(await request.text()) }) }; } },
  { name: "a gzip body signed as sent", status: 400, reason: "body-not-json", build: async () => rawSigned(await gzip(JSON.stringify(launch())), { "content-encoding": "gzip" }) },
  { name: "a body that is not UTF-8", status: 400, reason: "body-not-json", build: () => rawSigned(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d])) },
  { name: "an empty signed body", status: 400, reason: "body-not-json", build: () => signed("") },
  { name: "invalid JSON", status: 400, reason: "body-not-json", build: () => signed('{"version":"1.0",') },
  { name: "a JSON array", status: 400, reason: "envelope-invalid", build: () => signed("[1,2,3]") },
  { name: "an envelope without request", status: 400, reason: "envelope-invalid", build: () => signed(JSON.stringify({ ...launch(), request: undefined })) },
  { name: "a request without type", status: 400, reason: "envelope-invalid", build: () => signed(withRequest({ type: 7 })) },
  { name: "a timestamp 151 s old", status: 400, reason: "stale-timestamp", build: () => signed(launch(-151_000)) },
  { name: "a timestamp 151 s in the future", status: 400, reason: "future-timestamp", build: () => signed(launch(151_000)) },
  { name: "a timestamp 140 s old (accepted; 10 s of slack for a loaded machine, the 150 s edge is pinned with a fixed clock in test/verify)", status: 200, reason: null, build: () => signed(launch(-140_000)) },
  { name: "no timestamp", status: 400, reason: "missing-timestamp", build: () => signed(withRequest({ timestamp: undefined })) },
  { name: "a numeric timestamp", status: 400, reason: "invalid-timestamp", build: () => signed(withRequest({ timestamp: Date.now() })) },
  { name: "a timestamp without a zone", status: 400, reason: "invalid-timestamp", build: () => signed(withRequest({ timestamp: new Date().toISOString().slice(0, 19) })) },
  { name: "a timestamp on 31 November", status: 400, reason: "invalid-timestamp", build: () => signed(withRequest({ timestamp: "2026-11-31T00:00:00Z" })) },
  { name: "a timestamp at T24:00:00", status: 400, reason: "invalid-timestamp", build: () => signed(withRequest({ timestamp: "2026-12-01T24:00:00Z" })) },
  { name: "AlexaSkillEvent.SkillEnabled 30 minutes old (accepted)", status: 200, reason: null, build: () => signed(JSON.stringify({ ...launch(-30 * MIN), request: { ...launch(-30 * MIN).request, type: "AlexaSkillEvent.SkillEnabled" } })) },
  { name: "AlexaSkillEvent.MadeUp 30 minutes old", status: 400, reason: "stale-timestamp", build: () => signed(JSON.stringify({ ...launch(-30 * MIN), request: { ...launch(-30 * MIN).request, type: "AlexaSkillEvent.MadeUp" } })) },
  { name: "an unknown skill id", status: 400, reason: "wrong-skill-id", build: () => signed(createRequestEnvelope({ request: { type: "LaunchRequest" }, applicationId: "amzn1.ask.skill.unknown" })) },
  { name: "no application id at all", status: 400, reason: "missing-skill-id", build: () => signed(JSON.stringify({ ...launch(), context: { System: {} } })) },
  { name: "the same request again (replay, REPLAY_GUARD Durable Object)", status: 400, reason: "replayed-request", build: async () => ({ ...(await signed()), replayOf: true }) },
  { name: "GET on the skill path", status: 405, reason: null, build: async () => ({ request: new Request(LOCAL) }) },
  { name: "PUT on the skill path", status: 405, reason: null, build: async () => ({ request: new Request(LOCAL, { method: "PUT", body: "{}" }) }) },
  { name: "a declared body over 256 KiB", status: 413, reason: null, build: async () => ({ request: new Request(LOCAL, { method: "POST", headers: { "content-length": String(300 * 1024) }, body: "x".repeat(300 * 1024) }) }) },
  { name: "a signed body over 256 KiB", status: 413, reason: null, build: () => signed(JSON.stringify({ ...launch(), padding: "x".repeat(300 * 1024) })) },
];
