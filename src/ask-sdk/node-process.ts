/**
 * The few Node `process` features the Lambda layer reads, typed here because the Worker's
 * types do not declare `process` (it exists under `nodejs_compat`). `getBuiltinModule` lets
 * this layer reach `node:async_hooks` without a static `node:` import, so a Worker built
 * without `nodejs_compat` still bundles `skillflare/worker`; it simply runs without a request
 * scope (see request-scope.ts).
 */

export interface NodeProcessLike {
  readonly env?: Record<string, string | undefined>;
  getBuiltinModule?(id: string): unknown;
}

/** `globalThis.process` under `nodejs_compat`, or undefined without it. */
export function nodeProcess(): NodeProcessLike | undefined {
  return (globalThis as { process?: NodeProcessLike }).process;
}
