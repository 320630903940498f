/**
 * What the local console needs from the environment, and only in local development:
 * `SKILLFLARE_DEV_KIT` (the dev signing kit's JSON, private key included, so the console can
 * sign requests the Worker's dev trust accepts) and `SKILLFLARE_DEV_MODELS` (the interaction
 * models by locale). `npm start` writes both to `.dev.vars`, which is never committed or
 * deployed; a Worker without the kit has no console at all (a 404). Parsed once per bindings
 * object; a malformed value is a typed `ConsoleConfigError`, shown on the page, not a crash.
 */
import { importDevSigningKit, type DevSigningKit } from "../devkit/index.js";
import type { InteractionModelJson } from "../testing/index.js";

/** The bindings the console reads. */
export interface ConsoleEnv {
  /** `exportDevSigningKit` JSON; present only in `.dev.vars`. */
  readonly SKILLFLARE_DEV_KIT?: string;
  /** `{"en-US": <interaction model JSON>, ...}`; present only in `.dev.vars`. */
  readonly SKILLFLARE_DEV_MODELS?: string;
}

export interface ConsoleConfig {
  readonly kit: DevSigningKit;
  readonly models: Readonly<Record<string, InteractionModelJson>>;
}

export class ConsoleConfigError extends Error {
  override readonly name = "ConsoleConfigError";
}

/** True when the environment carries a dev kit, i.e. the console may exist at all. */
export function hasDevKit(env: ConsoleEnv): boolean {
  return typeof env.SKILLFLARE_DEV_KIT === "string" && env.SKILLFLARE_DEV_KIT.trim() !== "";
}

function isModel(value: unknown): value is InteractionModelJson {
  const languageModel = (value as { interactionModel?: { languageModel?: { intents?: unknown } } } | null)?.interactionModel
    ?.languageModel;
  return Array.isArray(languageModel?.intents);
}

/** Parses `SKILLFLARE_DEV_MODELS`: an object mapping locales to interaction models. */
export function parseDevModels(text: string | undefined): Record<string, InteractionModelJson> {
  if (text === undefined || text.trim() === "") {
    throw new ConsoleConfigError("SKILLFLARE_DEV_MODELS is not set: run `npm start` (it writes the interaction models to .dev.vars)");
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ConsoleConfigError("SKILLFLARE_DEV_MODELS is not JSON");
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new ConsoleConfigError("SKILLFLARE_DEV_MODELS must map locales to interaction models");
  }
  const entries = Object.entries(value);
  const bad = entries.find(([, model]) => !isModel(model));
  if (bad !== undefined) throw new ConsoleConfigError(`SKILLFLARE_DEV_MODELS["${bad[0]}"] has no interactionModel.languageModel.intents`);
  if (entries.length === 0) throw new ConsoleConfigError("SKILLFLARE_DEV_MODELS has no locale");
  return Object.fromEntries(entries) as Record<string, InteractionModelJson>;
}

async function loadConfig(env: ConsoleEnv): Promise<ConsoleConfig> {
  let json: unknown;
  try {
    json = JSON.parse(env.SKILLFLARE_DEV_KIT ?? "");
  } catch {
    throw new ConsoleConfigError("SKILLFLARE_DEV_KIT is not JSON: run `npm start` again to rewrite .dev.vars");
  }
  const models = parseDevModels(env.SKILLFLARE_DEV_MODELS);
  try {
    return { kit: await importDevSigningKit(json), models };
  } catch (error) {
    throw new ConsoleConfigError(`SKILLFLARE_DEV_KIT is not a dev signing kit (${error instanceof Error ? error.message : String(error)})`);
  }
}

const loaded = new WeakMap<object, Promise<ConsoleConfig>>();

/** The console's configuration for these bindings, parsed once (a failure is retried next time). */
export function consoleConfigFor(env: ConsoleEnv): Promise<ConsoleConfig> {
  let config = loaded.get(env);
  if (config === undefined) {
    config = loadConfig(env);
    loaded.set(env, config);
    config.catch(() => loaded.delete(env));
  }
  return config;
}
