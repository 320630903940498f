/**
 * The package's public API as a package user sees it: package.json "exports", and for each
 * entry point the names its built `.d.ts` exports, with the declaration each name resolves
 * to (through re-exports) read by the TypeScript compiler API. Used by the package tests.
 */
import { readFileSync } from "node:fs";
import { relative } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

export const ROOT = fileURLToPath(new URL("../../../", import.meta.url));

export interface PackageJson {
  readonly name: string;
  readonly exports: Record<string, string | { readonly types: string; readonly default: string }>;
  readonly bin: Record<string, string>;
  readonly files: readonly string[];
  readonly dependencies: Record<string, string>;
  readonly peerDependencies?: Record<string, string>;
}

export const PACKAGE: PackageJson = JSON.parse(readFileSync(`${ROOT}package.json`, "utf8")) as PackageJson;

export interface EntryPoint {
  /** e.g. "skillflare/worker". */
  readonly specifier: string;
  /** Absolute paths. */
  readonly types: string;
  readonly js: string;
  /** The source entry file, e.g. ".../src/http/index.ts". */
  readonly source: string;
}

export const ENTRY_POINTS: readonly EntryPoint[] = Object.entries(PACKAGE.exports).flatMap(([subpath, target]) =>
  typeof target === "string"
    ? []
    : [
        {
          specifier: subpath === "." ? PACKAGE.name : `${PACKAGE.name}/${subpath.slice(2)}`,
          types: `${ROOT}${target.types.slice(2)}`,
          js: `${ROOT}${target.default.slice(2)}`,
          source: `${ROOT}${target.types.slice(2).replace(/^dist\//, "src/").replace(/\.d\.ts$/, ".ts")}`,
        },
      ],
);

export interface ExportedDeclaration {
  readonly entry: string;
  readonly name: string;
  readonly kind: "function" | "class" | "type" | "interface" | "variable" | "enum" | "other";
  readonly hasDoc: boolean;
  readonly hasExample: boolean;
  readonly file: string;
}

function kindOf(declaration: ts.Declaration): ExportedDeclaration["kind"] {
  if (ts.isFunctionDeclaration(declaration)) return "function";
  if (ts.isClassDeclaration(declaration)) return "class";
  if (ts.isTypeAliasDeclaration(declaration)) return "type";
  if (ts.isInterfaceDeclaration(declaration)) return "interface";
  if (ts.isVariableDeclaration(declaration)) return "variable";
  if (ts.isEnumDeclaration(declaration)) return "enum";
  return "other";
}

/** JSDoc of a declaration; for a variable, the comment sits on its statement. */
function docNodeOf(declaration: ts.Declaration): ts.Node {
  return ts.isVariableDeclaration(declaration) ? declaration.parent.parent : declaration;
}

/** Every name each entry point's built .d.ts exports (or those of `entries`), resolved to its declaration. */
export function builtDeclarations(entries: readonly Pick<EntryPoint, "specifier" | "types">[] = ENTRY_POINTS): ExportedDeclaration[] {
  const program = ts.createProgram(
    entries.map((entry) => entry.types),
    { module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, target: ts.ScriptTarget.ES2022, types: [], noEmit: true },
  );
  const checker = program.getTypeChecker();
  const found: ExportedDeclaration[] = [];
  for (const entry of entries) {
    const sourceFile = program.getSourceFile(entry.types);
    const moduleSymbol = sourceFile === undefined ? undefined : checker.getSymbolAtLocation(sourceFile);
    if (moduleSymbol === undefined) throw new Error(`cannot read ${entry.types}; did the build run?`);
    for (const exported of checker.getExportsOfModule(moduleSymbol)) {
      const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
      for (const declaration of symbol.declarations ?? []) {
        const docNode = docNodeOf(declaration);
        found.push({
          entry: entry.specifier,
          name: exported.name,
          kind: kindOf(declaration),
          hasDoc: ts.getJSDocCommentsAndTags(docNode).length > 0,
          hasExample: ts.getJSDocTags(docNode).some((tag) => tag.tagName.text === "example"),
          file: relative(ROOT, declaration.getSourceFile().fileName),
        });
      }
    }
  }
  return found;
}
