/**
 * The package as it ships (docs/package.md). The built dist/ (built once by the global setup)
 * has every file package.json "exports" and "bin" name, and each entry point's built module
 * exports exactly the names its source does; the four tables that map `skillflare/...` to
 * src/ in this repo (package.json exports, tsconfig.json paths, wrangler.toml [alias], the
 * Vite aliases) agree; and the example skill and src/worker.ts reach the library only through
 * those public names, never by a relative path into src/, so the public API is proven enough
 * to write a real skill with.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { sourceAliases, sourceEntryPoints } from "../../scripts/source-aliases.mjs";
import { ENTRY_POINTS, PACKAGE, ROOT } from "./helpers/public-api.js";

const EXPECTED_SUBPATHS = ["skillflare", "skillflare/worker", "skillflare/skill", "skillflare/audio", "skillflare/testing", "skillflare/hono", "skillflare/ask-sdk", "skillflare/ask-sdk/dynamodb-persistence-adapter", "skillflare/ask-sdk/s3-persistence-adapter", "skillflare/ask-sdk/aws-sdk", "skillflare/dev"];

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** Module specifiers of every static import, re-export and dynamic import in `text` (comments, and so doc examples, skipped). */
function importSpecifiers(source: string): string[] {
  const text = source.replace(/\/\*[\s\S]*?\*\//g, "").replace(/^\s*\/\/.*$/gm, "");
  const pattern = /(?:^|[^.\w])(?:import|export)\s[^;]*?from\s*["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)|^import\s*["']([^"']+)["']/gm;
  return [...text.matchAll(pattern)].map((match) => match[1] ?? match[2] ?? match[3] ?? "");
}

describe("the built package", () => {
  it("has one entry point per layer, each with types and default", () => {
    expect(ENTRY_POINTS.map((entry) => entry.specifier)).toEqual(EXPECTED_SUBPATHS);
  });

  it.each(ENTRY_POINTS)("$specifier: dist has its .js and .d.ts, and the .js exports exactly the source's names", async (entry) => {
    expect(existsSync(entry.js), entry.js).toBe(true);
    expect(existsSync(entry.types), entry.types).toBe(true);
    expect(existsSync(`${entry.types}.map`), "declaration map").toBe(true);
    const built = (await import(pathToFileURL(entry.js).href)) as Record<string, unknown>;
    const source = (await import(entry.specifier)) as Record<string, unknown>; // resolved to src/ by the Vite alias
    expect(Object.keys(built).sort()).toEqual(Object.keys(source).sort());
    for (const name of Object.keys(source)) expect(typeof built[name], name).toBe(typeof source[name]);
  });

  it("has the bin as an executable ES module with a node shebang", () => {
    const bin = join(ROOT, PACKAGE.bin["skillflare"] ?? "");
    expect(readFileSync(bin, "utf8").startsWith("#!/usr/bin/env node\n")).toBe(true);
    expect(statSync(bin).mode & 0o111).not.toBe(0);
  });

  it("built code imports no .ts file, no tsx and nothing outside its dependencies and node:", () => {
    const allowed = new Set([...Object.keys(PACKAGE.dependencies), ...Object.keys(PACKAGE.peerDependencies ?? {}), PACKAGE.name]);
    for (const file of filesUnder(join(ROOT, "dist")).filter((path) => path.endsWith(".js"))) {
      for (const specifier of importSpecifiers(readFileSync(file, "utf8"))) {
        const where = `${relative(ROOT, file)} imports ${specifier}`;
        expect(specifier.endsWith(".ts"), where).toBe(false);
        if (specifier.startsWith(".") || specifier.startsWith("node:")) continue;
        const name = specifier.startsWith("@") ? specifier.split("/").slice(0, 2).join("/") : (specifier.split("/")[0] ?? "");
        expect(allowed.has(name), where).toBe(true);
      }
    }
  });
});

describe("skillflare/... inside this repo resolves to src/", () => {
  const tsconfigPaths = (): Record<string, string> => {
    const text = readFileSync(join(ROOT, "tsconfig.json"), "utf8").replace(/^\s*\/\/.*$/gm, "");
    const paths = (JSON.parse(text) as { compilerOptions: { paths: Record<string, string[]> } }).compilerOptions.paths;
    return Object.fromEntries(Object.entries(paths).map(([key, [target]]) => [key, target ?? ""]));
  };
  const wranglerAliases = (): Record<string, string> => {
    const toml = readFileSync(join(ROOT, "wrangler.toml"), "utf8");
    const section = toml.slice(toml.indexOf("[alias]"));
    return Object.fromEntries([...section.matchAll(/^"([^"]+)"\s*=\s*"([^"]+)"/gm)].map((match) => [match[1], match[2]]));
  };

  it("package.json exports, tsconfig paths, wrangler [alias] and the Vite aliases name the same files", () => {
    const fromExports = sourceEntryPoints();
    expect(Object.keys(fromExports)).toEqual(EXPECTED_SUBPATHS);
    expect(tsconfigPaths()).toEqual(fromExports);
    expect(wranglerAliases()).toEqual(fromExports);
    expect(sourceAliases().map((alias) => relative(ROOT, alias.replacement))).toEqual(Object.values(fromExports).map((path) => path.slice(2)));
    for (const file of Object.values(fromExports)) expect(existsSync(join(ROOT, file)), file).toBe(true);
  });
});

describe("the example skill uses only the public API", () => {
  const exampleFiles = [...filesUnder(join(ROOT, "src/example")), join(ROOT, "src/worker.ts")];

  it.each(exampleFiles.map((path) => relative(ROOT, path)))("%s imports skillflare by name, never a relative path into src/", (file) => {
    const specifiers = importSpecifiers(readFileSync(join(ROOT, file), "utf8"));
    for (const specifier of specifiers) {
      if (!specifier.startsWith(".")) continue;
      const target = relative(ROOT, join(ROOT, file, "..", specifier));
      const insideExample = target.startsWith("src/example/");
      expect(insideExample, `${file} imports ${specifier}`).toBe(true);
    }
  });

  it("reaches the library through skillflare/worker, /skill and /audio", () => {
    const used = new Set(exampleFiles.flatMap((path) => importSpecifiers(readFileSync(path, "utf8"))).filter((s) => s.startsWith("skillflare")));
    expect([...used].sort()).toEqual(["skillflare/audio", "skillflare/skill", "skillflare/worker"]);
  });

  it("the check sees a forbidden import when there is one", () => {
    expect(importSpecifiers('/** @example\n * import { w } from "nope";\n */\nimport { x } from "../skill/index.js";\nexport { y } from "./z.js";')).toEqual(["../skill/index.js", "./z.js"]);
  });
});
