/**
 * `skillflare simulate "play the dragon story"`: free words through the virtual Alexa
 * (skillflare/testing): resolved against the interaction model, sent in a new session to the
 * dev server, and the device events the answer causes (PlaybackStarted...) sent as well. Prints
 * what Alexa heard and what the skill answered; `--json` prints one `{ request, response }`
 * object a line for each request sent. Node only.
 */
import { createVirtualAlexa, type InteractionModelJson, UtteranceNotUnderstoodError } from "skillflare/testing";
import { readDevKitFile } from "./dev-setup-kit.js";
import { type CliIo, EXIT_CHECK_FAILED, EXIT_OK, EXIT_USAGE, type ExitCode } from "./io.js";
import { defaultModelPath, loadSimulateModel } from "./simulate-load.js";
import type { SimulateInvocation } from "./simulate-args.js";
import { renderTurn } from "./turn-render.js";

export async function simulateWords(invocation: SimulateInvocation, words: string, io: CliIo): Promise<ExitCode> {
  const model = await loadSimulateModel(invocation.model, invocation.locale);
  if (model === undefined) {
    io.err(`simulate: words need the interaction model: ${defaultModelPath(invocation.locale)} does not exist (use --model <path>)`);
    return EXIT_USAGE;
  }
  const alexa = createVirtualAlexa({
    model: model as InteractionModelJson,
    url: invocation.url,
    kit: await readDevKitFile(invocation.kit),
    locale: invocation.locale,
    ...(invocation.userId === undefined ? {} : { userId: invocation.userId }),
    ...(invocation.skillId === undefined ? {} : { skillId: invocation.skillId }),
    ...(invocation.json ? { onExchange: (exchange) => io.out(JSON.stringify({ request: exchange.request, response: exchange.response ?? null, status: exchange.status, ...(exchange.error ? { error: exchange.error } : {}) })) } : {}),
  });
  io.err(`> "${words}" -> ${invocation.url}`);
  try {
    const turn = await alexa.say(words);
    if (!invocation.json) for (const line of renderTurn(turn)) io.out(line);
    const failed = [turn, ...turn.followUps].find((t) => t.error !== undefined);
    if (failed !== undefined) {
      io.err(`simulate: ${failed.error}${failed.status === 0 ? ". Is `npm start` running?" : ""}`);
      return EXIT_CHECK_FAILED;
    }
    return EXIT_OK;
  } catch (error) {
    if (error instanceof UtteranceNotUnderstoodError) {
      io.err(`simulate: ${error.message}`);
      return EXIT_CHECK_FAILED;
    }
    throw error;
  }
}
