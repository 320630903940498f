// What a Lambda skill folder uses, read from its files without running them: the handler file
// and export (package.json "main", else index.js; `exports.<name> =`), the ask-sdk flavour,
// persistence adapters and where their table or bucket name comes from, i18n, API clients,
// aws-sdk calls, and the environment variables it reads. Pure over file texts (the caller
// reads the folder), so it is tested on strings; what it finds drives the generated
// wrangler.toml and the report `init --from-lambda` prints.

export interface LambdaFiles {
  /** The Lambda's package.json text, if any. */
  readonly packageJson?: string;
  /** Relative path -> text, for the folder's .js/.cjs/.mjs files outside node_modules. */
  readonly sources: ReadonlyMap<string, string>;
}

export interface LambdaDetection {
  readonly handlerFile: string;
  readonly handlerExport: string;
  readonly dependencies: Readonly<Record<string, string>>;
  readonly sdk: "ask-sdk" | "ask-sdk-core" | "alexa-sdk-v1" | "none";
  readonly persistence: readonly string[];
  readonly i18n: readonly string[];
  readonly apiClients: readonly string[];
  /** aws-sdk calls that have an edge equivalent (getSignedUrl) and those that do not. */
  readonly awsSupported: readonly string[];
  readonly awsUnsupported: readonly string[];
  readonly envVars: readonly string[];
  /** Files that are tooling, not the skill (local-debugger.js), and are not bundled. */
  readonly tooling: readonly string[];
  readonly problems: readonly string[];
}

const AWS_EDGE_CALLS = new Set(["getSignedUrl", "getSignedUrlPromise"]);
const AWS_SERVICE = /new\s+(?:AWS\.)?(S3|DynamoDB(?:\.DocumentClient)?|SQS|SNS|SES|SSM|STS|Lambda|SecretsManager|CloudWatch|Kinesis|Polly|Translate|Comprehend)\s*\(/g;

function unique(values: Iterable<string>): string[] {
  return [...new Set(values)].sort();
}

function parsePackage(text: string | undefined): { main?: string; dependencies: Record<string, string> } {
  if (text === undefined) return { dependencies: {} };
  try {
    const parsed = JSON.parse(text) as { main?: unknown; dependencies?: unknown };
    const dependencies = typeof parsed.dependencies === "object" && parsed.dependencies !== null ? (parsed.dependencies as Record<string, string>) : {};
    return { ...(typeof parsed.main === "string" ? { main: parsed.main } : {}), dependencies };
  } catch {
    return { dependencies: {} };
  }
}

function normaliseMain(main: string | undefined, sources: ReadonlyMap<string, string>): string {
  const candidates = main === undefined ? ["index.js"] : [main.replace(/^\.\//, ""), `${main.replace(/^\.\//, "")}.js`, `${main.replace(/^\.\//, "").replace(/\/$/, "")}/index.js`];
  return candidates.find((path) => sources.has(path)) ?? candidates[0] ?? "index.js";
}

function handlerExportOf(text: string): string | undefined {
  const match = /(?:module\.)?exports\.([A-Za-z_$][\w$]*)\s*=/.exec(text);
  if (match?.[1] !== undefined) return match[1];
  const objectExport = /module\.exports\s*=\s*\{[^}]*\b(handler)\b/.exec(text);
  return objectExport?.[1];
}

function requires(text: string): string[] {
  return [...text.matchAll(/require\(\s*['"]([^'"]+)['"]\s*\)/g)].map((match) => match[1] ?? "");
}

/** Reads what the Lambda in `files` needs. */
export function detectLambda(files: LambdaFiles): LambdaDetection {
  const { main, dependencies } = parsePackage(files.packageJson);
  const handlerFile = normaliseMain(main, files.sources);
  const tooling = [...files.sources.keys()].filter((path) => /(^|\/)local-debugger\.js$/.test(path));
  const skillSources = [...files.sources].filter(([path]) => !tooling.includes(path));
  const all = skillSources.map(([, text]) => text).join("\n");
  const required = new Set(skillSources.flatMap(([, text]) => requires(text)));
  const problems: string[] = [];

  const handlerText = files.sources.get(handlerFile);
  const handlerExport = handlerText === undefined ? "handler" : (handlerExportOf(handlerText) ?? "handler");
  if (handlerText === undefined) problems.push(`handler file ${handlerFile} not found`);
  else if (handlerExportOf(handlerText) === undefined) problems.push(`no exports.<name> = ... found in ${handlerFile}; assuming "handler"`);

  const sdk = required.has("alexa-sdk") ? "alexa-sdk-v1" : required.has("ask-sdk") ? "ask-sdk" : required.has("ask-sdk-core") ? "ask-sdk-core" : "none";
  if (sdk === "alexa-sdk-v1") problems.push("uses alexa-sdk v1 (Alexa.handler(event, context)): only ask-sdk v2 skills are supported");
  if (sdk === "none") problems.push("no ask-sdk require found");

  const persistence: string[] = [];
  if (required.has("ask-sdk-dynamodb-persistence-adapter") || /DynamoDbPersistenceAdapter|withTableName\s*\(/.test(all)) {
    persistence.push(`DynamoDB adapter -> D1 (namespace = tableName)${/createTable\s*:\s*true|withAutoCreateTable\s*\(\s*true/.test(all) ? ", createTable: the table is a D1 migration" : ""}`);
  }
  if (required.has("ask-sdk-s3-persistence-adapter") || /S3PersistenceAdapter/.test(all)) persistence.push("S3 adapter -> D1 (namespace = bucketName)");
  if (/PersistenceAdapter\s*=\s*\{|getAttributes\s*\(|saveAttributes\s*\(/.test(all) && persistence.length === 0) persistence.push("a custom PersistenceAdapter (runs as written)");

  const i18n = unique([...required].filter((name) => /^i18next/.test(name) || name === "i18n"));
  const apiClients = unique([
    ...(/DefaultApiClient/.test(all) ? ["ask-sdk DefaultApiClient (Node https over fetch)"] : []),
    ...[...required].filter((name) => ["axios", "node-fetch", "request", "request-promise", "got", "https", "http"].includes(name)),
  ]);

  const awsCalls = [...all.matchAll(/\.(getSignedUrl(?:Promise)?)\s*\(\s*['"]([A-Za-z]+)['"]/g)].map((m) => `${m[1]}('${m[2]}')`);
  const awsSupported = unique(awsCalls.filter((call) => call.endsWith("('getObject')")).map((call) => `S3.${call} -> signed R2 audio URL`));
  const awsUnsupported = unique([
    ...awsCalls.filter((call) => !call.endsWith("('getObject')")).map((call) => `S3.${call}`),
    ...[...all.matchAll(AWS_SERVICE)]
      .map((m) => m[1] ?? "")
      .filter((service) => !["S3", "DynamoDB"].includes(service))
      .map((service) => `AWS.${service}`),
    ...(/DocumentClient\s*\(\s*[^)]*\)\s*\.\s*(get|put|query|scan|update|delete)\s*\(/.test(all) ? ["AWS.DynamoDB.DocumentClient calls"] : []),
  ]).filter((call) => !AWS_EDGE_CALLS.has(call));

  const envVars = unique([...all.matchAll(/process\.env\.([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1] ?? ""));
  if (required.has("fs") && skillSources.some(([, text]) => /fs\.(readFileSync|readFile|existsSync)\(/.test(text))) problems.push("reads files with fs at run time: the Worker bundles required modules only; require() JSON files instead");

  return { handlerFile, handlerExport, dependencies, sdk, persistence, i18n, apiClients, awsSupported, awsUnsupported, envVars, tooling, problems };
}
