// The package's public entry points mapped to their source files, read from package.json
// "exports" (`./dist/<path>.d.ts` -> `./src/<path>.ts`). The vitest configs use it as Vite
// `resolve.alias`, so the example skill, the Worker and tests that import `skillflare/...`
// run against src/, never a stale dist/. tsconfig.json "paths" and wrangler.toml [alias]
// hold the same table (TS and wrangler cannot run code); a Node test checks all three agree.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = new URL("../", import.meta.url);

/** `{ "skillflare/worker": "./src/http/index.ts", ... }` from package.json. */
export function sourceEntryPoints() {
  const pkg = JSON.parse(readFileSync(new URL("package.json", root), "utf8"));
  const entries = {};
  for (const [subpath, target] of Object.entries(pkg.exports)) {
    if (typeof target !== "object" || typeof target.types !== "string") continue;
    const specifier = subpath === "." ? pkg.name : `${pkg.name}/${subpath.slice(2)}`;
    entries[specifier] = target.types.replace(/^\.\/dist\//, "./src/").replace(/\.d\.ts$/, ".ts");
  }
  return entries;
}

/** Vite aliases matching each specifier exactly (so `skillflare` does not swallow `skillflare/worker`). */
export function sourceAliases() {
  return Object.entries(sourceEntryPoints()).map(([specifier, file]) => ({
    find: new RegExp(`^${specifier.replace(/[/]/g, "\\/")}$`),
    replacement: fileURLToPath(new URL(file, root)),
  }));
}
