/**
 * `POST /_skillflare/api/turn`: one console action in, the turns it caused out. The page sends
 * the action, the locale and user it wants, where its audio element is, and the engine
 * snapshot it got last time (the
 * console keeps no server-side state, so a restarted `wrangler dev` loses nothing but the
 * open session's clock); the answer is the turns' views, the device's player state, the new
 * snapshot, and the session and persistent attributes after the turn. Bad input is a 400 with a message saying what was
 * wrong (the caller is the developer on loopback); a failing skill is a turn with an error.
 */
import type { PlaybackButton, PlaybackEventType, VirtualAlexaState } from "../testing/index.js";
import { readBodyWithCap } from "../http/read-body.js";
import type { ConsoleConfig } from "./dev-config.js";
import { runConsoleAction, type ConsoleAction, type PlayerPosition } from "./engine.js";
import { persistentView, type PersistentReader } from "./persistent-view.js";
import { deviceView, turnView } from "./turn-view.js";

const MAX_API_BODY_BYTES = 256 * 1024;
const MAX_WORDS_LENGTH = 500;
const EVENTS: readonly PlaybackEventType[] = ["PlaybackStarted", "PlaybackNearlyFinished", "PlaybackFinished", "PlaybackStopped", "PlaybackFailed"];
const BUTTONS: readonly PlaybackButton[] = ["play", "pause", "next", "previous"];

export class ConsoleInputError extends Error {
  override readonly name = "ConsoleInputError";
}

export interface TurnCall<E> {
  readonly config: ConsoleConfig;
  readonly env: E;
  /** The Worker's own fetch handler: where the engine's signed requests go. */
  readonly selfFetch: (request: Request) => Promise<Response>;
  /** The Alexa endpoint's path (createAlexaWorker's `path`). */
  readonly skillPath: string;
  readonly readPersistent: PersistentReader<E>;
}

const record = (value: unknown): Record<string, unknown> | undefined =>
  typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;

/** The action in the body, checked field by field. */
export function parseAction(value: unknown): ConsoleAction {
  const action = record(value);
  switch (action?.["kind"]) {
    case "launch":
    case "end":
    case "tick":
      return { kind: action["kind"] };
    case "say": {
      const words = action["words"];
      if (typeof words !== "string" || words.trim() === "") throw new ConsoleInputError("say needs non-empty words");
      if (words.length > MAX_WORDS_LENGTH) throw new ConsoleInputError(`words are limited to ${MAX_WORDS_LENGTH} characters`);
      return { kind: "say", words: words.trim() };
    }
    case "event": {
      const event = EVENTS.find((name) => name === action["event"]);
      const offsetMs = action["offsetMs"];
      if (event === undefined) throw new ConsoleInputError(`event must be one of ${EVENTS.join(", ")}`);
      if (offsetMs !== undefined && (typeof offsetMs !== "number" || !Number.isFinite(offsetMs) || offsetMs < 0)) {
        throw new ConsoleInputError("offsetMs must be a non-negative number");
      }
      return offsetMs === undefined ? { kind: "event", event } : { kind: "event", event, offsetMs: Math.round(offsetMs) };
    }
    case "press": {
      const button = BUTTONS.find((name) => name === action["button"]);
      if (button === undefined) throw new ConsoleInputError(`button must be one of ${BUTTONS.join(", ")}`);
      return { kind: "press", button };
    }
    default:
      throw new ConsoleInputError("action.kind must be launch, say, tick, event, press or end");
  }
}

const isOffset = (value: unknown): value is number => typeof value === "number" && Number.isFinite(value) && value >= 0;

/** Where the page's audio element is, if it sent that. */
export function parsePlayer(value: unknown): PlayerPosition | undefined {
  if (value === undefined || value === null) return undefined;
  const player = record(value);
  const token = player?.["token"];
  const positionMs = player?.["positionMs"];
  const durationMs = player?.["durationMs"];
  if (typeof token !== "string" || !isOffset(positionMs) || (durationMs !== undefined && !isOffset(durationMs))) {
    throw new ConsoleInputError("player must be { token, positionMs, durationMs? } with non-negative numbers");
  }
  const position = { token, positionMs: Math.round(positionMs) };
  return durationMs === undefined ? position : { ...position, durationMs: Math.round(durationMs) };
}

function stringField(body: Record<string, unknown>, name: string, fallback: string): string {
  const value = body[name];
  if (value === undefined || value === "") return fallback;
  if (typeof value !== "string" || value.length > 200) throw new ConsoleInputError(`${name} must be a string of at most 200 characters`);
  return value;
}

/** The snapshot, when it is one and belongs to this locale and user; otherwise a fresh start. */
function stateFor(value: unknown, locale: string, userId: string): VirtualAlexaState | undefined {
  const state = record(value);
  if (state === undefined || state["version"] !== 1 || state["locale"] !== locale || state["userId"] !== userId) return undefined;
  return state as unknown as VirtualAlexaState;
}

async function readJson(request: Request): Promise<Record<string, unknown>> {
  const bytes = await readBodyWithCap(request, MAX_API_BODY_BYTES);
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    throw new ConsoleInputError("the body is not JSON");
  }
  const body = record(value);
  if (body === undefined) throw new ConsoleInputError("the body must be a JSON object");
  return body;
}

export async function handleTurnCall<E>(request: Request, call: TurnCall<E>): Promise<Response> {
  const body = await readJson(request);
  const action = parseAction(body["action"]);
  const locales = Object.keys(call.config.models);
  const locale = stringField(body, "locale", locales[0] ?? "en-US");
  const model = call.config.models[locale];
  if (model === undefined) throw new ConsoleInputError(`no interaction model for locale ${locale} (have: ${locales.join(", ")})`);
  const userId = stringField(body, "userId", "");
  if (userId === "") throw new ConsoleInputError("userId is required");
  const origin = new URL(request.url).origin;
  const state = stateFor(body["state"], locale, userId);
  const player = parsePlayer(body["player"]);
  const result = await runConsoleAction(
    {
      model,
      kit: call.config.kit,
      fetch: call.selfFetch,
      url: `${origin}${call.skillPath}`,
      locale,
      userId,
      ...(state === undefined ? {} : { state }),
      ...(player === undefined ? {} : { player }),
    },
    action,
  );
  return Response.json({
    turns: result.turns.map((turn) => turnView(turn, origin)),
    ...(result.notUnderstood === undefined ? {} : { notUnderstood: result.notUnderstood }),
    device: deviceView(result.state.device, origin),
    state: result.state,
    session: result.state.session === undefined ? null : result.state.session.attributes,
    persistent: await persistentView(call.readPersistent, call.env, userId),
  });
}
