/**
 * `process.env` as a Lambda skill expects it: its configuration (`process.env.TABLE_NAME`,
 * Alexa-hosted skills' `S3_PERSISTENCE_BUCKET`) arrives as Lambda environment variables; at the
 * edge those are the Worker's vars and secrets. workerd fills `process.env` with them itself
 * under `nodejs_compat` from compatibility date 2025-04-01; for older dates the string
 * bindings are copied in on the first request, never overwriting a value already there.
 */
import { nodeProcess } from "./node-process.js";

const exposed = new WeakSet<object>();

/** Copies the Worker's string bindings (vars, secrets) to `process.env` once per env object. */
export function exposeVarsOnProcessEnv(env: object): void {
  if (exposed.has(env)) return;
  exposed.add(env);
  const processEnv = nodeProcess()?.env;
  if (processEnv === undefined) return;
  for (const [name, value] of Object.entries(env)) {
    if (typeof value === "string" && processEnv[name] === undefined) processEnv[name] = value;
  }
}
