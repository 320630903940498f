/**
 * The verification settings for one request, built from the bindings once per isolate so the
 * certificate cache stays warm across requests: `SKILL_IDS`, the `CERT_CACHE` KV namespace
 * (memory first, then KV), the caller's own overrides, and, for local development requests
 * only (local-development.ts), the dev trust from `SKILLFLARE_DEV_TRUST`. Shared by
 * `createAlexaWorker` and the Hono handler, so both verify exactly alike.
 */
import { globalFetch } from "../shared/fetch.js";
import { createKvCertCache } from "../verify/kv-cert-cache.js";
import type { VerifyOptions } from "../verify/verify-request.js";
import { devTrustVerifyOptions, parseDevTrust } from "./dev-trust.js";
import { isLocalDevelopmentRequest } from "./local-development.js";

/** Bindings the runtime reads; a skill's own Env may carry more. */
export interface AlexaWorkerEnv {
  readonly CERT_CACHE?: KVNamespace;
  /** Comma-separated skill ids this endpoint answers for. */
  readonly SKILL_IDS?: string;
  /** Local-only dev CA trust from `.dev.vars`; honoured for local development requests only. */
  readonly SKILLFLARE_DEV_TRUST?: string;
}

/** `(env, request) => VerifyOptions`, memoised per bindings object. */
export type VerifyOptionsResolver<E> = (env: E, request: Request) => VerifyOptions;

export function verifyOptionsResolver<E extends AlexaWorkerEnv>(
  overrides: ((env: E) => VerifyOptions) | undefined,
): VerifyOptionsResolver<E> {
  const productionOptionsFor = memoisePerEnv((env: E): VerifyOptions => ({
    ...defaultVerifyOptions(env),
    ...overrides?.(env),
  }));
  const devOptionsFor = memoisePerEnv((env: E): VerifyOptions | null => {
    if (env.SKILLFLARE_DEV_TRUST === undefined || env.SKILLFLARE_DEV_TRUST === "") return null;
    const production = productionOptionsFor(env);
    const fallbackFetch = production.fetch ?? globalFetch;
    return { ...production, ...devTrustVerifyOptions(parseDevTrust(env.SKILLFLARE_DEV_TRUST), fallbackFetch) };
  });
  return (env, request) => (isLocalDevelopmentRequest(request) ? devOptionsFor(env) : null) ?? productionOptionsFor(env);
}

/** Skill ids from `SKILL_IDS` and the KV-backed cert cache, when bound. */
function defaultVerifyOptions(env: AlexaWorkerEnv): VerifyOptions {
  const skillIds = (env.SKILL_IDS ?? "")
    .split(",")
    .map((id) => id.trim())
    .filter((id) => id.length > 0);
  return {
    ...(skillIds.length > 0 ? { skillIds } : {}),
    ...(env.CERT_CACHE !== undefined ? { certCache: createKvCertCache(env.CERT_CACHE) } : {}),
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
