/**
 * Downloads the PEM chain from the already-validated URL, and from nowhere
 * else: redirects are not followed (`redirect: "manual"`, and any non-2xx
 * answer, 3xx included, is `chain-download-failed`), the whole exchange,
 * body included, must finish within the timeout (`chain-download-timeout`),
 * and the body is counted while it streams, so a lying or missing
 * Content-Length cannot push it past the cap (`chain-too-large`). Whatever a
 * custom `fetch` does (throw, resolve to `null` or to something that is not a
 * Response, break off mid-body) is a `chain-download-failed`, never an escape.
 */
import { globalFetch, type FetchLike } from "../shared/fetch.js";
import { AlexaVerificationError, fail } from "./errors.js";
import { readStreamCapped } from "./read-capped.js";

export { globalFetch, type FetchLike };

export interface DownloadLimits {
  readonly timeoutMs: number;
  readonly maxBytes: number;
}

export const DEFAULT_DOWNLOAD_LIMITS: DownloadLimits = { timeoutMs: 3000, maxBytes: 64 * 1024 };

export async function downloadChain(url: string, fetchChain: FetchLike, limits: DownloadLimits = DEFAULT_DOWNLOAD_LIMITS): Promise<string> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(new AlexaVerificationError("chain-download-timeout", `${url} took longer than ${limits.timeoutMs} ms`));
      controller.abort();
    }, limits.timeoutMs);
  });
  try {
    return await Promise.race([fetchText(url, fetchChain, controller.signal, limits.maxBytes), timeout]);
  } catch (error) {
    if (error instanceof AlexaVerificationError) throw error;
    return fail("chain-download-failed", `${url}: ${String(error)}`, error);
  } finally {
    if (timer !== undefined) clearTimeout(timer);
  }
}

async function fetchText(url: string, fetchChain: FetchLike, signal: AbortSignal, maxBytes: number): Promise<string> {
  let answer: unknown;
  try {
    answer = await fetchChain(url, { method: "GET", redirect: "manual", signal });
  } catch (error) {
    return fail("chain-download-failed", `${url}: ${String(error)}`, error);
  }
  if (!isResponseLike(answer)) return fail("chain-download-failed", `${url}: fetch resolved to ${describe(answer)}, not a Response`);
  const response = answer;
  if (response.status < 200 || response.status > 299) {
    await response.body?.cancel();
    return fail("chain-download-failed", `${url}: HTTP ${response.status}`);
  }
  const declared = Number(response.headers.get("content-length") ?? "0");
  if (declared > maxBytes) {
    await response.body?.cancel();
    return fail("chain-too-large", `${url}: Content-Length ${declared} exceeds ${maxBytes} bytes`);
  }
  const bytes = await readCapped(response, maxBytes, url);
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return fail("invalid-pem", `${url}: body is not UTF-8 text`);
  }
}

async function readCapped(response: Response, maxBytes: number, url: string): Promise<Uint8Array> {
  let bytes: Uint8Array | undefined;
  try {
    bytes = await readStreamCapped(response.body, maxBytes);
  } catch (error) {
    return fail("chain-download-failed", `${url}: body read failed: ${String(error)}`);
  }
  return bytes ?? fail("chain-too-large", `${url}: body exceeds ${maxBytes} bytes`);
}

/** A Response, or anything shaped enough like one (a polyfill's) to be read safely. */
function isResponseLike(value: unknown): value is Response {
  if (value instanceof Response) return true;
  if (typeof value !== "object" || value === null) return false;
  const candidate = value as { status?: unknown; headers?: { get?: unknown }; body?: unknown };
  const body = candidate.body;
  return (
    typeof candidate.status === "number" &&
    typeof candidate.headers?.get === "function" &&
    (body === null || (typeof body === "object" && typeof (body as { getReader?: unknown }).getReader === "function"))
  );
}

function describe(value: unknown): string {
  return value === null ? "null" : typeof value === "object" ? "an object" : typeof value;
}
