/**
 * What `skillflare init` writes, as pure functions: the project's names (display name, npm/Worker
 * slug, Alexa invocation name), the `{{placeholder}}` substitution applied to every template
 * file, the template file name -> project path mapping (npm pack drops files named
 * .gitignore, so the template ships `gitignore`), and the generated package.json with the
 * toolchain chosen for the running Node.
 */
import type { Toolchain } from "./toolchain.js";

export interface ProjectNames {
  /** As the user wrote it: "My Skill". Shown in speech, the manifest and README. */
  readonly name: string;
  /** npm package and Worker name: "my-skill". */
  readonly slug: string;
  /** Alexa invocation name: lower-case words, "my skill". */
  readonly invocation: string;
}

/** Letters, digits, spaces and a little punctuation; safe inside JSON, TOML and TS strings. */
const NAME_PATTERN = /^[\p{L}\p{N}][\p{L}\p{N} .,'&-]{0,49}$/u;

/** Why `name` cannot be a skill name, or null when it can. */
export function nameProblem(name: string): string | null {
  if (NAME_PATTERN.test(name)) return null;
  return `--name "${name}" must be 1-50 characters: letters, digits, spaces and . , ' & - (starting with a letter or digit)`;
}

/** "my-first_skill" -> "My First Skill": the default name from the directory. */
export function nameFromDirectory(base: string): string {
  const words = base.split(/[^\p{L}\p{N}]+/u).filter((word) => word !== "");
  const name = words.map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join(" ");
  return name === "" || nameProblem(name) !== null ? "My Skill" : name;
}

export function projectNames(name: string): ProjectNames {
  const ascii = name.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  const slug = ascii.replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 50) || "my-skill";
  const invocation = ascii.replace(/[^a-z ]+/g, " ").replace(/\s+/g, " ").trim() || "my skill";
  return { name, slug, invocation: invocation.includes(" ") ? invocation : `${invocation} skill` };
}

export interface TemplateValues extends ProjectNames {
  readonly compatibilityDate: string;
  readonly vitestPlugin: string;
}

/** Every `{{key}}` of `text` replaced; an unknown key is an error (a template bug, not user input). */
export function fillPlaceholders(text: string, values: TemplateValues): string {
  const table: Readonly<Record<string, string>> = { ...values };
  return text.replace(/\{\{(\w+)\}\}/g, (whole, key: string) => {
    const value = table[key];
    if (value === undefined) throw new Error(`template placeholder ${whole} has no value`);
    return value;
  });
}

/** Template-relative path -> project-relative path. */
export function projectPath(templatePath: string): string {
  return templatePath.replace(/(^|\/)gitignore$/, "$1.gitignore");
}

/**
 * `prestart`/`pretest`: on a fresh clone (no node_modules yet) install first, so the README's
 * quick start stays two commands; otherwise nothing. Inline, so the project needs no script file.
 */
export const ENSURE_INSTALLED =
  "node -e \"require('fs').existsSync('node_modules/.package-lock.json')||require('child_process').execSync('npm install --no-audit --no-fund',{stdio:'inherit'})\"";

/** The project's package.json: skillflare itself plus the chosen toolchain, all pinned. */
export function projectPackageJson(names: ProjectNames, skillflareSpec: string, toolchain: Toolchain): string {
  const json = {
    name: names.slug,
    version: "0.1.0",
    private: true,
    type: "module",
    engines: { node: toolchain.nodeRange },
    scripts: {
      prestart: ENSURE_INSTALLED,
      start: "skillflare dev",
      pretest: ENSURE_INSTALLED,
      test: "tsc -p . && vitest run",
      simulate: "skillflare simulate",
      deploy: "skillflare deploy",
      types: "wrangler types --include-runtime=false --strict-vars=false",
      "check:deploy": "wrangler deploy --dry-run --outdir dist",
    },
    skillflare: { audioDir: "assets" },
    dependencies: { skillflare: skillflareSpec },
    devDependencies: sortKeys({ ...toolchain.devDependencies, "ask-sdk-model": "1.86.0" }),
  };
  return `${JSON.stringify(json, null, 2)}\n`;
}

function sortKeys(record: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
}
