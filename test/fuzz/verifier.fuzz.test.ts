/**
 * Issue #12, property fuzzing through the Worker (src/worker.ts's `fetch`, called directly with
 * the test bindings: SELF's per-call bookkeeping grew with every call and made 3,000 cases
 * quadratic): start from one
 * valid dev-signed request and mutate it (bit flips in the body, JSON edits, header edits,
 * re-signing with a wrong key). Properties: nothing mutated is accepted (the one legitimate
 * exception is a chain URL that normalises to the genuine one, or an edit to the SHA-1
 * `Signature` header, which `Signature-256` overrides), nothing answers 5xx, and no promise
 * rejection goes unhandled. `npm test` runs FUZZ_RUNS (default 3,000) cases in all;
 * `npm run fuzz` runs 12,000. Outbound chain fetches for unseen URLs get a fast 404, so
 * the run measures the Worker, not a network timeout (the download guard soon throttles them).
 */
import { createExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import { createRequestEnvelope, createSignedRequest, generateRsaKeyPair, importDevSigningKit, signBytes, toRequestSigningKey, type RequestSigningKey } from "../../src/devkit/index.js";
import { normaliseCertChainUrl } from "../../src/verify/cert-url.js";
import worker from "../../src/worker.js";

const LOCAL = "http://localhost:8787/";
const RUNS = inject("fuzzRuns");
const kitPromise = importDevSigningKit(inject("devKit"));
let unhandled = 0;
const countUnhandled = () => void (unhandled += 1);
let wrongKeys: RequestSigningKey[] = [];
/** One bindings object for the whole run: one isolate's verifier, warm, as in production. */
const bindings = { ...env };

interface Case {
  readonly body: Uint8Array<ArrayBuffer>;
  readonly headers: Record<string, string>;
  /** Acceptance would be legitimate (an equivalent chain URL, a SHA-1 edit Signature-256 overrides). */
  readonly mayPass: boolean;
}

beforeAll(async () => {
  globalThis.addEventListener("unhandledrejection", countUnhandled);
  vi.spyOn(globalThis, "fetch").mockImplementation(async () => new Response("not here", { status: 404 }));
  vi.spyOn(console, "warn").mockImplementation(() => {});
  vi.spyOn(console, "error").mockImplementation(() => {});
  vi.spyOn(console, "log").mockImplementation(() => {});
  wrongKeys = await Promise.all([1, 2, 3].map(async () => toRequestSigningKey((await generateRsaKeyPair()).privateKey)));
});

afterAll(() => {
  globalThis.removeEventListener("unhandledrejection", countUnhandled);
  vi.restoreAllMocks();
});

let baseRequest: Promise<{ text: string; headers: Record<string, string> }> | undefined;

/** The one valid request every case starts from (a legitimately passing mutation may then be a replay: a 400). */
function base(): Promise<{ text: string; headers: Record<string, string> }> {
  baseRequest ??= (async () => {
    const kit = await kitPromise;
    const request = await createSignedRequest(kit, createRequestEnvelope({ request: { type: "IntentRequest", intent: "AMAZON.HelpIntent" } }), { url: LOCAL });
    return { text: await request.text(), headers: Object.fromEntries(request.headers) };
  })();
  return baseRequest;
}

async function send(c: Case): Promise<number> {
  const request = new Request(LOCAL, { method: "POST", headers: c.headers, body: c.body });
  const response = await worker.fetch!(request as Request<unknown, IncomingRequestCfProperties>, bindings, createExecutionContext());
  await response.arrayBuffer();
  return response.status;
}

const utf8 = (text: string): Uint8Array<ArrayBuffer> => new Uint8Array(new TextEncoder().encode(text));
const jsonValue = fc.oneof(fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(fc.integer(), { maxLength: 3 }), fc.dictionary(fc.string({ maxLength: 5 }), fc.integer(), { maxKeys: 2 }));
const JSON_PATHS = [["version"], ["session"], ["session", "new"], ["session", "attributes"], ["context"], ["context", "System", "application", "applicationId"], ["context", "System", "user", "userId"], ["request"], ["request", "type"], ["request", "timestamp"], ["request", "requestId"], ["request", "intent", "name"], ["request", "locale"], ["extra"]];

function setPath(root: Record<string, unknown>, path: readonly string[], value: unknown, remove: boolean): void {
  let node: Record<string, unknown> = root;
  for (const key of path.slice(0, -1)) {
    const next = node[key];
    if (typeof next !== "object" || next === null) return void (node[key] = remove ? undefined : value);
    node = next as Record<string, unknown>;
  }
  const last = path.at(-1) ?? "x";
  if (remove) delete node[last];
  else node[last] = value;
}

/** Share of the runs each mutation gets (re-signing costs an RSA signature per case). */
const WEIGHTS: Readonly<Record<string, number>> = { "byte flips in the body": 0.35, "JSON mutations": 0.3, "header mutations": 0.25, "re-signed with a wrong key": 0.1 };

const mutations: Record<string, fc.Arbitrary<(b: { text: string; headers: Record<string, string> }) => Promise<Case>>> = {
  "byte flips in the body": fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 7 })), { minLength: 1, maxLength: 4 }).map((flips) => async (b) => {
    const body = utf8(b.text);
    for (const [at, bit] of flips) body[at % body.length] = (body[at % body.length] ?? 0) ^ (1 << bit);
    return { body, headers: b.headers, mayPass: false };
  }),
  "JSON mutations": fc.tuple(fc.constantFrom(...JSON_PATHS), jsonValue, fc.boolean(), fc.constantFrom("", " ", "\n")).map(([path, value, remove, pad]) => async (b) => {
    const envelope = JSON.parse(b.text) as Record<string, unknown>;
    setPath(envelope, path, value, remove);
    const text = JSON.stringify(envelope) + pad;
    return { body: utf8(text === b.text ? `${text} ` : text), headers: b.headers, mayPass: false };
  }),
  "header mutations": fc.oneof(
    fc.tuple(fc.constant("Signature-256"), fc.oneof(fc.base64String({ maxLength: 400 }), fc.string({ maxLength: 50 }), fc.constant(""))),
    fc.tuple(fc.constant("SignatureCertChainUrl"), fc.oneof(fc.webUrl(), fc.string({ maxLength: 80 }), fc.constantFrom("https://s3.amazonaws.com/echo.api/", "https://S3.amazonaws.com:443//echo.api/./echo-api-cert-skillflare-dev.pem", "https://s3.amazonaws.com/echo.api/x/../../y.pem")).map(String)),
    fc.tuple(fc.constant("Signature"), fc.base64String({ maxLength: 400 })),
    fc.tuple(fc.constant("drop"), fc.constantFrom("Signature-256", "SignatureCertChainUrl")),
  ).map(([name, value]) => async (b) => {
    const headers = { ...b.headers };
    if (name === "drop") {
      delete headers[value.toLowerCase()];
      if (value === "Signature-256") headers["signature"] = btoa("not the SHA-1 signature of this body");
      return { body: utf8(b.text), headers, mayPass: false };
    }
    headers[name.toLowerCase()] = value;
    const mayPass = name === "Signature" || (name === "SignatureCertChainUrl" && equivalentUrl(value, b.headers["signaturecertchainurl"] ?? ""));
    return { body: utf8(b.text), headers, mayPass };
  }),
  "re-signed with a wrong key": fc.tuple(fc.nat({ max: 2 }), fc.boolean()).map(([k, edit]) => async (b) => {
    const text = edit ? b.text.replace('"AMAZON.HelpIntent"', '"AMAZON.StopIntent"') : b.text;
    const body = utf8(text);
    const key = wrongKeys[k] as RequestSigningKey;
    // Signature-256 decides; the SHA-1 header stays the genuine one (of the original body).
    const headers = { ...b.headers, "signature-256": await signBytes(key, "SHA-256", body) };
    return { body, headers, mayPass: false };
  }),
};

function equivalentUrl(candidate: string, genuine: string): boolean {
  try {
    return normaliseCertChainUrl(candidate) === genuine;
  } catch {
    return false;
  }
}

describe(`fuzzing the Worker from a valid signed request (${RUNS} cases)`, () => {
  it("the unmutated request is accepted (control: the mutations start from a valid request)", async () => {
    const b = await base();
    expect(await send({ body: utf8(b.text), headers: b.headers, mayPass: true })).toBe(200);
  });

  it.each(Object.entries(mutations))("%s: never accepted, never 5xx", { timeout: 600_000 }, async (name, mutation) => {
    const perProperty = Math.max(1, Math.round(RUNS * (WEIGHTS[name] ?? 0.25)));
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(mutation, async (mutate) => {
        const c = await mutate(await base());
        const status = await send(c);
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
        expect(status).toBeLessThan(500);
        if (!c.mayPass) expect(status).not.toBe(200);
      }),
      { numRuns: perProperty },
    );
    expect([...statuses.values()].reduce((a, b) => a + b, 0)).toBe(perProperty);
    expect(unhandled).toBe(0);
  });
});
