// Argument handling of `skillflare init <dir> --from-lambda <lambda-dir> [--skillflare <spec>]`,
// kept apart from the plain `init` template so the dispatcher only asks which one was meant.
import { parseArgs } from "../args.js";
import { type CliIo, EXIT_USAGE, type ExitCode } from "../io.js";
import { initFromLambda } from "./init-from-lambda.js";

export const INIT_FROM_LAMBDA_USAGE = `  init <dir> --from-lambda <lambda-dir> [--skillflare <version|file:path>]
      Make a Worker project of an ask-sdk v2 Lambda skill: the folder is copied unchanged to
      <dir>/lambda/; package.json, wrangler.toml (aliases, D1, R2, vars), the Worker entry,
      migrations and the interaction model are generated around it.`;

/** True when `init`'s arguments ask for --from-lambda. */
export function wantsFromLambda(argv: readonly string[]): boolean {
  return argv.some((arg) => arg === "--from-lambda" || arg.startsWith("--from-lambda="));
}

export async function initFromLambdaCommand(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  const parsed = parseArgs(argv, { "from-lambda": "string", skillflare: "string" });
  if (!parsed.ok) {
    io.err(`skillflare init: ${parsed.message}\n\n${INIT_FROM_LAMBDA_USAGE}`);
    return EXIT_USAGE;
  }
  const [dir, ...extra] = parsed.args.positionals;
  const lambdaDir = parsed.args.strings.get("from-lambda")?.at(-1);
  if (dir === undefined || extra.length > 0 || lambdaDir === undefined) {
    io.err(`skillflare init: give one target folder and --from-lambda <lambda-dir>\n\n${INIT_FROM_LAMBDA_USAGE}`);
    return EXIT_USAGE;
  }
  const skillflareSpec = parsed.args.strings.get("skillflare")?.at(-1);
  return initFromLambda({ dir, lambdaDir, ...(skillflareSpec !== undefined ? { skillflareSpec } : {}) }, io);
}
