// The example skill of docs/skill-api.md, verbatim (kept in sync by hand, importing the public
// `skillflare/skill`): type-checked by tsc and run by guide-example.test.ts so the guide cannot drift.
import { env } from "cloudflare:workers";
import {
  audioEnqueueAfter, audioPlay, audioStop, createD1Persistence, createSkill, elicitSlot,
  handlersFor, simpleCard, ssml,
} from "skillflare/skill";

const { onLaunch, onIntent, onRequest, onError } = handlersFor<Env>();
const episodeUrl = (n: number) => `https://skill.example.com/audio/episode-${n}.mp3`;

export const skill = createSkill<Env>({
  persistence: createD1Persistence({ database: env.DB }),
  checks: "log", // the Worker passes checks: "throw" per request under `wrangler dev`

  requestInterceptors: [
    (input) => void (input.attributes.request.startedAt = Date.now()),
  ],

  handlers: [
    onLaunch(async (input) => {
      const visits = Number((await input.attributes.persistent.get("visits")) ?? 0) + 1;
      input.attributes.persistent.set("visits", visits); // saved automatically at the end
      input.responseBuilder
        .speak(ssml`Welcome back! Visit number ${visits}. ${ssml.audio("https://skill.example.com/audio/jingle.mp3", { seconds: 3 })}`)
        .reprompt("Which city's weather?");
    }),

    onIntent("WeatherIntent", async (input) => {
      const city = input.slots.resolved("city"); // first ER_SUCCESS_MATCH value: { id, name }
      if (!city) return void input.responseBuilder.speak("Which city?").directive(elicitSlot("city"));
      input.waitUntil(input.services.directives.speak(`Checking ${city.name}...`)); // progressive response
      const forecast = await fetchForecast(city.id);
      input.responseBuilder.speak(`In ${city.name} it is ${forecast}.`).card(simpleCard(city.name, forecast));
    }),

    onIntent("PlayIntent", (input) =>
      void input.responseBuilder.speak("Playing episode one.").directive(audioPlay({ url: episodeUrl(1), token: "1" }))),

    onRequest("AudioPlayer.PlaybackNearlyFinished", (input) => {
      const current = input.request.token ?? "1";
      const next = Number(current) + 1;
      input.responseBuilder.directive(audioEnqueueAfter(current, { url: episodeUrl(next), token: String(next) }));
    }),
    onIntent(["AMAZON.PauseIntent", "AMAZON.StopIntent", "AMAZON.CancelIntent"], (input) =>
      void input.responseBuilder.directive(audioStop())),
    onRequest(["AudioPlayer.*", "PlaybackController.*", "SessionEndedRequest"], () => {}), // empty answers
  ],

  errorHandlers: [
    onError((input, error) => {
      input.logger.log("error", "skill_error", { error: String(error) });
      input.responseBuilder.speak("Sorry, something went wrong. Please try again.").reprompt("Please try again.");
    }),
  ],
});

async function fetchForecast(cityId: string): Promise<string> {
  return `sunny (${cityId})`;
}
