/**
 * The example Worker as production runs it, for the fresh-isolate bench: no dev trust, so a
 * request goes to the production verifier (Amazon's bundled anchors, built at startup, and the
 * startup warm-up), with two settings a real request from the past needs: the verifier's clock
 * at that request's timestamp, and its chain served from memory instead of S3 (bindings
 * AMAZON_REQUEST_TIME and AMAZON_CHAIN_PEM, set by fixture.ts). Everything else, the KV cert
 * cache and D1 included, is the shipped Worker's. Bundled by wrangler from this file.
 */
import { createAlexaWorker } from "skillflare/worker";
import { createStorySkill } from "../../../src/example/index.js";

interface AmazonBenchEnv extends Env {
  readonly AMAZON_REQUEST_TIME: string;
  readonly AMAZON_CHAIN_PEM: string;
}

export default createAlexaWorker<AmazonBenchEnv>({
  skill: createStorySkill(),
  verifyOptions: (env) => ({
    now: () => Number(env.AMAZON_REQUEST_TIME),
    fetch: async () => new Response(env.AMAZON_CHAIN_PEM, { headers: { "content-type": "application/x-pem-file" } }),
  }),
}) satisfies ExportedHandler<AmazonBenchEnv>;
