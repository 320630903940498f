// A fixture Worker entry as `skillflare init --from-lambda` writes one: the Lambda's handler
// imported from its folder unchanged, audio from R2 on the same origin. Bundled by wrangler
// with test/lambda/wrangler.toml's [alias] (test/lambda/setup/bundle-fixtures.global.ts).
import { createAlexaWorker, handleAudioRequest } from "../../src/http/index.js";
import lambda from "./fixtures/visit-counter/index.js";

export default createAlexaWorker<Env>({
  skill: lambda.handler,
  routes: [(request, env, ctx) => handleAudioRequest(request, env, ctx)],
});
