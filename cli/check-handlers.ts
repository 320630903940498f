/**
 * Which intents a skill's handlers take, found two ways for `skillflare check`. Reading the
 * source: intent names in skillflare's `onIntent("X")` / `onIntent(["X", "Y"])`, and in the
 * ask-sdk idioms `getIntentName(...) === "X"`, `intent.name === "X"` and `intentName === "X"`.
 * Asking the running skill (with --url): each intent of the model is sent through the
 * Worker's full verification, and so is an intent no skill can know; an intent whose answer
 * differs from that one (and is not an error) has a handler of its own, one that answers the
 * same is only caught by a catch-all or error handler. Node only.
 */
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { createVirtualAlexa, type InteractionModelJson, type DevSigningKit, type Turn } from "skillflare/testing";

const SOURCE = /\.(ts|mts|cts|js|mjs|cjs)$/;
const PATTERNS = [
  /onIntent\(\s*(\[[^\]]*\]|(["'`])[^"'`]+\2)/g,
  /getIntentName\([^)]*\)\s*={2,3}\s*(["'`])([^"'`]+)\1/g,
  /intent\.name\s*={2,3}\s*(["'`])([^"'`]+)\1/g,
  /intentName\s*={2,3}\s*(["'`])([^"'`]+)\1/g,
];

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const files: string[] = [];
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory() && entry.name !== "node_modules" && !entry.name.startsWith(".")) files.push(...(await sourceFiles(path)));
    else if (entry.isFile() && SOURCE.test(entry.name) && !/\.(test|spec)\./.test(entry.name)) files.push(path);
  }
  return files;
}

/** Intent names the handlers under `dir` name, by reading their source. */
export async function intentsInSource(dir: string): Promise<Set<string>> {
  const found = new Set<string>();
  for (const file of await sourceFiles(dir)) {
    // Comments are dropped first: a doc example naming an intent is no handler.
    const text = (await readFile(file, "utf8")).replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:"'`])\/\/.*$/gm, "$1");
    for (const pattern of PATTERNS) {
      for (const match of text.matchAll(pattern)) {
        const literal = match[1]?.startsWith("[") ? match[1] : (match[2] && pattern !== PATTERNS[0] ? `"${match[2]}"` : match[1] ?? "");
        for (const name of literal.matchAll(/(["'`])([A-Za-z][\w.]*)\1/g)) if (name[2]) found.add(name[2]);
      }
    }
  }
  return found;
}

const fingerprint = (turn: Turn) => JSON.stringify([turn.status, turn.speech ?? "", turn.reprompt ?? "", turn.directives.map((d) => d.type)]);
const UNKNOWN_INTENT = "SkillflareCheckNoSuchIntent";

export interface ProbeResult {
  readonly own: Set<string>;
  readonly failing: Map<string, string>;
}

/** Sends each intent of the model to the skill at `url` and sorts them by how the skill answers. */
export async function probeIntents(model: InteractionModelJson, url: string, kit: DevSigningKit, locale: string): Promise<ProbeResult> {
  const ask = (name: string) => createVirtualAlexa({ model, url, kit, locale, timeoutMs: 10_000 }).intend(name);
  const baseline = fingerprint(await ask(UNKNOWN_INTENT));
  const own = new Set<string>();
  const failing = new Map<string, string>();
  for (const intent of model.interactionModel.languageModel.intents) {
    const turn = await ask(intent.name);
    if (turn.error !== undefined) failing.set(intent.name, turn.error);
    else if (fingerprint(turn) !== baseline) own.add(intent.name);
  }
  return { own, failing };
}
