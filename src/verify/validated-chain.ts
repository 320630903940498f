/**
 * From a normalised chain URL to a signing key we trust, for one verifier.
 * Order: the verifier's own memory of what it validated; then the configured
 * `CertCache` (bounded by a timeout: a slow or hung cache is a miss); then the
 * network, if the download guard allows it. An entry from a cache that is not
 * `trusted` (KV) is re-validated from its stored PEM before use, once per
 * verifier, so a planted entry can never name a key. Concurrent lookups for
 * one URL share a single flight that covers the cache read too, so no request
 * downloads because its cache read came back after another's download ended.
 * What validated is written back to the cache off the critical path (through
 * `waitUntil` when the caller gives one). Every result is re-checked against
 * this request's clock; an entry validated more than a day ago is refetched.
 */
import type * as pkijs from "pkijs";
import { encodeBase64 } from "../shared/base64.js";
import { BoundedMemo } from "./bounded-memo.js";
import type { CertCache, ValidatedSigningKey } from "./cert-cache.js";
import { validateChainPath } from "./chain-path.js";
import { downloadChain, type DownloadLimits, type FetchLike } from "./download-chain.js";
import type { DownloadGuard } from "./download-guard.js";
import { requireEchoApiSan } from "./leaf-checks.js";
import { ServedChain } from "./served-chain.js";
import { toHex, type TrustAnchorSet } from "./trust-anchors.js";
import { requireValidAt, validityOf } from "./validity.js";

const MAX_ENTRY_AGE_MS = 24 * 60 * 60 * 1000;
const MEMOISED_CHAINS = 32;

/** What a verification may hand on to the runtime: a way to finish work after the answer (a Worker's `ctx`). */
export interface VerifyContext {
  waitUntil?(promise: Promise<unknown>): void;
}

export interface ChainSourceSettings {
  readonly fetch: FetchLike;
  readonly cache: CertCache;
  readonly cacheTimeoutMs: number;
  readonly anchors: TrustAnchorSet;
  readonly engine: pkijs.ICryptoEngine;
  readonly subtle: SubtleCrypto;
  readonly limits: DownloadLimits;
  readonly guard: DownloadGuard;
  /** Told about every cache failure or timeout that was absorbed. */
  readonly onCacheError: (error: unknown) => void;
}

export class SigningKeySource {
  readonly #validated = new BoundedMemo<string, ValidatedSigningKey>(MEMOISED_CHAINS);
  readonly #cacheKeys = new BoundedMemo<string, string>(MEMOISED_CHAINS * 2);
  readonly #inFlight = new Map<string, Promise<ValidatedSigningKey>>();

  constructor(readonly settings: ChainSourceSettings) {}

  /** The already-validated entry for `certUrl`, if this verifier holds one (no await). */
  validatedFor(certUrl: string, nowMs: number): ValidatedSigningKey | undefined {
    const key = this.#cacheKeys.get(certUrl);
    const entry = key === undefined ? undefined : this.#validated.get(key);
    return entry !== undefined && isFresh(entry, nowMs) ? entry : undefined;
  }

  /**
   * The warm path: the entry this verifier holds for `certUrl`, its dates
   * checked at `nowMs` (throws when outside them), or undefined when `get`
   * must look further. Synchronous, so a hit costs no promise.
   */
  heldFor(certUrl: string, nowMs: number): ValidatedSigningKey | undefined {
    const entry = this.validatedFor(certUrl, nowMs);
    return entry === undefined ? undefined : datesChecked(entry, certUrl, nowMs);
  }

  async get(certUrl: string, nowMs: number, context: VerifyContext = {}): Promise<ValidatedSigningKey> {
    return datesChecked(this.validatedFor(certUrl, nowMs) ?? (await this.#lookUp(certUrl, nowMs, context)), certUrl, nowMs);
  }

  async #lookUp(certUrl: string, nowMs: number, context: VerifyContext): Promise<ValidatedSigningKey> {
    const key = this.#cacheKeys.get(certUrl) ?? this.#cacheKeys.set(certUrl, await cacheKeyFor(certUrl, this.settings.anchors.id, this.settings.subtle));
    let flight = this.#inFlight.get(key);
    if (flight === undefined) {
      flight = this.#resolve(certUrl, key, nowMs, context).finally(() => this.#inFlight.delete(key));
      this.#inFlight.set(key, flight);
    }
    return flight;
  }

  async #resolve(certUrl: string, key: string, nowMs: number, context: VerifyContext): Promise<ValidatedSigningKey> {
    const { cache, guard } = this.settings;
    const stored = await this.#readCache(key, nowMs);
    if (stored !== undefined && stored.certUrl === certUrl && stored.anchorsId === this.settings.anchors.id && isFresh(stored, nowMs)) {
      const reused = cache.trusted === true ? stored : await this.#validate(certUrl, stored.chainPem, nowMs).catch(this.#planted);
      if (reused !== undefined) return this.#remember(key, certUrl, reused);
    }
    guard.requireAllowed(certUrl, nowMs);
    let entry: ValidatedSigningKey;
    try {
      entry = await this.#validate(certUrl, await downloadChain(certUrl, this.settings.fetch, this.settings.limits), nowMs);
    } catch (error) {
      guard.failed(certUrl, error, nowMs);
      throw error;
    }
    this.#writeCache(key, entry, nowMs, context);
    return this.#remember(key, certUrl, entry);
  }

  /** A shared-cache entry that does not validate: report it, then download as on a miss. */
  readonly #planted = (error: unknown): undefined => {
    this.settings.onCacheError(new Error(`cert cache entry failed re-validation: ${String(error)}`, { cause: error }));
    return undefined;
  };

  #remember(key: string, certUrl: string, entry: ValidatedSigningKey): ValidatedSigningKey {
    this.settings.guard.succeeded(certUrl);
    return this.#validated.set(key, entry);
  }

  async #validate(certUrl: string, chainPem: string, nowMs: number): Promise<ValidatedSigningKey> {
    const served = ServedChain.fromPem(chainPem);
    const leaf = served.certificate(0);
    requireValidAt(validityOf(leaf), nowMs, "signing certificate");
    requireEchoApiSan(leaf);
    const { window } = await validateChainPath(served.certificates(), this.settings.anchors, nowMs, this.settings.engine);
    return {
      certUrl,
      anchorsId: this.settings.anchors.id,
      spki: encodeBase64(served.subjectPublicKeyInfo(0)),
      notBefore: window.notBefore,
      notAfter: window.notAfter,
      validatedAt: nowMs,
      chainPem,
    };
  }

  /** A cache read bounded by `cacheTimeoutMs`; a throw or a timeout is a miss. */
  async #readCache(key: string, nowMs: number): Promise<ValidatedSigningKey | undefined> {
    const { cache, cacheTimeoutMs, onCacheError } = this.settings;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<undefined>((resolve) => {
      timer = setTimeout(() => {
        onCacheError(new Error(`cert cache get took longer than ${cacheTimeoutMs} ms`));
        resolve(undefined);
      }, cacheTimeoutMs);
    });
    try {
      const read = Promise.resolve().then(() => cache.get(key, nowMs));
      return await Promise.race([read, timeout]);
    } catch (error) {
      onCacheError(error);
      return undefined;
    } finally {
      if (timer !== undefined) clearTimeout(timer);
    }
  }

  /** Never awaited by the request: handed to `waitUntil`, or left to finish on its own. */
  #writeCache(key: string, entry: ValidatedSigningKey, nowMs: number, context: VerifyContext): void {
    const { cache, onCacheError } = this.settings;
    const write = Promise.resolve()
      .then(() => cache.put(key, entry, nowMs))
      .catch(onCacheError);
    context.waitUntil?.(write);
  }
}

/** KV keys are limited to 512 bytes, so the key is a hash of URL and anchor set. */
export async function cacheKeyFor(certUrl: string, anchorsId: string, subtle: SubtleCrypto = crypto.subtle): Promise<string> {
  const digest = await subtle.digest("SHA-256", new TextEncoder().encode(`${anchorsId}\n${certUrl}`));
  return `alexa-chain:v2:${toHex(digest)}`;
}

/** `requireValidAt` on every result; its message is built only when it fails. */
function datesChecked(entry: ValidatedSigningKey, certUrl: string, nowMs: number): ValidatedSigningKey {
  if (!(nowMs >= entry.notBefore && nowMs <= entry.notAfter)) requireValidAt(entry, nowMs, `signing chain ${certUrl}`);
  return entry;
}

function isFresh(entry: ValidatedSigningKey, nowMs: number): boolean {
  return Math.abs(nowMs - entry.validatedAt) <= MAX_ENTRY_AGE_MS;
}
