/**
 * What the local console needs to know about a Worker, recorded by `createAlexaWorker` on the
 * fetch handler it returns, so that the console itself (src/console/, the virtual Alexa it runs)
 * lives in the dev-only entry `skillflare/dev` and is never in a deployed bundle. The record is
 * a non-enumerable property under a registered symbol (`Symbol.for`), so it costs the
 * production Worker one small object, survives `{ ...worker }` and `{ fetch: worker.fetch }`,
 * and is found even when the dev entry and the Worker load two copies of this module.
 */
import type { Logger } from "./log.js";

/** One user's stored attributes for the console's side panel; undefined = no store to show. */
export type PersistentReader<E> = (env: E, userId: string) => Promise<Readonly<Record<string, unknown>> | undefined>;

/** What `createAlexaWorker` records for the console: where the skill answers and how to read its attributes. */
export interface ConsoleHook<E> {
  /** The Alexa endpoint's path (createAlexaWorker's `path`). */
  readonly skillPath: string;
  /** The Worker's logger, for the console's own 500s. */
  readonly logger: Logger;
  /** `console.persistentAttributes`; undefined = the default D1 reader. */
  readonly readPersistent?: PersistentReader<E>;
}

const CONSOLE_HOOK = Symbol.for("skillflare.console");

type Hooked<E> = { readonly [CONSOLE_HOOK]?: ConsoleHook<E> };

/**
 * Records `hook` on `fetch` (returns `fetch`), where `consoleHookOf` finds it.
 * @example
 * const fetch = attachConsoleHook(fetchHandler, { skillPath: "/", logger: consoleLogger });
 */
export function attachConsoleHook<F extends object, E>(fetch: F, hook: ConsoleHook<E>): F {
  return Object.defineProperty(fetch, CONSOLE_HOOK, { value: hook, enumerable: false });
}

/**
 * The console hook of a Worker's default export, or undefined: not a createAlexaWorker Worker, or `console: false`.
 * @example
 * consoleHookOf(createAlexaWorker({ skill }))?.skillPath; // "/"
 * consoleHookOf(createAlexaWorker({ skill, console: false })); // undefined
 */
export function consoleHookOf<E>(handler: unknown): ConsoleHook<E> | undefined {
  const fetch = (handler as { fetch?: unknown } | null | undefined)?.fetch;
  return typeof fetch === "function" ? (fetch as Hooked<E>)[CONSOLE_HOOK] : undefined;
}
