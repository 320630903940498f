/**
 * A virtual Alexa turn as the lines `skillflare simulate "<words>"` and `skillflare chat` print:
 * what Alexa heard (intent and slots, with the entity-resolution id a value resolved to, or that
 * it did not), what Alexa's dialog manager said herself, the skill's answer (simulate-render.ts)
 * and each request that followed (device events, the COMPLETED intent after a Delegate). Pure.
 */
import type { IntentRequest, RequestEnvelope, Slot } from "ask-sdk-model";
import type { Turn, UtteranceResolution } from "skillflare/testing";
import { directiveLine, renderResponse } from "./simulate-render.js";

function slotText(slot: Slot): string {
  const resolution = slot.resolutions?.resolutionsPerAuthority?.[0];
  const id = resolution?.values?.[0]?.value.id;
  const note = resolution === undefined ? "" : resolution.status.code === "ER_SUCCESS_MATCH" ? ` (id ${id})` : " (no match)";
  return `${slot.name}=${JSON.stringify(slot.value)}${note}`;
}

/** "PlayStoryIntent story="dragon" (id dragons)" for an intent request; the type otherwise. */
export function requestSummary(envelope: RequestEnvelope): string {
  const request = envelope.request;
  if (request.type === "IntentRequest") {
    const { intent, dialogState } = request as IntentRequest;
    const slots = Object.values(intent.slots ?? {}).filter((slot) => slot.value !== undefined).map(slotText);
    const confirmed = intent.confirmationStatus === "NONE" ? "" : ` [${intent.confirmationStatus}]`;
    return [`${intent.name}${confirmed}`, ...slots, ...(dialogState ? [`dialogState=${dialogState}`] : [])].join(" ");
  }
  if ("token" in request) return `${request.type} token=${String(request.token)} offset=${String((request as { offsetInMilliseconds?: number }).offsetInMilliseconds ?? 0)}`;
  if (request.type === "SessionEndedRequest") return `SessionEndedRequest ${request.reason ?? ""}`.trim();
  return request.type;
}

export function resolutionSummary(resolution: UtteranceResolution | undefined): string | undefined {
  if (resolution === undefined) return undefined;
  switch (resolution.kind) {
    case "launch":
      return "launch (opens the skill)";
    case "exit":
      return "exit (Alexa ends the session)";
    case "none":
      return "nothing in the model fits";
    default:
      return `${resolution.kind === "launch-with-intent" ? "launch with " : ""}${resolution.intent.name}${resolution.matched ? ` via "${resolution.matched}"` : ""}`;
  }
}

/** The lines for one turn and those that followed it. */
export function renderTurn(turn: Turn): string[] {
  const lines: string[] = [];
  const heard = resolutionSummary(turn.resolution);
  if (heard !== undefined) lines.push(`heard:     ${heard}`);
  lines.push(`${turn.sent ? "sent:" : "not sent:"}${turn.sent ? "      " : "  "}${requestSummary(turn.request)}${turn.sent ? "" : " (Alexa answers herself)"}`);
  if (turn.error !== undefined) lines.push(`error:     ${turn.error}`);
  else if (turn.response !== undefined) lines.push(...renderResponse(turn.response).map((line) => (line.startsWith("session:") && turn.sessionEnded ? "session:   ends" : line)));
  if (turn.alexaSaid !== undefined) lines.push(`alexa:     ${turn.alexaSaid}`);
  for (const next of turn.followUps) {
    lines.push(`then:      ${requestSummary(next.request)}${next.error ? ` -> ${next.error}` : ""}`);
    for (const directive of next.directives) lines.push(`           directive: ${directiveLine(directive)}`);
    if (next.kind !== "device" && next.speech !== undefined) lines.push(`           speech: ${next.speech}`);
  }
  return lines;
}
