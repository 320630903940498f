/**
 * A Worker built from the committed wrangler.toml trusts Amazon alone. The committed config
 * declares no SKILLFLARE_DEV_TRUST (that lives only in the gitignored .dev.vars), and the
 * Worker given exactly the bindings wrangler.toml declares rejects a dev-signed request with
 * the generic 400, even on localhost. With the variable set, dev trust still applies only to
 * true loopback hosts: look-alike hosts are refused (test/http covers a plain public host).
 */
import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { afterEach, describe, expect, it, vi } from "vitest";
import { wranglerVar } from "../../cli/dev-setup-plan.js";
import { createRequestEnvelope, createSignedRequest } from "../../src/devkit/index.js";
import { REJECTION_BODY } from "../../src/verify/rejection-response.js";
import worker from "../../src/worker.js";
import wranglerToml from "../../wrangler.toml?raw";
import { kitPromise, LOCAL } from "./helpers.js";

afterEach(() => vi.restoreAllMocks());

async function callWorker(request: Request, workerEnv: Env): Promise<{ response: Response; reasons: string[] }> {
  const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
  const ctx = createExecutionContext();
  const response = await worker.fetch!(request as Request<unknown, IncomingRequestCfProperties>, workerEnv, ctx);
  await waitOnExecutionContext(ctx);
  const reasons = warn.mock.calls.flatMap((call) => {
    const line = JSON.parse(String(call[0])) as { reason?: string };
    return line.reason === undefined ? [] : [line.reason];
  });
  warn.mockRestore();
  return { response, reasons };
}

/** Serves the dev chain where S3 would be, so only the trust decision can reject it. */
async function serveDevChainAsIfFromS3(): Promise<void> {
  const kit = await kitPromise;
  vi.spyOn(globalThis, "fetch").mockImplementation(async () => new Response(kit.chainPem));
}

describe("production trust: the committed wrangler.toml", () => {
  it("declares no SKILLFLARE_DEV_TRUST anywhere, and declares SKILL_IDS", () => {
    expect(wranglerToml).not.toContain("SKILLFLARE_DEV_TRUST");
    expect(wranglerVar(wranglerToml, "SKILL_IDS")).toMatch(/^amzn1\.ask\.skill\./);
  });

  it("makes a Worker that rejects a dev-signed request with the generic 400, even on localhost", async () => {
    const skillId = wranglerVar(wranglerToml, "SKILL_IDS") ?? "";
    // Exactly the bindings wrangler.toml declares: KV, R2, D1 and its [vars].
    const declared: Pick<Env, "CERT_CACHE" | "AUDIO" | "DB" | "SKILL_IDS"> = {
      CERT_CACHE: env.CERT_CACHE,
      AUDIO: env.AUDIO,
      DB: env.DB,
      SKILL_IDS: skillId,
    };
    // (Env also lists the test pool's own bindings; the Worker never reads them.)
    const productionEnv = declared as Env;
    await serveDevChainAsIfFromS3();
    const envelope = createRequestEnvelope({ request: { type: "LaunchRequest" }, applicationId: skillId });
    const request = await createSignedRequest(await kitPromise, envelope, { url: LOCAL });
    const { response, reasons } = await callWorker(request, productionEnv);
    expect(response.status).toBe(400);
    expect(await response.text()).toBe(REJECTION_BODY);
    expect(reasons).toEqual(["chain-untrusted"]);
  });
});

describe("dev trust is for loopback only", () => {
  const launch = () => createRequestEnvelope({ request: { type: "LaunchRequest" } });

  it.each(["http://127.0.0.1:8787/", "http://[::1]:8787/", "http://localhost/"])("accepts a dev-signed request to %s", async (url) => {
    const { response } = await callWorker(await createSignedRequest(await kitPromise, launch(), { url }), env);
    expect(response.status).toBe(200);
  });

  it.each(["http://localhost.example.com:8787/", "http://127.0.0.1.nip.io:8787/", "http://127.0.0.2:8787/", "http://0.0.0.0:8787/"])(
    "refuses a dev-signed request to the look-alike %s",
    async (url) => {
      await serveDevChainAsIfFromS3();
      const { response, reasons } = await callWorker(await createSignedRequest(await kitPromise, launch(), { url }), env);
      expect(response.status).toBe(400);
      expect(reasons).toEqual(["chain-untrusted"]);
    },
  );
});
