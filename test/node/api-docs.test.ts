/**
 * Public API is a contract (BRIEF, DESIGN.md "Style"): every function and class a package
 * user can import has a TSDoc comment with an `@example`, and every other exported name
 * (types, interfaces, constants) at least a doc comment, so editors show it on hover. Read
 * from the built .d.ts files (what users get) with the TypeScript compiler API, re-exports
 * followed to the declaration. The last test shows the check fails on an undocumented function.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { builtDeclarations, type ExportedDeclaration } from "./helpers/public-api.js";

/**
 * src/verify/ is being reworked on its own branch (createAlexaVerifier); its exports get
 * their examples there. Remove this exemption once that branch is merged.
 */
const EXEMPT = /^$/;

const describeOne = (d: ExportedDeclaration) => `${d.entry}: ${d.name} (${d.kind}, ${d.file})`;
const needsExample = (d: ExportedDeclaration) => d.kind === "function" || d.kind === "class";

describe("doc comments on the public API", () => {
  const declarations = builtDeclarations();
  const checked = declarations.filter((d) => !EXEMPT.test(d.file));

  it("reads a real API (all eleven entry points, 150+ names)", () => {
    expect(new Set(declarations.map((d) => d.entry)).size).toBe(11);
    expect(declarations.length).toBeGreaterThan(150);
  });

  it("every exported function and class has an @example", () => {
    expect(checked.filter((d) => needsExample(d) && !d.hasExample).map(describeOne)).toEqual([]);
  });

  it("every exported type, interface and constant has a doc comment", () => {
    expect(checked.filter((d) => !d.hasDoc).map(describeOne)).toEqual([]);
  });
});

describe("the doc check itself", () => {
  const dir = mkdtempSync(join(tmpdir(), "skillflare-api-docs-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("reports a function without @example and a type without a comment, and accepts documented ones", () => {
    const types = join(dir, "index.d.ts");
    writeFileSync(
      types,
      [
        "/**\n * Documented.\n * @example\n * good();\n */\nexport declare function good(): void;",
        "/** Documented, but no example. */\nexport declare function noExample(): void;",
        "export declare function bare(): void;",
        "export type Undocumented = string;",
        "/** A type. */\nexport interface Documented { a: string }",
      ].join("\n"),
    );
    const found = builtDeclarations([{ specifier: "fake", types }]);
    expect(found.filter((d) => needsExample(d) && !d.hasExample).map((d) => d.name)).toEqual(["noExample", "bare"]);
    expect(found.filter((d) => !d.hasDoc).map((d) => d.name)).toEqual(["bare", "Undocumented"]);
  });
});
