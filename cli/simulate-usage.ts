/**
 * The help text of `npm run simulate`, printed for --help and after every usage error, and
 * the default endpoint it posts to (where `npm start` runs `wrangler dev`).
 */
export const DEFAULT_SIMULATE_URL = "http://localhost:8787/";

export const SIMULATE_USAGE = `Usage: skillflare simulate <request> [options]   (in this repo: npm run simulate -- ...)

Requests:
  launch                                  LaunchRequest
  intent <IntentName> [slot=value ...]    IntentRequest, e.g. intent PlayStoryIntent story=dragons
  audio <Event>                           AudioPlayer.<Event>: PlaybackStarted, PlaybackFinished,
                                          PlaybackStopped, PlaybackNearlyFinished, PlaybackFailed
  playback <play|pause|next|previous>     PlaybackController.<X>CommandIssued (device buttons)
  session-ended                           SessionEndedRequest (--reason USER_INITIATED|ERROR|EXCEEDED_MAX_REPROMPTS)
  event <Name>                            AlexaSkillEvent.<Name>, e.g. event SkillEnabled
  "<any words>"                           what a person says, e.g. "play the dragon story": resolved
                                          against the interaction model (intent, slots, entity
                                          resolution, invocation forms), sent in a session, and the
                                          device's AudioPlayer events that follow are sent too

Options:
  --token <t>        stream token (audio events; with intents/playback: context.AudioPlayer)
  --offset <ms>      offsetInMilliseconds that goes with --token (default 0)
  --activity <a>     context.AudioPlayer.playerActivity with --token (default PLAYING)
  --user <id>        Alexa user id (default the dev user, so pause/resume persist across runs)
  --locale <l>       request locale (default en-US)
  --skill-id <id>    applicationId (default the dev skill id that npm start trusts)
  --url <url>        skill endpoint (default: where skillflare dev / npm start runs,
                     else ${DEFAULT_SIMULATE_URL})
  --model <path>     interaction model for entity resolution
                     (default skill-package/interactionModels/custom/<locale>.json); --no-model: none
  --kit <path>       dev signing kit (default .skillflare/dev-kit.json, made by npm start)
  --json             print the raw response envelope (with words: one {request, response} a line)
  -h, --help         this help`;
