/**
 * Works around a workerd bug that breaks ask-sdk's `DefaultApiClient` at the edge: it passes
 * request headers as arrays (`{ Authorization: ["Bearer ..."] }`, as Node allows), and
 * workerd's `node:http` client (1.20260426) then throws `Cannot read properties of null
 * (reading 'has')` in its header processing, before anything is sent. Installed once per
 * isolate for ask-sdk and Lambda skills, this wraps `request` and `get` of `node:http` and
 * `node:https` to join array values with ", " (the same header on the wire, RFC 9110 5.3)
 * in a copy of the options. Without `nodejs_compat` there is no `node:http` and nothing to do.
 */
import { nodeProcess } from "./node-process.js";

type RequestFunction = (this: unknown, ...args: unknown[]) => unknown;
type HttpModule = Record<"request" | "get", RequestFunction>;

const FIXED = Symbol.for("skillflare.arrayHeadersJoined");

function joinArrayHeaders(argument: unknown): unknown {
  if (typeof argument !== "object" || argument === null || argument instanceof URL) return argument;
  const headers = (argument as { headers?: unknown }).headers;
  if (typeof headers !== "object" || headers === null || Array.isArray(headers)) return argument;
  if (!Object.values(headers).some(Array.isArray)) return argument;
  const joined = Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, Array.isArray(value) ? value.join(", ") : value]));
  return { ...argument, headers: joined };
}

function wrap(module: HttpModule, name: "request" | "get"): void {
  const original = module[name] as RequestFunction & { [FIXED]?: true };
  if (typeof original !== "function" || original[FIXED] === true) return;
  const wrapped = function (this: unknown, ...args: unknown[]) {
    return original.apply(this, args.map(joinArrayHeaders));
  } as RequestFunction & { [FIXED]?: true };
  wrapped[FIXED] = true;
  module[name] = wrapped;
}

/** Makes `http(s).request/get` accept array header values, as Node does. */
export function installArrayHeaderFix(): void {
  for (const id of ["node:http", "node:https"]) {
    let module: HttpModule | undefined;
    try {
      module = nodeProcess()?.getBuiltinModule?.(id) as HttpModule | undefined;
    } catch {
      module = undefined;
    }
    if (module === undefined) continue;
    wrap(module, "request");
    wrap(module, "get");
  }
}
