/**
 * A genuine Alexa request for the production-shaped fresh-isolate sample: the LaunchRequest
 * of test/fixtures/alexa-real/ask-sdk-nodejs-2019-07-15 (signed by Amazon with
 * echo-api-cert-7, a chain to Amazon Root CA 1 like today's), its exact headers and body, the
 * chain it names, and the bindings bench/load/amazon/entry.ts reads. Its skill id becomes
 * SKILL_IDS, so the request reaches the example skill.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { withWranglerDryRun } from "../../bundle-size.js";
import type { WorkerBundle } from "../worker-bundle.js";

const FIXTURE = "test/fixtures/alexa-real/ask-sdk-nodejs-2019-07-15";

/**
 * A genuine SessionEndedRequest (signed by Amazon with echo-api-cert-6-ats, the same chain
 * shape), which the example skill answers without storage: for a Worker run with no D1 bound.
 */
export const SESSION_ENDED_FIXTURE = "test/fixtures/alexa-real/cf-alexa-verifier-2018-11-16";

export interface AmazonRequest {
  readonly headers: Record<string, string>;
  readonly body: string;
  readonly bindings: Record<string, string>;
}

export async function readAmazonRequest(projectDir: string, fixture = FIXTURE): Promise<AmazonRequest> {
  const dir = join(projectDir, fixture);
  const [headersText, body, chain] = await Promise.all(["headers.json", "body.json", "chain.pem"].map((name) => readFile(join(dir, name), "utf8")));
  const envelope = JSON.parse(body ?? "") as { request: { timestamp: string }; context?: { System?: { application?: { applicationId?: string } } } };
  const skillId = envelope.context?.System?.application?.applicationId;
  if (skillId === undefined) throw new Error(`${fixture}: no applicationId`);
  return {
    headers: { ...(JSON.parse(headersText ?? "{}") as Record<string, string>), "content-type": "application/json" },
    body: body ?? "",
    bindings: { SKILL_IDS: skillId, AMAZON_REQUEST_TIME: String(Date.parse(envelope.request.timestamp)), AMAZON_CHAIN_PEM: chain ?? "" },
  };
}

/** entry.ts bundled as wrangler deploys the example (same wrangler.toml, minified). */
export async function buildAmazonBundle(projectDir: string, like: WorkerBundle): Promise<WorkerBundle> {
  const script = await withWranglerDryRun(projectDir, ["bench/load/amazon/entry.ts"], async ({ modules }) => {
    const [only, ...others] = modules;
    if (only === undefined || others.length > 0) throw new Error(`expected one bundled module, got ${modules.length}`);
    return readFile(only, "utf8");
  });
  return { ...like, script };
}
