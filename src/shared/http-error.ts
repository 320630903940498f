/**
 * The one boundary error of every route (the Alexa endpoint, the audio route, 404s, and the
 * Hono handler). Anything that decides a request's HTTP outcome throws or renders an
 * `HttpError`: it knows its status, its stable `code`, the generic JSON body the caller sees,
 * the headers that status needs (`Allow` on a 405, `Content-Range` on a 416), and the precise
 * reason that goes only to the log. So a 405 on `/audio/x` and on `/` look alike: the same
 * body shape, the same `Allow` header. Unknown errors (our bugs) become a generic 500 through
 * `HttpError.from`, with the original kept as `cause`. Layer-neutral: no platform imports.
 */

/** Stable codes of HTTP failures; the `error` field of the JSON body. */
export type HttpErrorCode =
  | "bad-request"
  | "forbidden"
  | "not-found"
  | "method-not-allowed"
  | "payload-too-large"
  | "range-not-satisfiable"
  | "internal-error"
  | "service-unavailable";

const PUBLIC_MESSAGES: Record<HttpErrorCode, string> = {
  "bad-request": "Bad request.",
  forbidden: "Forbidden.",
  "not-found": "Not found.",
  "method-not-allowed": "Method not allowed.",
  "payload-too-large": "The request body is too large.",
  "range-not-satisfiable": "Range not satisfiable.",
  "internal-error": "Internal error.",
  "service-unavailable": "Temporarily unavailable; try again.",
};

/** Headers and the original error of an `HttpError`. */
export interface HttpErrorOptions {
  /** Headers the status needs, e.g. `{ Allow: "POST" }` on a 405. */
  readonly headers?: Readonly<Record<string, string>>;
  /** The error that caused this one. */
  readonly cause?: unknown;
}

/**
 * An HTTP failure with a generic public body and a log-only detail.
 * @example
 * throw new HttpError(405, "method-not-allowed", "GET /", { headers: { Allow: "POST" } });
 * // caught by the Worker: 405, Allow: POST, {"error":"method-not-allowed","message":"Method not allowed."}
 */
export class HttpError extends Error {
  override readonly name = "HttpError";
  /** Headers the response carries besides the body's. */
  readonly headers: Readonly<Record<string, string>>;

  constructor(
    readonly status: number,
    readonly code: HttpErrorCode,
    /** Precise reason for the log; never sent to the caller. */
    readonly logDetail: string,
    options: HttpErrorOptions = {},
  ) {
    super(`${code}: ${logDetail}`, options.cause === undefined ? undefined : { cause: options.cause });
    this.headers = options.headers ?? {};
  }

  /**
   * `error` itself if it is an `HttpError`; anything else (our bug) as a generic 500 with
   * `error` as its `cause`.
   * @example
   * HttpError.from(new TypeError("boom")).status; // 500
   */
  static from(error: unknown): HttpError {
    if (error instanceof HttpError) return error;
    const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return new HttpError(500, "internal-error", detail, { cause: error });
  }

  /**
   * The generic JSON body (`{ error, message }`), never cached; `exposeDetail` (local
   * development only) adds the log detail.
   * @example
   * new HttpError(404, "not-found", "GET /nope").toResponse().status; // 404
   */
  toResponse(options: { exposeDetail?: boolean } = {}): Response {
    const body = JSON.stringify({
      error: this.code,
      message: PUBLIC_MESSAGES[this.code],
      ...(options.exposeDetail === true ? { detail: this.logDetail } : {}),
    });
    return new Response(body, {
      status: this.status,
      headers: {
        "Content-Type": "application/json; charset=utf-8",
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
        ...this.headers,
      },
    });
  }
}
