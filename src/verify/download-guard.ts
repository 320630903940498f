/**
 * Keeps the Worker from being anyone's fetcher. Every unsigned request may name
 * a new `/echo.api/` URL, and each download can take up to the timeout. So a
 * verifier remembers failures (a URL whose download or validation failed is
 * refused without a fetch for `failureTtlMs`, with the same code), and caps the
 * downloads of URLs it has never validated (at most `maxUnseenDownloads` per
 * `unseenWindowMs`, counted from the first in the window). A URL that once
 * validated in this verifier is always allowed to refresh. Both maps are
 * bounded; times are the request clock.
 */
import { BoundedMemo } from "./bounded-memo.js";
import { AlexaVerificationError, fail } from "./errors.js";

/** Limits of the download guard (`VerifyOptions.downloadGuard`). */
export interface DownloadGuardLimits {
  /** How long a failed URL is refused without a new download (ms); default 10 s. */
  readonly failureTtlMs: number;
  /** Downloads of never-validated URLs allowed per window; default 8. */
  readonly maxUnseenDownloads: number;
  /** The window for `maxUnseenDownloads` (ms); default 60 s. */
  readonly unseenWindowMs: number;
}

export const DEFAULT_DOWNLOAD_GUARD: DownloadGuardLimits = { failureTtlMs: 10_000, maxUnseenDownloads: 8, unseenWindowMs: 60_000 };

interface Failure {
  readonly error: AlexaVerificationError;
  readonly until: number;
}

export class DownloadGuard {
  readonly #failures = new BoundedMemo<string, Failure>(256);
  readonly #validated = new BoundedMemo<string, true>(64);
  #windowStart = -Infinity;
  #windowCount = 0;

  constructor(readonly limits: DownloadGuardLimits = DEFAULT_DOWNLOAD_GUARD) {}

  /** Throws the remembered failure, or `chain-download-throttled`, when `url` may not be fetched now. */
  requireAllowed(url: string, nowMs: number): void {
    const failure = this.#failures.get(url);
    if (failure !== undefined && nowMs < failure.until && nowMs >= failure.until - this.limits.failureTtlMs) {
      fail(failure.error.code, `${failure.error.detail} (remembered failure, no new download)`, failure.error);
    }
    if (this.#validated.get(url) === true) return;
    if (nowMs - this.#windowStart >= this.limits.unseenWindowMs || nowMs < this.#windowStart) {
      this.#windowStart = nowMs;
      this.#windowCount = 0;
    }
    if (this.#windowCount >= this.limits.maxUnseenDownloads) {
      fail("chain-download-throttled", `${url}: ${this.#windowCount} downloads of unseen chain URLs in ${this.limits.unseenWindowMs} ms already`);
    }
    this.#windowCount += 1;
  }

  succeeded(url: string): void {
    this.#failures.delete(url);
    this.#validated.set(url, true);
  }

  failed(url: string, error: unknown, nowMs: number): void {
    if (!(error instanceof AlexaVerificationError) || error.code === "chain-download-throttled") return;
    this.#failures.set(url, { error, until: nowMs + this.limits.failureTtlMs });
  }
}
