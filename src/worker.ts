/**
 * The deployed Worker: the example skill, Bedtime Stories (src/example/), at `/` and its
 * story audio at `/audio/<key>` from the `AUDIO` bucket, on the same host. Every POST goes
 * through the full verification path before the skill sees it. It imports skillflare only
 * by its public entry points, as a project that installed the package would; replace
 * `createStorySkill()` with your own skill to ship something else.
 */
import { createAlexaWorker, handleAudioRequest } from "skillflare/worker";
import { createStorySkill } from "./example/index.js";

export default createAlexaWorker<Env>({
  skill: createStorySkill(),
  routes: [(request, env, ctx) => handleAudioRequest(request, env, ctx)],
}) satisfies ExportedHandler<Env>;
