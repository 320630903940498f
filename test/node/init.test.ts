// `skillflare init` writes a complete project from templates/default/: every file, no
// placeholder left, the name substituted everywhere it shows, the toolchain that fits the Node
// version (injected here), a refusal for a non-empty directory unless --force, and usage errors
// (exit 2). The real install-and-test of the written project is .ci/run's job (docs/init.md).
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { dependencySpec, initCommand, initProject } from "../../cli/init/init-command.js";
import { nameFromDirectory, projectNames } from "../../cli/init/project-files.js";
import { CURRENT_TOOLCHAIN, NODE20_TOOLCHAIN, toolchainForNode } from "../../cli/init/toolchain.js";
import { memoryIo } from "../../cli/io.js";

const temps: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), "skillflare-init-"));
  temps.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const listFiles = (root: string): string[] =>
  readdirSync(root, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).map((entry) => relative(root, join(entry.parentPath, entry.name))).sort();
const read = (dir: string, file: string) => readFileSync(join(dir, file), "utf8");
const json = (dir: string, file: string) => JSON.parse(read(dir, file)) as Record<string, any>;

const EXPECTED_FILES = [
  ".gitignore",
  "README.md",
  "ask-resources.json",
  "assets/README.md",
  "migrations/0001_skill_attributes.sql",
  "package.json",
  "skill-package/interactionModels/custom/en-US.json",
  "skill-package/skill.json",
  "src/index.ts",
  "test/alexa.ts",
  "test/conversation.test.ts",
  "test/env.d.ts",
  "test/setup/apply-migrations.ts",
  "test/setup/dev-kit.global.ts",
  "test/skill.test.ts",
  "tsconfig.json",
  "vitest.config.mts",
  "worker-configuration.d.ts",
  "wrangler.toml",
];

describe("skillflare init", () => {
  it("writes every template file with no placeholder left, and the Node 20 toolchain on Node 20", async () => {
    const dir = join(tempDir(), "my-skill");
    const io = memoryIo();
    expect(await initCommand([dir, "--skillflare", "file:../skillflare.tgz"], io, "v20.20.2")).toBe(0);
    expect(listFiles(dir)).toEqual(EXPECTED_FILES);
    for (const file of EXPECTED_FILES) expect(read(dir, file), file).not.toMatch(/\{\{\w+\}\}/);
    const pkg = json(dir, "package.json");
    expect(pkg).toMatchObject({ name: "my-skill", private: true, type: "module", engines: { node: ">=20.19" }, skillflare: { audioDir: "assets" } });
    expect(pkg.scripts).toMatchObject({ start: "skillflare dev", test: "tsc -p . && vitest run", deploy: "skillflare deploy" });
    expect(pkg.dependencies).toEqual({ skillflare: "file:../skillflare.tgz" });
    expect(pkg.devDependencies).toMatchObject({ wrangler: "4.86.0", "@cloudflare/vitest-pool-workers": "0.15.1", vitest: "4.1.12", typescript: "5.9.3" });
    const toml = read(dir, "wrangler.toml");
    expect(toml).toContain('compatibility_date = "2026-04-20"');
    expect(toml).toContain('compatibility_flags = ["nodejs_compat"]');
    for (const binding of ['binding = "CERT_CACHE"', 'binding = "DB"', 'binding = "AUDIO"', "SKILL_IDS = "]) expect(toml).toContain(binding);
    expect(read(dir, "vitest.config.mts")).toContain('from "@cloudflare/vitest-pool-workers"');
    expect(read(dir, ".gitignore")).toContain(".dev.vars");
    expect(read(dir, "worker-configuration.d.ts")).toMatch(/interface Env \{\n\t\tCERT_CACHE: KVNamespace;/); // wrangler 4.86's format
    expect(json(dir, "ask-resources.json").profiles.default.skillMetadata.src).toBe("./skill-package");
    expect(json(dir, "skill-package/skill.json").manifest.apis.custom.endpoint.uri).toMatch(/^https:\/\//);
    expect(io.stdout.join("\n")).toContain("Toolchain: the Node 20 toolchain (wrangler 4.86.0");
    expect(io.stdout.join("\n")).toContain("chosen for Node v20.20.2");
  });

  it("writes the current toolchain on Node 22.12 and later, with that set's test plugin and date", async () => {
    const dir = tempDir();
    const result = await initProject({ dir, nodeVersion: "v22.23.5", skillflareSpec: "^0.1.0" });
    expect(result.ok && result.toolchain.id).toBe("current");
    const pkg = json(dir, "package.json");
    expect(pkg.engines.node).toBe(">=22.12");
    expect(pkg.devDependencies).toMatchObject({ wrangler: "4.164.0", "@cloudflare/vitest-plugin": "1.5.0", vitest: "5.1.2" });
    expect(pkg.devDependencies["@cloudflare/vitest-pool-workers"]).toBeUndefined();
    expect(read(dir, "vitest.config.mts")).toContain('from "@cloudflare/vitest-plugin"');
    expect(read(dir, "tsconfig.json")).toContain('"@cloudflare/vitest-plugin/types"');
    expect(read(dir, "wrangler.toml")).toContain(`compatibility_date = "${CURRENT_TOOLCHAIN.compatibilityDate}"`);
    expect(read(dir, "worker-configuration.d.ts")).toContain("interface __BaseEnv_Env"); // wrangler 4.164's format
  });

  it.each([
    ["v20.19.0", "node20"],
    ["v20.20.2", "node20"],
    ["v22.11.0", "node20"],
    ["v22.12.0", "current"],
    ["22.23.5", "current"],
    ["v24.1.0", "current"],
    ["not a version", "node20"],
  ])("Node %s gets the %s toolchain", (version, id) => {
    expect(toolchainForNode(version).id).toBe(id);
  });

  it("--toolchain overrides the choice, and every toolchain pin is exact", async () => {
    const dir = tempDir();
    expect(await initCommand([dir, "--toolchain", "node20"], memoryIo(), "v22.23.5")).toBe(0);
    expect(json(dir, "package.json").devDependencies.wrangler).toBe("4.86.0");
    for (const toolchain of [NODE20_TOOLCHAIN, CURRENT_TOOLCHAIN]) {
      for (const version of Object.values(toolchain.devDependencies)) expect(version).toMatch(/^\d+\.\d+\.\d+$/);
    }
  });

  it("puts --name everywhere it shows: package and Worker name, speech, manifest, invocation name, README", async () => {
    const dir = tempDir();
    expect(await initCommand([dir, "--name", "Color Memory"], memoryIo(), "v20.20.2")).toBe(0);
    expect(json(dir, "package.json").name).toBe("color-memory");
    expect(read(dir, "wrangler.toml")).toContain('name = "color-memory"');
    expect(read(dir, "wrangler.toml")).toContain('database_name = "color-memory"');
    expect(read(dir, "src/index.ts")).toContain("Welcome to Color Memory!");
    expect(read(dir, "README.md").split("\n")[0]).toBe("# Color Memory");
    expect(json(dir, "skill-package/skill.json").manifest.publishingInformation.locales["en-US"].name).toBe("Color Memory");
    expect(json(dir, "skill-package/interactionModels/custom/en-US.json").interactionModel.languageModel.invocationName).toBe("color memory");
  });

  it("names the skill after its directory when --name is not given", () => {
    expect(nameFromDirectory("my-first_skill")).toBe("My First Skill");
    expect(nameFromDirectory("---")).toBe("My Skill");
    expect(projectNames("Café Crème")).toEqual({ name: "Café Crème", slug: "cafe-creme", invocation: "cafe creme" });
    expect(projectNames("Trivia").invocation).toBe("trivia skill");
  });

  it("refuses a non-empty directory (exit 1, nothing written) unless --force, which keeps other files", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "notes.txt"), "mine");
    const io = memoryIo();
    expect(await initCommand([dir], io, "v20.20.2")).toBe(1);
    expect(io.stderr.join("\n")).toContain("is not empty");
    expect(readdirSync(dir)).toEqual(["notes.txt"]);
    mkdirSync(join(dir, "src"));
    writeFileSync(join(dir, "src", "index.ts"), "old");
    expect(await initCommand([dir, "--force"], memoryIo(), "v20.20.2")).toBe(0);
    expect(read(dir, "notes.txt")).toBe("mine");
    expect(read(dir, "src/index.ts")).toContain("createAlexaWorker");
  });

  it("answers usage errors with exit 2 and the usage", async () => {
    for (const argv of [[], ["a", "b"], ["x", "--name", "bad\"name"], ["x", "--toolchain", "node18"], ["x", "--bogus"]]) {
      const io = memoryIo();
      expect(await initCommand(argv, io, "v20.20.2"), argv.join(" ")).toBe(2);
      expect(io.stderr.join("\n")).toMatch(/skillflare init: /);
    }
    expect(existsSync(join(process.cwd(), "x"))).toBe(false);
  });

  it("turns a tarball path into a file: spec relative to the new project", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "skillflare-0.1.0.tgz"), "");
    expect(dependencySpec("skillflare-0.1.0.tgz", join(dir, "app"), dir)).toBe("file:../skillflare-0.1.0.tgz");
    expect(dependencySpec("^0.1.0", join(dir, "app"), dir)).toBe("^0.1.0");
    expect(dependencySpec("file:/x.tgz", join(dir, "app"), dir)).toBe("file:/x.tgz");
  });
});
