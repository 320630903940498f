/**
 * `skillflare init <dir> --from-lambda <lambda-dir>` on our own Lambda fixture
 * (test/lambda/fixtures/visit-counter, next to an ask-cli style skill-package made here):
 * the folder is copied byte for byte, the project around it has the Lambda's dependencies,
 * the aliases, D1/R2 and vars, the entry imports the handler unchanged, and the report names
 * what was detected and what was not carried over. Detection is also checked on strings.
 */
import { mkdtemp, mkdir, readdir, readFile, rm, writeFile, cp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { main } from "../../cli/skillflare.js";
import { detectLambda } from "../../cli/init-from-lambda/detect.js";
import type { CliIo } from "../../cli/io.js";

const FIXTURE = join(__dirname, "../lambda/fixtures/visit-counter");
const scratch = await mkdtemp(join(tmpdir(), "skillflare-init-lambda-"));
afterAll(() => rm(scratch, { recursive: true, force: true }));

function recordingIo(): CliIo & { lines: string[]; errors: string[] } {
  const lines: string[] = [];
  const errors: string[] = [];
  return { lines, errors, out: (line) => void lines.push(line), err: (line) => void errors.push(line), progress: () => {} };
}

async function filesUnder(root: string, dir = root): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...(await filesUnder(root, path)));
    else found.push(path.slice(root.length + 1));
  }
  return found.sort();
}

describe("skillflare init --from-lambda", async () => {
  // An ask-cli project: lambda/ beside skill-package/ and .ask/ (with a skill id).
  const askProject = join(scratch, "ask-project");
  await cp(FIXTURE, join(askProject, "lambda"), { recursive: true });
  await mkdir(join(askProject, "lambda", "node_modules", "left-behind"), { recursive: true });
  await mkdir(join(askProject, "skill-package", "interactionModels", "custom"), { recursive: true });
  await writeFile(join(askProject, "skill-package", "interactionModels", "custom", "en-US.json"), '{"interactionModel":{"languageModel":{"invocationName":"visit counter","intents":[]}}}');
  await mkdir(join(askProject, ".ask"), { recursive: true });
  await writeFile(join(askProject, ".ask", "ask-states.json"), '{"profiles":{"default":{"skillId":"amzn1.ask.skill.11111111-2222-3333-4444-555555555555"}}}');
  const target = join(scratch, "Visit Counter");
  const io = recordingIo();
  const exit = await main(["init", target, "--from-lambda", join(askProject, "lambda"), "--skillflare", "file:../skillflare"], io);

  it("exits 0 and copies the Lambda folder byte for byte, without node_modules", async () => {
    expect(exit, io.errors.join("\n")).toBe(0);
    const original = (await filesUnder(join(askProject, "lambda"))).filter((path) => !path.startsWith("node_modules"));
    expect(await filesUnder(join(target, "lambda"))).toEqual(original);
    for (const path of original) expect(await readFile(join(target, "lambda", path)), path).toEqual(await readFile(join(askProject, "lambda", path)));
  });

  it("writes package.json with the Lambda's own dependencies (minus the aliased AWS packages) and skillflare", async () => {
    const manifest = JSON.parse(await readFile(join(target, "package.json"), "utf8")) as { name: string; dependencies: Record<string, string>; scripts: Record<string, string> };
    expect(manifest.name).toBe("visit-counter");
    expect(manifest.dependencies).toEqual({ "ask-sdk": "^2.14.0", i18next: "^25.0.0", skillflare: "file:../skillflare" });
    expect(manifest.scripts["start"]).toBe("skillflare dev");
  });

  it("writes wrangler.toml with nodejs_compat, the three aliases, D1, R2, the skill id and the vars it reads", async () => {
    const toml = await readFile(join(target, "wrangler.toml"), "utf8");
    expect(toml).toContain('compatibility_flags = ["nodejs_compat"]');
    expect(toml).toContain('"ask-sdk-dynamodb-persistence-adapter" = "skillflare/ask-sdk/dynamodb-persistence-adapter"');
    expect(toml).toContain('"ask-sdk-s3-persistence-adapter" = "skillflare/ask-sdk/s3-persistence-adapter"');
    expect(toml).toContain('"aws-sdk" = "skillflare/ask-sdk/aws-sdk"');
    expect(toml).toContain('SKILL_IDS = "amzn1.ask.skill.11111111-2222-3333-4444-555555555555"');
    expect(toml).toMatch(/\[\[d1_databases\]\]\nbinding = "DB"/);
    expect(toml).toMatch(/\[\[r2_buckets\]\]\nbinding = "AUDIO"/);
    expect(toml).toContain('# FIXTURE_REGION = ""');
    expect(toml).toContain('# VISITS_TABLE = ""');
  });

  it("writes the entry importing the handler from lambda/, the migrations and the model", async () => {
    const entry = await readFile(join(target, "src", "worker.js"), "utf8");
    expect(entry).toContain('import lambda from "../lambda/index.js";');
    expect(entry).toContain('skill: lambda["handler"]');
    expect(await readdir(join(target, "migrations"))).toEqual(["0001_skill_attributes.sql", "0002_ask_sdk_attributes.sql"]);
    expect(await readdir(join(target, "skill-package", "interactionModels", "custom"))).toEqual(["en-US.json"]);
  });

  it("reports what it detected and what it could not carry over", () => {
    const report = io.lines.join("\n");
    expect(report).toContain('handler:      lambda/index.js, export "handler" (ask-sdk)');
    expect(report).toContain("DynamoDB adapter -> D1 (namespace = tableName), createTable: the table is a D1 migration");
    expect(report).toContain("i18n:         i18next");
    expect(report).toContain("ask-sdk DefaultApiClient");
    expect(report).toContain("AWS.SQS: no edge equivalent");
    expect(report).toContain("process.env.VISITS_TABLE: its Lambda value is not known");
    expect(report).toContain("node_modules/: not copied");
  });

  it("refuses a target that is not empty, and a Lambda folder that does not exist (exit 2)", async () => {
    const again = recordingIo();
    expect(await main(["init", target, "--from-lambda", join(askProject, "lambda")], again)).toBe(2);
    expect(again.errors.join("\n")).toMatch(/exists and is not empty/);
    const missing = recordingIo();
    expect(await main(["init", join(scratch, "new"), "--from-lambda", join(scratch, "nope")], missing)).toBe(2);
    expect(missing.errors.join("\n")).toMatch(/is not a folder/);
  });
});

describe("detectLambda", () => {
  const detect = (index: string, packageJson?: string) => detectLambda({ sources: new Map([["index.js", index]]), ...(packageJson ? { packageJson } : {}) });

  it("finds the handler in package.json main and its export name", () => {
    const detection = detectLambda({ packageJson: '{"main":"src/skill.js"}', sources: new Map([["src/skill.js", "module.exports.run = Alexa.SkillBuilders.custom().lambda();\nrequire('ask-sdk-core');"]]) });
    expect(detection).toMatchObject({ handlerFile: "src/skill.js", handlerExport: "run", sdk: "ask-sdk-core", problems: [] });
  });

  it("flags alexa-sdk v1 as unsupported, and Alexa-hosted env vars and S3 media as carried over", () => {
    expect(detect("const Alexa = require('alexa-sdk'); exports.handler = function (e, c) {};").problems[0]).toMatch(/alexa-sdk v1/);
    const hosted = detect("require('ask-sdk-core'); const s3 = new AWS.S3(); s3.getSignedUrl('getObject', {}); new S3PersistenceAdapter({ bucketName: process.env.S3_PERSISTENCE_BUCKET }); exports.handler = x;");
    expect(hosted.envVars).toEqual(["S3_PERSISTENCE_BUCKET"]);
    expect(hosted.awsSupported).toEqual(["S3.getSignedUrl('getObject') -> signed R2 audio URL"]);
    expect(hosted.persistence).toEqual(["S3 adapter -> D1 (namespace = bucketName)"]);
  });

  it("leaves local-debugger.js out of the skill's analysis", () => {
    const detection = detectLambda({ sources: new Map([["index.js", "require('ask-sdk-core'); exports.handler = h;"], ["local-debugger.js", "require('net'); process.env.DEBUG_PORT; fs.readFileSync('x')"]]) });
    expect(detection.tooling).toEqual(["local-debugger.js"]);
    expect(detection.envVars).toEqual([]);
    expect(detection.apiClients).toEqual([]);
  });
});
