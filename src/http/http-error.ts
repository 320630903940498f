/**
 * The one boundary error of the HTTP layer. Anything that decides a request's
 * HTTP outcome before the skill runs throws an `HttpError`; it knows its status,
 * the generic body the caller sees, the headers that status needs, and the
 * precise reason that goes only to the log. Unknown errors (our bugs) become a
 * generic 500 through `HttpError.from`.
 */
export type HttpErrorCode =
  | "method_not_allowed"
  | "payload_too_large"
  | "not_found"
  | "internal_error";

const PUBLIC_MESSAGES: Record<HttpErrorCode, string> = {
  method_not_allowed: "Method not allowed.",
  payload_too_large: "The request body is too large.",
  not_found: "Not found.",
  internal_error: "Internal error.",
};

export class HttpError extends Error {
  override readonly name = "HttpError";

  constructor(
    readonly status: number,
    readonly code: HttpErrorCode,
    /** Precise reason for the log; never sent to the caller. */
    readonly logDetail: string,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(`${code}: ${logDetail}`);
  }

  /** `error` itself if it is an `HttpError`; anything else (our bug) as a generic 500. */
  static from(error: unknown): HttpError {
    if (error instanceof HttpError) return error;
    const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return new HttpError(500, "internal_error", detail);
  }

  /** The generic body; `exposeDetail` (local development only) adds the log detail. */
  toResponse(options: { exposeDetail?: boolean } = {}): Response {
    const body = JSON.stringify({
      error: this.code,
      message: PUBLIC_MESSAGES[this.code],
      ...(options.exposeDetail === true ? { detail: this.logDetail } : {}),
    });
    return new Response(body, {
      status: this.status,
      headers: { "content-type": "application/json; charset=utf-8", ...this.headers },
    });
  }
}
