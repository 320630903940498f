/**
 * The deployed Worker: the example skill, Bedtime Stories (src/example/), at `/` and its
 * story audio at `/audio/<key>` from the `AUDIO` bucket, on the same host. Every POST goes
 * through the full verification path before the skill sees it. It imports skillflare only
 * by its public entry points, as a project that installed the package would; replace
 * `createStorySkill()` with your own skill to ship something else.
 */
import { createAlexaWorker, handleAudioRequest } from "skillflare/worker";
import { createStorySkill } from "./example/index.js";

// The replay guard's Durable Object class; it is used only where a REPLAY_GUARD binding names it
// (the test config does; wrangler.toml does not, so `wrangler dev` and deploy are unchanged).
export { ReplayGuardObject } from "skillflare/worker";

export default createAlexaWorker<Env>({
  skill: createStorySkill(),
  // Only the story audio is public: keys outside stories/ are a 404, whatever else the bucket holds.
  routes: [(request, env, ctx) => handleAudioRequest(request, env, ctx, { keyPrefix: "stories/" })],
}) satisfies ExportedHandler<Env>;
