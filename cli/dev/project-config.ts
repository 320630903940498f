// The project's skillflare settings, read from its package.json: `"skillflare": { "audioDir":
// "assets" }` names the folder whose audio files `skillflare dev` puts in the local R2 bucket.
// No key (or no package.json) means no seeding. A malformed value is an error, not a guess.
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";

export interface ProjectConfig {
  /** Folder (relative to the project) seeded into local R2, or undefined for none. */
  readonly audioDir?: string;
}

export class ProjectConfigError extends Error {
  override readonly name = "ProjectConfigError";
}

/** Pure: the config from package.json's parsed JSON. */
export function projectConfigFrom(manifest: unknown): ProjectConfig {
  const section = (manifest as { skillflare?: unknown } | null)?.skillflare;
  if (section === undefined) return {};
  if (typeof section !== "object" || section === null) throw new ProjectConfigError('package.json "skillflare" must be an object');
  const { audioDir } = section as { audioDir?: unknown };
  if (audioDir === undefined) return {};
  if (typeof audioDir !== "string" || audioDir.trim() === "") {
    throw new ProjectConfigError('package.json "skillflare".audioDir must be a folder name, e.g. "assets"');
  }
  return { audioDir };
}

export async function readProjectConfig(cwd: string): Promise<ProjectConfig> {
  const path = join(cwd, "package.json");
  if (!existsSync(path)) return {};
  let manifest: unknown;
  try {
    manifest = JSON.parse(await readFile(path, "utf8")) as unknown;
  } catch (error) {
    throw new ProjectConfigError(`package.json is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  return projectConfigFrom(manifest);
}
