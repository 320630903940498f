/**
 * Finds a binding for an adapter that was built without one. Lambda skills construct their
 * persistence adapters at module load, before any `env` exists; at the edge the adapter asks
 * the running request for `env[name]` instead (request-scope.ts), and a missing binding is an
 * error that names it and says where to declare it.
 */
import { PersistenceError } from "../../skill/persistence/adapter.js";
import { currentRequestScope } from "../request-scope.js";

/** `env[name]` of the running request, checked with `accepts`. */
export function bindingOfRequest<T>(name: string, kind: string, accepts: (value: unknown) => value is T, what: string): T {
  const value = (currentRequestScope(what).env as Record<string, unknown>)[name];
  if (!accepts(value)) {
    throw new PersistenceError("not-configured", `${what} needs a ${kind} binding named ${name} (wrangler.toml), found ${value === undefined ? "none" : typeof value}`);
  }
  return value;
}

export function isD1Database(value: unknown): value is D1Database {
  return typeof value === "object" && value !== null && typeof (value as { prepare?: unknown }).prepare === "function" && typeof (value as { batch?: unknown }).batch === "function";
}

export function isKvNamespace(value: unknown): value is KVNamespace {
  return typeof value === "object" && value !== null && typeof (value as { get?: unknown }).get === "function" && typeof (value as { put?: unknown }).put === "function";
}
