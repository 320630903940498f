/**
 * How the adversarial corpus reaches the Worker. A request the test Worker's own dev trust
 * can verify goes through `exports.default.fetch` (SELF). A request whose chain must be
 * served by a test-made CA (a bad chain, a forged intermediate) goes through the same Worker
 * module's `fetch` with the test's bindings plus a `SKILLFLARE_DEV_TRUST` naming that CA and
 * its chains: a fresh bindings object is a fresh isolate's verifier, so no case sees another's
 * cached chain or download budget. Either way the answer and the logged reason are returned.
 */
import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env, exports } from "cloudflare:workers";
import { vi } from "vitest";
import worker from "../../../src/worker.js";

export interface DevTrustJson {
  readonly anchors: readonly string[];
  readonly chains: Readonly<Record<string, string>>;
}

export interface Outcome {
  readonly status: number;
  readonly body: string;
  /** Every verification failure reason the Worker logged. */
  readonly reasons: readonly string[];
}

export async function sendToWorker(request: Request, trust?: DevTrustJson): Promise<Outcome> {
  const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
  const errors = vi.spyOn(console, "error").mockImplementation(() => {});
  vi.spyOn(console, "log").mockImplementation(() => {});
  try {
    let response: Response;
    if (trust === undefined) {
      response = await exports.default.fetch(request);
    } else {
      const ctx = createExecutionContext();
      const bindings = { ...env, SKILLFLARE_DEV_TRUST: JSON.stringify(trust) };
      response = await worker.fetch!(request as Request<unknown, IncomingRequestCfProperties>, bindings, ctx);
      await waitOnExecutionContext(ctx);
    }
    const lines = [...warn.mock.calls, ...errors.mock.calls].map((call) => JSON.parse(String(call[0])) as { event?: string; reason?: string });
    const reasons = lines.flatMap((line) => (line.event === "verification_failed" && line.reason !== undefined ? [line.reason] : []));
    return { status: response.status, body: await response.text(), reasons };
  } finally {
    vi.restoreAllMocks();
  }
}
