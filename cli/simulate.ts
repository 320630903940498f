/**
 * `npm run simulate -- <request> [options]`: sends one properly signed Alexa request to the
 * local skill (default http://localhost:8787/, where `npm start` runs `wrangler dev`) and
 * prints what Alexa would do with the answer. The envelope is a realistic one from the dev
 * kit, slots are resolved against the interaction model like Alexa's entity resolution, and
 * it is signed with the kit in .skillflare/dev-kit.json, the one `.dev.vars` trusts, so the
 * request takes the Worker's full verification path. Exit codes: 0 answered, 1 the skill
 * answered with an error status or could not be reached, 2 usage error. Node only.
 */
import type { ResponseEnvelope } from "ask-sdk-model";
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createRequestEnvelope, createSignedRequest, DEV_SKILL_ID, DEV_USER_ID, type RequestSpec } from "skillflare/testing";
import { DevKitFileError, readDevKitFile } from "./dev-setup-kit.js";
import { EXIT_CHECK_FAILED, EXIT_OK, EXIT_USAGE, processIo } from "./io.js";
import { parseSimulateArgs, SIMULATE_USAGE, type SimulateInvocation } from "./simulate-args.js";
import { languageModelOf, resolveSlotsWithModel, unknownToModel } from "./simulate-model.js";
import { renderResponse } from "./simulate-render.js";

const { out, err } = processIo();

async function loadModel(invocation: SimulateInvocation): Promise<unknown> {
  if (invocation.model === "none") return undefined;
  const path = invocation.model ?? `skill-package/interactionModels/custom/${invocation.locale}.json`;
  if (invocation.model === undefined && !existsSync(path)) return undefined;
  return JSON.parse(await readFile(path, "utf8")) as unknown;
}

/** What follows the request type in the "> ..." line: the intent and slots, or the stream token. */
function requestDetail(request: RequestSpec): string {
  if (request.type === "IntentRequest") {
    const slots = Object.entries(request.slots ?? {}).map(([name, slot]) => ` ${name}=${typeof slot === "string" ? slot : (slot.value ?? "")}`);
    return ` ${request.intent}${slots.join("")}`;
  }
  if ("token" in request && request.token !== undefined) return ` token=${request.token} offset=${request.offsetInMilliseconds ?? 0}`;
  return "";
}

function describeRequest(invocation: SimulateInvocation): string {
  return `> ${invocation.request.type}${requestDetail(invocation.request)} -> ${invocation.url}`;
}

async function run(argv: readonly string[]): Promise<number> {
  const parsed = parseSimulateArgs(argv);
  if (parsed.kind === "help") {
    out(SIMULATE_USAGE);
    return EXIT_OK;
  }
  if (parsed.kind === "usage-error") {
    err(`simulate: ${parsed.message}\n(npm run simulate -- --help shows the requests and options)`);
    return EXIT_USAGE;
  }
  const { invocation } = parsed;
  const model = languageModelOf(await loadModel(invocation));
  for (const warning of unknownToModel(invocation.request, model)) err(`warning: ${warning}`);
  const kit = await readDevKitFile();
  const envelope = createRequestEnvelope({
    request: resolveSlotsWithModel(invocation.request, model),
    userId: invocation.userId ?? DEV_USER_ID,
    applicationId: invocation.skillId ?? DEV_SKILL_ID,
    locale: invocation.locale,
    ...(invocation.audioPlayer === undefined ? {} : { audioPlayer: invocation.audioPlayer }),
  });
  const request = await createSignedRequest(kit, envelope, { url: invocation.url });
  err(describeRequest(invocation));
  let response: Response;
  try {
    response = await fetch(request);
  } catch (error) {
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : String(error);
    err(`simulate: cannot reach ${invocation.url} (${cause}). Is \`npm start\` running?`);
    return EXIT_CHECK_FAILED;
  }
  const body = await response.text();
  if (!response.ok) {
    err(`simulate: the skill answered HTTP ${response.status}`);
    err(body);
    if (response.status === 400) err("(the precise reason is in the `npm start` log: look for verification_failed)");
    return EXIT_CHECK_FAILED;
  }
  let envelopeOut: ResponseEnvelope;
  try {
    envelopeOut = JSON.parse(body) as ResponseEnvelope;
  } catch {
    err(`simulate: the skill answered HTTP ${response.status} with a body that is not JSON:\n${body}`);
    return EXIT_CHECK_FAILED;
  }
  const lines = invocation.json ? [JSON.stringify(envelopeOut, null, 2)] : renderResponse(envelopeOut);
  for (const line of lines) out(line);
  return EXIT_OK;
}

run(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    err(`simulate: ${error instanceof DevKitFileError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(EXIT_CHECK_FAILED);
  },
);
