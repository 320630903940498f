/**
 * Attributes at three lifetimes. `request`: a plain object for this request only (interceptors
 * to handlers). `session`: a plain object copied from the request's session and sent back as
 * `sessionAttributes`. `persistent`: stored by a PersistenceAdapter, loaded lazily on the first
 * read, changed by `set`/`delete` without needing a read, and saved by `save()` or
 * automatically at the end of a successful request. Values are JSON: `set` serialises at once
 * (a value JSON cannot hold is a typed error at the call site), and every read returns a fresh
 * copy, so mutating a value you read changes nothing until you `set` it again.
 * Storage round trips are the fewest the request allows: none unless something is read or
 * changed, one load at most (shared by every read), one save at most per `save()`, and a
 * change that leaves an attribute as this request read it (the same JSON text, or deleting
 * one that is not stored) is dropped before the save, so "set it to what it was" writes
 * nothing. Dropping it does not weaken the D1 contract: the request did not change that
 * attribute, so, as for any attribute it did not touch, it leaves it as it is.
 */
import {
  PersistenceError,
  type AttributeChange,
  type PersistenceAdapter,
  type PersistenceContext,
} from "./persistence/adapter.js";

/**
 * A request's attributes: request-scoped, session (sent back to Alexa) and persistent.
 */
export interface Attributes {
  readonly request: Record<string, unknown>;
  readonly session: Record<string, unknown>;
  readonly persistent: PersistentAttributes;
}

function serialise(name: string, value: unknown): string {
  let json: string | undefined;
  try {
    json = JSON.stringify(value);
  } catch (cause) {
    throw new PersistenceError("not-serializable", `attribute "${name}" cannot be stored as JSON`, { cause });
  }
  if (json === undefined) throw new PersistenceError("not-serializable", `attribute "${name}" has no JSON form`);
  return json;
}

/**
 * A user's persistent attributes (`input.attributes.persistent`): loaded on first read, changed
 * ones saved after a successful request; a failed save reaches the error handlers.
 * @example
 * const visits = Number((await input.attributes.persistent.get("visits")) ?? 0) + 1;
 * input.attributes.persistent.set("visits", visits); // saved at the end of the request
 */
export class PersistentAttributes {
  readonly #adapter: PersistenceAdapter | undefined;
  readonly #partitionKey: string | undefined;
  readonly #context: PersistenceContext;
  #stored: Promise<Map<string, string>> | undefined;
  /** The loaded attributes once the load has resolved (what this request has read). */
  #loaded: Map<string, string> | undefined;
  readonly #changes = new Map<string, string | null>();

  constructor(adapter: PersistenceAdapter | undefined, partitionKey: string | undefined, context: PersistenceContext) {
    this.#adapter = adapter;
    this.#partitionKey = partitionKey;
    this.#context = context;
  }

  #target(): { adapter: PersistenceAdapter; partitionKey: string } {
    if (this.#adapter === undefined) throw new PersistenceError("not-configured", "createSkill({ persistence }) was not given an adapter");
    if (this.#partitionKey === undefined) throw new PersistenceError("missing-partition-key", "the request carries no user id to store attributes under");
    return { adapter: this.#adapter, partitionKey: this.#partitionKey };
  }

  #load(): Promise<Map<string, string>> {
    const { adapter, partitionKey } = this.#target();
    this.#stored ??= adapter.load(partitionKey).then((stored) => (this.#loaded = stored));
    return this.#stored;
  }

  async get<T = unknown>(name: string): Promise<T | undefined> {
    const json = this.#changes.has(name) ? this.#changes.get(name) : (await this.#load()).get(name);
    return json === null || json === undefined ? undefined : (JSON.parse(json) as T);
  }

  /** Every attribute, as stored plus this request's unsaved changes. */
  async getAll(): Promise<Record<string, unknown>> {
    const current = new Map(await this.#load());
    for (const [name, json] of this.#changes) {
      if (json === null) current.delete(name);
      else current.set(name, json);
    }
    return Object.fromEntries([...current].map(([name, json]) => [name, JSON.parse(json) as unknown]));
  }

  /** Records a change (no read needed); `undefined` deletes the attribute. */
  set(name: string, value: unknown): void {
    this.#target();
    if (typeof name !== "string" || name === "") throw new PersistenceError("invalid-attribute-name", "attribute names are non-empty strings");
    this.#changes.set(name, value === undefined ? null : serialise(name, value));
  }

  delete(name: string): void {
    this.set(name, undefined);
  }

  /** Deletes every attribute stored for this user (and any unsaved change). */
  async clear(): Promise<void> {
    for (const name of (await this.#load()).keys()) this.#changes.set(name, null);
    for (const name of this.#changes.keys()) this.#changes.set(name, null);
  }

  /** True when a `save()` would write something. */
  get hasUnsavedChanges(): boolean {
    for (const [name, json] of this.#changes) if (!this.#isNoOp(name, json)) return true;
    return false;
  }

  /** A change that leaves the attribute as loaded (same JSON text, or deleting an absent one). */
  #isNoOp(name: string, json: string | null): boolean {
    const loaded = this.#loaded;
    if (loaded === undefined) return false;
    return json === null ? !loaded.has(name) : loaded.get(name) === json;
  }

  /** Writes the unsaved changes (only those, and only those that change something) through the adapter. */
  async save(): Promise<void> {
    for (const [name, json] of this.#changes) if (this.#isNoOp(name, json)) this.#changes.delete(name);
    if (this.#changes.size === 0) return;
    const { adapter, partitionKey } = this.#target();
    const changes: AttributeChange[] = [...this.#changes].map(([name, json]) => ({ name, json }));
    await adapter.save(partitionKey, changes, this.#context);
    const stored = this.#stored === undefined ? undefined : await this.#stored;
    for (const { name, json } of changes) {
      if (json === null) stored?.delete(name);
      else stored?.set(name, json);
      // A set() made while the save was in flight stays unsaved.
      if (this.#changes.get(name) === json) this.#changes.delete(name);
    }
  }
}

/**
 * The session attributes of a request could not be copied (too deeply nested, say); the
 * runtime hands it to the error handlers with `attributes.session` left empty.
 *
 * @example
 * ```ts
 * onError((input) => void input.responseBuilder.speak("Let's start over."), (_, error) => error instanceof SessionAttributesError)
 * ```
 */
export class SessionAttributesError extends Error {
  override readonly name = "SessionAttributesError";
  readonly code = "session-attributes-unusable";
}

/**
 * The attributes of one request. The session attributes are a deep copy of the request's;
 * a value that is no JSON object is read as none. A copy that fails (attributes nested
 * thousands deep exhaust the stack of `structuredClone` or of `JSON.stringify`, which must
 * serialise them into the response) leaves the session attributes empty and returns the
 * error, for the runtime to hand to the skill's error handlers.
 */
export function createAttributes(
  sessionAttributes: unknown,
  persistent: PersistentAttributes,
): { attributes: Attributes; problem: SessionAttributesError | undefined } {
  const source = typeof sessionAttributes === "object" && sessionAttributes !== null && !Array.isArray(sessionAttributes) ? sessionAttributes : {};
  // Most requests carry none (a session's first request, every AudioPlayer event): nothing to copy or check.
  if (!hasOwnEnumerable(source)) return { attributes: { request: {}, session: {}, persistent }, problem: undefined };
  try {
    const session = structuredClone({ ...source }) as Record<string, unknown>;
    JSON.stringify(session);
    return { attributes: { request: {}, session, persistent }, problem: undefined };
  } catch (cause) {
    const problem = new SessionAttributesError(`session attributes cannot be used: ${String(cause)}`, { cause });
    return { attributes: { request: {}, session: {}, persistent }, problem };
  }
}

function hasOwnEnumerable(value: object): boolean {
  for (const key in value) if (Object.hasOwn(value, key)) return true;
  return false;
}
