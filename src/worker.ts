/**
 * The deployed Worker: the example skill, Bedtime Stories (src/example/), at `/` and its
 * story audio at `/audio/<key>` from the `AUDIO` bucket, on the same host. Every POST goes
 * through the full verification path before the skill sees it. Replace
 * `storySkillHandler()` with your own skill's handler to ship something else.
 */
import { handleAudioRequest } from "./audio/route.js";
import { storySkillHandler } from "./example/index.js";
import { createAlexaWorker } from "./http/create-alexa-worker.js";

// The replay guard's Durable Object class; it is used only where a REPLAY_GUARD binding names it
// (the test config does; wrangler.toml does not, so `wrangler dev` and deploy are unchanged).
export { ReplayGuardObject } from "./http/replay-guard-object.js";

export default createAlexaWorker<Env>({
  handler: storySkillHandler<Env>(),
  // Only the story audio is public: keys outside stories/ are a 404, whatever else the bucket holds.
  routes: [(request, env, ctx) => handleAudioRequest(request, env, ctx, { keyPrefix: "stories/" })],
}) satisfies ExportedHandler<Env>;
