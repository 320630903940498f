/**
 * The verifiers of one endpoint, built from the bindings once per isolate (per bindings
 * object) so their certificate state stays warm across requests: `SKILL_IDS`, the
 * `CERT_CACHE` KV namespace (behind each verifier's own memory, re-validated once per
 * isolate), the replay guard (across isolates when `REPLAY_GUARD` is bound, in memory when
 * asked for without a binding), the caller's own overrides, and, for local development
 * requests only (local-development.ts), a second verifier with the dev trust from
 * `SKILLFLARE_DEV_TRUST`. Shared by `createAlexaWorker` and the Hono handler, so both
 * verify exactly alike. Making the resolver (at the Worker's global scope) builds Amazon's
 * bundled anchors and the dev anchors visible at startup, and runs the startup warm-up
 * (src/verify/warm-up.ts), so that work counts against the startup limit, not the CPU of the
 * isolate's first request (docs/cold-start.md).
 */
import { globalFetch } from "../shared/fetch.js";
import { createAlexaVerifier, type AlexaVerifier } from "../verify/create-verifier.js";
import { DEFAULT_TRUST_ANCHORS } from "../verify/anchors.js";
import { loadTrustAnchors, prepareTrustAnchors } from "../verify/trust-anchors.js";
import { warmUpChainValidation } from "../verify/warm-up.js";
import { createKvCertCache } from "../verify/kv-cert-cache.js";
import { createMemoryReplayGuard } from "../verify/replay-guard.js";
import type { VerifyOptions } from "../verify/verifier-options.js";
import { devTrustVerifyOptions, parseDevTrust, prepareDevTrustAtStartup } from "./dev-trust.js";
import { isLocalDevelopmentRequest } from "./local-development.js";
import type { Logger } from "./log.js";
import { createDurableObjectReplayGuard } from "./replay-guard-object.js";

/** Bindings the runtime reads; a skill's own Env may carry more. */
export interface AlexaWorkerEnv {
  readonly CERT_CACHE?: KVNamespace;
  /** Comma-separated skill ids this endpoint answers for. */
  readonly SKILL_IDS?: string;
  /** Local-only dev CA trust from `.dev.vars`; honoured for local development requests only. */
  readonly SKILLFLARE_DEV_TRUST?: string;
  /** `ReplayGuardObject` namespace: when bound, replayed request ids are refused across isolates. */
  readonly REPLAY_GUARD?: DurableObjectNamespace;
}

/** `(env, request) => AlexaVerifier`, one production and one dev verifier per bindings object. */
export type VerifierResolver<E> = (env: E, request: Request) => AlexaVerifier;

export interface VerifierSettings<E> {
  readonly overrides: ((env: E) => VerifyOptions) | undefined;
  readonly logger: Logger;
  /** Replay guard in memory when no `REPLAY_GUARD` is bound. */
  readonly replayGuard: boolean;
}

export function verifierResolver<E extends AlexaWorkerEnv>(settings: VerifierSettings<E>): VerifierResolver<E> {
  // The Worker is made at global scope: this work counts against the startup limit, not the first request's CPU.
  prepareTrustAnchors(DEFAULT_TRUST_ANCHORS);
  prepareDevTrustAtStartup();
  void warmUpChainValidation(loadTrustAnchors(DEFAULT_TRUST_ANCHORS));
  const productionOptionsFor = memoisePerEnv((env: E): VerifyOptions => ({
    ...defaultVerifyOptions(env, settings),
    ...settings.overrides?.(env),
  }));
  const productionFor = memoisePerEnv((env: E) => createAlexaVerifier(productionOptionsFor(env)));
  const devFor = memoisePerEnv((env: E): { verifier: AlexaVerifier | null } => {
    if (env.SKILLFLARE_DEV_TRUST === undefined || env.SKILLFLARE_DEV_TRUST === "") return { verifier: null };
    const production = productionOptionsFor(env);
    const fallbackFetch = production.fetch ?? globalFetch;
    return { verifier: createAlexaVerifier({ ...production, ...devTrustVerifyOptions(parseDevTrust(env.SKILLFLARE_DEV_TRUST), fallbackFetch) }) };
  });
  return (env, request) => (isLocalDevelopmentRequest(request) ? devFor(env).verifier : null) ?? productionFor(env);
}

/** Skill ids from `SKILL_IDS`, the KV-backed cert cache and the replay guard, when bound. */
function defaultVerifyOptions(env: AlexaWorkerEnv, settings: VerifierSettings<never>): VerifyOptions {
  const onCacheError = (error: unknown) => settings.logger.log("warn", "cert_cache_failed", { detail: String(error) });
  const replayGuard =
    env.REPLAY_GUARD !== undefined ? createDurableObjectReplayGuard(env.REPLAY_GUARD) : settings.replayGuard ? createMemoryReplayGuard() : undefined;
  const skillIds = (env.SKILL_IDS ?? "")
    .split(",")
    .map((id) => id.trim())
    .filter((id) => id.length > 0);
  return {
    ...(skillIds.length > 0 ? { skillIds } : {}),
    ...(env.CERT_CACHE !== undefined ? { certCache: createKvCertCache(env.CERT_CACHE, { onError: onCacheError }), onCacheError } : {}),
    ...(replayGuard !== undefined ? { replayGuard } : {}),
  };
}

/** Bindings objects are stable per isolate; build derived settings once for each. */
function memoisePerEnv<E extends object, T>(build: (env: E) => T): (env: E) => T {
  const built = new WeakMap<E, T>();
  return (env) => {
    let value = built.get(env);
    if (value === undefined) {
      value = build(env);
      built.set(env, value);
    }
    return value;
  };
}
