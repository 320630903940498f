// The file-system side of `init --from-lambda`: copying the Lambda folder byte for byte
// (without node_modules, which `npm install` rebuilds), reading its sources for detection,
// and finding what sits beside it in an ask-cli project: the interaction models
// (skill-package/interactionModels/custom/ or models/) and the skill id (.ask/).
import { cp, mkdir, readdir, readFile, stat } from "node:fs/promises";
import { dirname, join, relative, resolve } from "node:path";
import type { LambdaFiles } from "./detect.js";

export async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

/** Copies `from` to `to` exactly, skipping node_modules anywhere in the tree. */
export async function copyLambdaFolder(from: string, to: string): Promise<void> {
  await mkdir(dirname(to), { recursive: true });
  await cp(from, to, { recursive: true, errorOnExist: true, force: false, preserveTimestamps: true, filter: (source) => !source.split(/[\\/]/).includes("node_modules") });
}

async function walk(root: string, directory: string, found: string[]): Promise<void> {
  for (const entry of await readdir(directory, { withFileTypes: true })) {
    if (entry.name === "node_modules" || entry.name.startsWith(".")) continue;
    const path = join(directory, entry.name);
    if (entry.isDirectory()) await walk(root, path, found);
    else if (/\.(c|m)?js$/.test(entry.name)) found.push(relative(root, path).split("\\").join("/"));
  }
}

export async function readLambdaFiles(folder: string): Promise<LambdaFiles> {
  const paths: string[] = [];
  await walk(folder, folder, paths);
  const sources = new Map<string, string>();
  for (const path of paths.sort()) sources.set(path, await readFile(join(folder, path), "utf8"));
  let packageJson: string | undefined;
  try {
    packageJson = await readFile(join(folder, "package.json"), "utf8");
  } catch {
    packageJson = undefined;
  }
  return { sources, ...(packageJson !== undefined ? { packageJson } : {}) };
}

/** Folders above the Lambda where an ask-cli project keeps its other parts (lambda/ or lambda/custom/). */
function projectRoots(lambdaDir: string): string[] {
  const parent = resolve(lambdaDir, "..");
  return [parent, resolve(parent, "..")];
}

/** The interaction model JSON files beside the Lambda (or, in tutorials, inside it): locale file name -> path. */
export async function findInteractionModels(lambdaDir: string): Promise<Map<string, string>> {
  for (const root of projectRoots(lambdaDir)) {
    for (const folder of [join(root, "skill-package", "interactionModels", "custom"), join(root, "models"), lambdaDir]) {
      if (!(await isDirectory(folder))) continue;
      const models = (await readdir(folder)).filter((name) => /^[a-z]{2}-[A-Z]{2}\.json$/.test(name));
      if (models.length > 0) return new Map(models.map((name) => [name, join(folder, name)]));
    }
  }
  return new Map();
}

/** The skill id ask-cli recorded beside the Lambda, if any. */
export async function findSkillId(lambdaDir: string): Promise<string | undefined> {
  for (const root of projectRoots(lambdaDir)) {
    for (const file of [join(root, ".ask", "ask-states.json"), join(root, ".ask", "config")]) {
      let text: string;
      try {
        text = await readFile(file, "utf8");
      } catch {
        continue;
      }
      const match = /"(?:skillId|skill_id)"\s*:\s*"(amzn1\.ask\.skill\.[0-9a-f-]+)"/.exec(text);
      if (match?.[1] !== undefined) return match[1];
    }
  }
  return undefined;
}
