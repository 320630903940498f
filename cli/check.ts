/**
 * `skillflare check`: every interaction model in skill-package/interactionModels/custom/ (or the
 * --model files) against Alexa's model rules and against the skill's handlers (cli/check-handlers.ts:
 * read from the --src folder, default src/, and with --url asked of the running skill). Prints
 * each finding; exit 1 when there is an error, 2 on unreadable input. Node only.
 */
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { checkInteractionModel, type InteractionModelJson, type ModelFinding } from "skillflare/testing";
import { lastString, parseArgs } from "./args.js";
import { intentsInSource, probeIntents } from "./check-handlers.js";
import { readDevKitFile } from "./dev-setup-kit.js";
import { type CliIo, EXIT_CHECK_FAILED, EXIT_OK, EXIT_USAGE, type ExitCode, processIo } from "./io.js";

export const CHECK_USAGE = `usage: skillflare check [--model PATH ...] [--src DIR] [--url URL [--kit PATH]] [--json]

Checks the interaction model(s) against Alexa's rules (invocation name, required built-ins,
slots used in samples but not declared, one utterance in two intents, dialog prompts...) and
against the handlers: intents no handler takes, handlers for intents the model lacks. Handlers
are found in the source under --src (default src/); with --url the running skill is also asked
(each intent sent through its verification, compared with an intent it cannot know).`;

const MODELS_DIR = "skill-package/interactionModels/custom";

async function modelPaths(given: readonly string[] | undefined): Promise<string[]> {
  if (given !== undefined && given.length > 0) return [...given];
  const names = await readdir(MODELS_DIR).catch(() => []);
  return names.filter((name) => name.endsWith(".json")).sort().map((name) => join(MODELS_DIR, name));
}

export async function checkCommand(argv: readonly string[], io: CliIo = processIo()): Promise<ExitCode> {
  const parsed = parseArgs(argv, { model: "string", src: "string", url: "string", kit: "string", json: "boolean", help: "boolean" });
  if (!parsed.ok) return io.err(`check: ${parsed.message}\n\n${CHECK_USAGE}`), EXIT_USAGE;
  const { args } = parsed;
  if (args.booleans.has("help")) return io.out(CHECK_USAGE), EXIT_OK;
  const paths = await modelPaths(args.strings.get("model"));
  if (paths.length === 0) return io.err(`check: no interaction model in ${MODELS_DIR}/ (use --model <path>)`), EXIT_USAGE;
  const handled = await intentsInSource(lastString(args, "src") ?? "src");
  const url = lastString(args, "url");
  const report: { model: string; findings: ModelFinding[] }[] = [];
  for (const path of paths) {
    let model: InteractionModelJson;
    try {
      model = JSON.parse(await readFile(path, "utf8")) as InteractionModelJson;
    } catch (error) {
      return io.err(`check: cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`), EXIT_USAGE;
    }
    const intents = new Set(handled);
    const notes: ModelFinding[] = [];
    if (url !== undefined) {
      const locale = /([a-z]{2}-[A-Z]{2})\.json$/.exec(path)?.[1] ?? "en-US";
      const probe = await probeIntents(model, url, await readDevKitFile(lastString(args, "kit")), locale);
      for (const name of probe.own) intents.add(name);
      for (const [name, error] of probe.failing) notes.push({ severity: "error", code: "intent-fails", message: `${name}: the skill answered with an error (${error})` });
    }
    try {
      const findings = checkInteractionModel(model, intents.size > 0 || url !== undefined ? { handledIntents: [...intents] } : {});
      report.push({ model: path, findings: [...notes, ...findings] });
    } catch (error) {
      return io.err(`check: ${path}: ${error instanceof Error ? error.message : String(error)}`), EXIT_USAGE;
    }
  }
  if (args.booleans.has("json")) io.out(JSON.stringify(report, null, 2));
  else {
    for (const { model, findings } of report) {
      io.out(`${model}: ${findings.filter((f) => f.severity === "error").length} errors, ${findings.filter((f) => f.severity === "warning").length} warnings`);
      for (const finding of findings) io.out(`  ${finding.severity === "error" ? "error  " : "warning"} ${finding.code}: ${finding.message}`);
    }
    if (handled.size === 0 && url === undefined) io.out("(no handlers found in the source: handler checks skipped; try --src or --url)");
  }
  return report.some((r) => r.findings.some((f) => f.severity === "error")) ? EXIT_CHECK_FAILED : EXIT_OK;
}
