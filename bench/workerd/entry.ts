/**
 * A Worker used only by the benchmark, to time our verifier inside workerd,
 * the runtime it ships to. POST /setup takes the fixture, checks that the
 * verifier accepts the request and refuses it tampered (else 500), and warms
 * the memory cache. POST /run?what=<op>&n= then runs op `n` times back to back
 * in this isolate: `warm` is `verifyAlexaPayload` with the warm memory cache,
 * `cold` the same with a fresh cache (stubbed download + chain validation),
 * `limit` one `crypto.subtle.verify` (key imported, signature decoded), `floor`
 * the same plus UTF-8 decode and `JSON.parse` of the verified body, and
 * `step:<name>` / `replica:<name>` / `ladder:<name>` are the profiling ops of
 * warm-replica.ts, and `warm:verifier` is `warm` through a verifier built once
 * (`createAlexaVerifier`) instead of the one-call `verifyAlexaPayload`.
 * workerd freezes its clocks while code runs, so the caller times the request
 * from outside and subtracts an n=0 request.
 */
import { base64ToBytes } from "../../src/devkit/encoding.js";
import { AlexaVerificationError, createAlexaVerifier, createMemoryCertCache, verifyAlexaPayload, type VerifyOptions } from "../../src/index.js";
import { ABLATIONS, ladderOps, prepareReplica, stepOps, warmReplica } from "../warm-replica.js";

export interface WorkerdSetup {
  readonly headers: Record<string, string>;
  readonly body: string;
  readonly tamperedBody: string;
  readonly chainPem: string;
  readonly anchorsPem: string[];
  readonly skillId: string;
  readonly signature256: string;
  /** Base64 SPKI of the signing certificate's key. */
  readonly leafSpki: string;
}

type Op = () => Promise<unknown>;
const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });
let ops: Map<string, Op> | undefined;

async function prepare(setup: WorkerdSetup): Promise<Map<string, Op>> {
  const bytes = new TextEncoder().encode(setup.body);
  const headers = new Headers(setup.headers);
  const fetch = async () => new Response(setup.chainPem, { status: 200 });
  const certCache = createMemoryCertCache();
  const options: VerifyOptions = { skillIds: [setup.skillId], trustAnchors: setup.anchorsPem, certCache, fetch };
  await verifyAlexaPayload(headers, bytes, options);
  const tampered = await verifyAlexaPayload(headers, new TextEncoder().encode(setup.tamperedBody), options).then(
    () => "accepted",
    (error: unknown) => (error instanceof AlexaVerificationError ? error.reason : String(error)),
  );
  if (tampered !== "bad-signature") throw new Error(`tampered body: ${tampered}`);
  const key = await crypto.subtle.importKey("spki", base64ToBytes(setup.leafSpki), { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" }, false, ["verify"]);
  const signature = base64ToBytes(setup.signature256);
  const replica = await prepareReplica({ headers, bytes, anchorsPem: setup.anchorsPem, skillIds: [setup.skillId], cache: certCache, fetch });
  const all = new Map<string, Op>([
    ["none", async () => undefined],
    ["warm", () => verifyAlexaPayload(headers, bytes, options)],
    ["cold", () => verifyAlexaPayload(headers, bytes, { ...options, certCache: createMemoryCertCache() })],
    [
      "limit",
      async () => {
        if (!(await crypto.subtle.verify("RSASSA-PKCS1-v1_5", key, signature, bytes))) throw new Error("limit: signature did not verify");
      },
    ],
    [
      "floor",
      async () => {
        if (!(await crypto.subtle.verify("RSASSA-PKCS1-v1_5", key, signature, bytes))) throw new Error("floor: signature did not verify");
        if (typeof JSON.parse(utf8.decode(bytes)) !== "object") throw new Error("floor: body is not a JSON object");
      },
    ],
  ]);
  const verifier = createAlexaVerifier(options);
  await verifier.verifyPayload(headers, bytes);
  all.set("warm:verifier", () => verifier.verifyPayload(headers, bytes));
  for (const [name, op] of Object.entries(stepOps(replica))) all.set(`step:${name}`, op);
  for (const [name, op] of Object.entries(ladderOps(replica, key, signature))) all.set(`ladder:${name}`, op);
  for (const [name, skip] of Object.entries(ABLATIONS)) all.set(`replica:${name}`, () => warmReplica(replica, new Set(skip)));
  return all;
}

export default {
  async fetch(request: Request): Promise<Response> {
    const url = new URL(request.url);
    if (url.pathname === "/setup") {
      ops = await prepare(await request.json<WorkerdSetup>());
      return new Response("ready");
    }
    if (ops === undefined) return new Response("POST /setup first", { status: 409 });
    const op = ops.get(url.searchParams.get("what") ?? "");
    if (op === undefined) return new Response("unknown op", { status: 404 });
    const n = Number(url.searchParams.get("n") ?? "0");
    for (let i = 0; i < n; i++) await op();
    return new Response(`ran ${n}`);
  },
} satisfies ExportedHandler;
