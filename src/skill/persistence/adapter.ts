/**
 * The persistence seam: what an attributes store must do, and its one error type. Values cross
 * the seam as JSON text keyed by top-level attribute name, so every adapter stores exactly what
 * the attributes manager serialised, and every read hands the handler a fresh copy. A save
 * carries only the attributes the request changed (`json: null` deletes one); what an adapter
 * promises under concurrent saves is part of its contract (see d1.ts and kv.ts).
 */

export interface AttributeChange {
  readonly name: string;
  /** The new value as JSON text, or `null` to delete the attribute. */
  readonly json: string | null;
}

/** What an adapter may need from the running request (KV schedules coalesced writes). */
export interface PersistenceContext {
  waitUntil(promise: Promise<unknown>): void;
}

/**
 * Where persistent attributes live: load a partition, save the changed attributes.
 */
export interface PersistenceAdapter {
  /** Every stored attribute of one partition (by default one Alexa user): name -> JSON text. */
  load(partitionKey: string): Promise<Map<string, string>>;
  /** Applies the changed attributes; must never rewrite attributes that are not in `changes`. */
  save(partitionKey: string, changes: readonly AttributeChange[], context: PersistenceContext): Promise<void>;
}

/**
 * Why persistence failed (`PersistenceError.code`).
 */
export type PersistenceFailure =
  | "not-configured"
  | "missing-partition-key"
  | "invalid-attribute-name"
  | "not-serializable"
  | "value-too-large"
  | "key-too-long"
  | "invalid-option"
  | "corrupt-record"
  | "storage-failed";

/**
 * A failed load or save of persistent attributes; `code` says why, `cause` keeps the
 * storage error. A failed save is never silent: it reaches the error handlers.
 * @example
 * onError((input, error) => error instanceof PersistenceError && error.code === "storage-failed", (input) =>
 *   input.responseBuilder.speak("I could not save your place. Try again later."));
 */
export class PersistenceError extends Error {
  override readonly name = "PersistenceError";

  constructor(
    readonly code: PersistenceFailure,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`${code}: ${message}`, options);
  }

  /** @deprecated Renamed `code` (one field name on every skillflare error). */
  get reason(): PersistenceFailure {
    return this.code;
  }
}

export function byteLength(text: string): number {
  return new TextEncoder().encode(text).byteLength;
}

/** Runs a storage call, turning platform errors into a typed `storage-failed`. */
export async function storageCall<T>(what: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (cause) {
    if (cause instanceof PersistenceError) throw cause;
    const detail = cause instanceof Error ? cause.message : String(cause);
    throw new PersistenceError("storage-failed", `${what}: ${detail}`, { cause });
  }
}
