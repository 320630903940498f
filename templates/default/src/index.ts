/**
 * {{name}}: an Alexa skill that asks for your favorite color and remembers it (in D1) for the
 * next visit. `createAlexaWorker` makes this the skill's HTTPS endpoint: every POST is
 * verified as coming from Alexa before a handler runs, and /audio/<key> serves audio from the
 * AUDIO bucket. Handlers are tried in order; the first that matches answers. Export nothing
 * but the default: workerd treats every named export of the main module as an entrypoint.
 */
import { createD1Persistence, createSkill, handlersFor } from "skillflare/skill";
import { createAlexaWorker, handleAudioRequest } from "skillflare/worker";

const { onLaunch, onIntent, onRequest, onError } = handlersFor<Env>();

/** The persistent attribute this skill keeps per Alexa user (a row in D1's skill_attributes). */
const FAVORITE_COLOR = "favoriteColor";
const ASK_COLOR = "What is your favorite color?";

const skill = createSkill<Env>({
  persistence: (env) => createD1Persistence({ database: env.DB }),
  handlers: [
    onLaunch(async (input) => {
      const color = await input.attributes.persistent.get(FAVORITE_COLOR);
      const welcome = typeof color === "string" ? `Welcome back! Last time you told me you like ${color}.` : "Welcome to {{name}}!";
      input.responseBuilder.speak(`${welcome} ${ASK_COLOR}`).reprompt(ASK_COLOR);
    }),

    onIntent("FavoriteColorIntent", (input) => {
      const color = input.slots.resolved("color")?.name ?? input.slots.value("color");
      if (color === undefined) {
        input.responseBuilder.speak(`Sorry, I did not catch that. ${ASK_COLOR}`).reprompt(ASK_COLOR);
        return;
      }
      input.attributes.persistent.set(FAVORITE_COLOR, color); // saved to D1 after the response passes its checks
      input.responseBuilder.speak(`I will remember that you like ${color}. Goodbye!`).endSession(true);
    }),

    onIntent("AMAZON.HelpIntent", (input) => {
      input.responseBuilder.speak(`Tell me a color, for example: my favorite color is blue. ${ASK_COLOR}`).reprompt(ASK_COLOR);
    }),

    onIntent(["AMAZON.StopIntent", "AMAZON.CancelIntent"], (input) => {
      input.responseBuilder.speak("Goodbye!").endSession(true);
    }),

    onIntent("AMAZON.FallbackIntent", (input) => {
      input.responseBuilder.speak(`{{name}} can only remember colors. ${ASK_COLOR}`).reprompt(ASK_COLOR);
    }),

    onIntent("AMAZON.NavigateHomeIntent", (input) => {
      input.responseBuilder.endSession(true);
    }),

    // The session ended (the user said nothing, or left): Alexa wants no speech back.
    onRequest("SessionEndedRequest", () => {}),
  ],
  errorHandlers: [
    onError((input, error) => {
      console.error(JSON.stringify({ event: "skill.error", message: error instanceof Error ? error.message : String(error) }));
      input.responseBuilder.speak("Sorry, something went wrong. Please try again.").reprompt(ASK_COLOR);
    }),
  ],
});

export default createAlexaWorker<Env>({
  skill,
  routes: [(request, env, ctx) => handleAudioRequest(request, env, ctx)],
}) satisfies ExportedHandler<Env>;
