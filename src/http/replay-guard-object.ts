/**
 * The replay guard across isolates: a Durable Object per request id, so every
 * isolate that sees an id asks the same single-threaded object, and a second
 * arrival is refused even when the first was verified on another continent.
 * The object stores the id's expiry and sets an alarm that deletes it then.
 * Bind it as `REPLAY_GUARD` (class `ReplayGuardObject`, exported from
 * `skillflare/worker`; your Worker's main module must re-export it) and
 * createAlexaWorker turns the guard on; docs/verification.md shows the
 * wrangler.toml lines. The protocol is one internal POST, so it needs no
 * `cloudflare:` import.
 */
import type { ReplayGuard } from "../verify/replay-guard.js";

interface CheckBody {
  readonly nowMs: number;
  readonly expiresAtMs: number;
}

/**
 * The Durable Object class behind `REPLAY_GUARD`.
 *
 * @example
 * ```ts
 * // src/worker.ts
 * export { ReplayGuardObject } from "skillflare/worker";
 * // wrangler.toml: [[durable_objects.bindings]] name = "REPLAY_GUARD", class_name = "ReplayGuardObject"
 * ```
 */
export class ReplayGuardObject implements DurableObject {
  constructor(private readonly state: DurableObjectState) {}

  async fetch(request: Request): Promise<Response> {
    const { nowMs, expiresAtMs } = await request.json<CheckBody>();
    const known = await this.state.storage.get<number>("expiresAt");
    if (known !== undefined && known >= nowMs) return Response.json({ seen: true });
    await this.state.storage.put("expiresAt", expiresAtMs);
    // The request clock may differ from this one (tests inject it): keep the id for the same span.
    await this.state.storage.setAlarm(Date.now() + Math.max(0, expiresAtMs - nowMs) + 1000);
    return Response.json({ seen: false });
  }

  async alarm(): Promise<void> {
    await this.state.storage.deleteAll();
  }
}

/**
 * A `ReplayGuard` over the `REPLAY_GUARD` Durable Object namespace.
 *
 * @example
 * ```ts
 * const verifier = createAlexaVerifier({ replayGuard: createDurableObjectReplayGuard(env.REPLAY_GUARD) });
 * ```
 */
export function createDurableObjectReplayGuard(namespace: DurableObjectNamespace): ReplayGuard {
  return {
    async checkAndRecord(requestId, nowMs, expiresAtMs) {
      const stub = namespace.get(namespace.idFromName(requestId));
      const body: CheckBody = { nowMs, expiresAtMs };
      const response = await stub.fetch("https://replay-guard/check", { method: "POST", body: JSON.stringify(body) });
      if (!response.ok) throw new Error(`replay guard object answered ${response.status}`);
      const { seen } = await response.json<{ seen: unknown }>();
      if (typeof seen !== "boolean") throw new Error("replay guard object answered without `seen`");
      return seen;
    },
  };
}
