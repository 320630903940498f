/**
 * Loading the interaction model for simulate, chat and check: an explicit path, "none", or the
 * default skill-package/interactionModels/custom/<locale>.json (undefined when that file does
 * not exist). A file that is not JSON is a clear error naming the file. Node only.
 */
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";

export function defaultModelPath(locale: string): string {
  return `skill-package/interactionModels/custom/${locale}.json`;
}

export async function loadSimulateModel(path: string | undefined, locale: string): Promise<unknown> {
  if (path === "none") return undefined;
  const file = path ?? defaultModelPath(locale);
  if (path === undefined && !existsSync(file)) return undefined;
  const text = await readFile(file, "utf8");
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new Error(`${file} is not JSON (${error instanceof Error ? error.message : String(error)})`);
  }
}
