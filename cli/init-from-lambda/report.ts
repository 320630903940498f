// What `init --from-lambda` prints: what it found in the Lambda and what became of it, then
// what it could not carry over, then the next steps. One plain line per fact, so the report
// reads in a terminal and diffs in a test.
import type { LambdaDetection } from "./detect.js";

export interface ReportContext {
  readonly dir: string;
  readonly models: readonly string[];
  readonly skillId?: string;
  readonly skippedNodeModules: boolean;
}

function list(values: readonly string[], none = "none"): string {
  return values.length === 0 ? none : values.join(", ");
}

export function detectionReport(detection: LambdaDetection, context: ReportContext): string[] {
  const hostedVars = detection.envVars.filter((name) => /^(S3|DYNAMODB)_PERSISTENCE_/.test(name));
  const otherVars = detection.envVars.filter((name) => !hostedVars.includes(name));
  const lines = [
    `Detected in the Lambda (copied unchanged to ${context.dir}/lambda/):`,
    `  handler:      lambda/${detection.handlerFile}, export "${detection.handlerExport}" (${detection.sdk})`,
    `  persistence:  ${list(detection.persistence)}`,
    `  i18n:         ${list(detection.i18n)}`,
    `  API clients:  ${list(detection.apiClients)}`,
    `  aws-sdk:      ${list(detection.awsSupported, "not used at run time")}`,
    `  env vars:     ${list(detection.envVars)}${hostedVars.length > 0 ? ` (${hostedVars.join(", ")} set in wrangler.toml [vars])` : ""}`,
    `  model:        ${context.models.length === 0 ? "none found beside the Lambda (simulate works without entity resolution)" : `skill-package/interactionModels/custom/ ${context.models.join(", ")}`}`,
    `  skill id:     ${context.skillId ?? "not found; set SKILL_IDS in wrangler.toml"}`,
  ];
  const notCarried = [
    ...detection.problems,
    ...detection.awsUnsupported.map((call) => `${call}: no edge equivalent; it throws AwsSdkUnavailableError when called`),
    ...otherVars.map((name) => `process.env.${name}: its Lambda value is not known; set it in wrangler.toml [vars] or with \`wrangler secret put ${name}\``),
    ...detection.tooling.map((path) => `${path}: local Lambda tooling, not part of the Worker (left in place, never bundled)`),
    ...(context.skippedNodeModules ? ["node_modules/: not copied; `npm install` installs the Lambda's dependencies"] : []),
    "S3 media: upload the objects the skill signs URLs for to R2 under the same keys (`skillflare audio upload <file> --key <key>`)",
  ];
  return [...lines, "", "Could not carry over (or needs you):", ...notCarried.map((line) => `  - ${line}`)];
}
