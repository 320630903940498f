/**
 * `skillflare simulate <request | "words"> [options]` (also `npm run simulate -- ...`): sends one
 * properly signed Alexa request to the local skill (default: where `skillflare dev` / `npm start`
 * runs, see cli/dev/dev-state.ts) and prints what Alexa would do with the answer. A request by
 * name gets a realistic envelope from the dev kit with slots resolved against the interaction
 * model; free words go through the virtual Alexa (cli/simulate-say.ts). Requests are signed
 * with the kit in .skillflare/dev-kit.json, the one `.dev.vars` trusts, so they take the
 * Worker's full verification path. Exit codes: 0 answered, 1 the skill answered with an error
 * status or could not be reached, 2 usage error. Node only.
 */
import type { ResponseEnvelope } from "ask-sdk-model";
import { createRequestEnvelope, createSignedRequest, DEV_SKILL_ID, DEV_USER_ID, type RequestSpec } from "skillflare/testing";
import { DevKitFileError, readDevKitFile } from "./dev-setup-kit.js";
import { defaultSkillUrl } from "./dev/dev-state.js";
import { type CliIo, EXIT_CHECK_FAILED, EXIT_OK, EXIT_USAGE, type ExitCode, processIo } from "./io.js";
import { loadSimulateModel } from "./simulate-load.js";
import { parseSimulateArgs, SIMULATE_USAGE, type SimulateInvocation } from "./simulate-args.js";
import { languageModelOf, resolveSlotsWithModel, unknownToModel } from "./simulate-model.js";
import { renderResponse } from "./simulate-render.js";
import { simulateWords } from "./simulate-say.js";

/** How long to wait for the skill's answer (wrangler dev's first request compiles the Worker). */
const SEND_TIMEOUT_MS = 30_000;

/** What follows the request type in the "> ..." line: the intent and slots, or the stream token. */
function requestDetail(request: RequestSpec): string {
  if (request.type === "IntentRequest") {
    const slots = Object.entries(request.slots ?? {}).map(([name, slot]) => ` ${name}=${typeof slot === "string" ? slot : (slot.value ?? "")}`);
    return ` ${request.intent}${slots.join("")}`;
  }
  if ("token" in request && request.token !== undefined) return ` token=${request.token} offset=${request.offsetInMilliseconds ?? 0}`;
  return "";
}

async function simulateRequest(invocation: SimulateInvocation, request: RequestSpec, io: CliIo): Promise<ExitCode> {
  const model = languageModelOf(await loadSimulateModel(invocation.model, invocation.locale));
  for (const warning of unknownToModel(request, model)) io.err(`warning: ${warning}`);
  const kit = await readDevKitFile(invocation.kit);
  const envelope = createRequestEnvelope({
    request: resolveSlotsWithModel(request, model),
    userId: invocation.userId ?? DEV_USER_ID,
    applicationId: invocation.skillId ?? DEV_SKILL_ID,
    locale: invocation.locale,
    ...(invocation.audioPlayer === undefined ? {} : { audioPlayer: invocation.audioPlayer }),
  });
  const signed = await createSignedRequest(kit, envelope, { url: invocation.url });
  io.err(`> ${request.type}${requestDetail(request)} -> ${invocation.url}`);
  let response: Response;
  try {
    response = await fetch(signed, { signal: AbortSignal.timeout(SEND_TIMEOUT_MS) });
  } catch (error) {
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : String(error);
    io.err(`simulate: cannot reach ${invocation.url} (${cause}). Is \`npm start\` running?`);
    return EXIT_CHECK_FAILED;
  }
  const body = await response.text();
  if (!response.ok) {
    io.err(`simulate: the skill answered HTTP ${response.status}`);
    io.err(body);
    if (response.status === 400) io.err("(the precise reason is in the `npm start` log: look for verification_failed)");
    return EXIT_CHECK_FAILED;
  }
  let envelopeOut: ResponseEnvelope;
  try {
    envelopeOut = JSON.parse(body) as ResponseEnvelope;
  } catch {
    io.err(`simulate: the skill answered HTTP ${response.status} with a body that is not JSON:\n${body}`);
    return EXIT_CHECK_FAILED;
  }
  const lines = invocation.json ? [JSON.stringify(envelopeOut, null, 2)] : renderResponse(envelopeOut);
  for (const line of lines) io.out(line);
  return EXIT_OK;
}

/** Runs `simulate` with its arguments (after the command name). */
export async function simulateCommand(argv: readonly string[], io: CliIo = processIo()): Promise<ExitCode> {
  const parsed = parseSimulateArgs(argv, defaultSkillUrl());
  if (parsed.kind === "help") {
    io.out(SIMULATE_USAGE);
    return EXIT_OK;
  }
  if (parsed.kind === "usage-error") {
    io.err(`simulate: ${parsed.message}\n(skillflare simulate --help shows the requests and options)`);
    return EXIT_USAGE;
  }
  const { invocation } = parsed;
  try {
    if (invocation.request.type === "Utterance") return await simulateWords(invocation, invocation.request.words, io);
    return await simulateRequest(invocation, invocation.request, io);
  } catch (error) {
    io.err(`simulate: ${error instanceof DevKitFileError || error instanceof Error ? error.message : String(error)}`);
    return EXIT_CHECK_FAILED;
  }
}
