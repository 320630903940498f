/**
 * DEVELOPMENT STAND-IN, to be deleted when src/testing's createVirtualAlexa (branch va) lands:
 * just enough of the VirtualAlexa contract (types.ts) for the console to be built and tested
 * against: va's resolveUtterance for the words, the session, and the AudioPlayer device state that Play/Stop directives and events change.
 */
import type { Directive, Intent, RequestEnvelope, ResponseEnvelope, SessionEndedReason } from "ask-sdk-model";
import { createRequestEnvelope, createSignedRequest, DEV_DEVICE_ID, DEV_SKILL_ID, DEV_USER_ID, newSessionId, type RequestSpec } from "../devkit/index.js";
import { resolveUtterance } from "../testing/index.js";
import type { AudioDeviceState, PlaybackButton, PlaybackEventType, Turn, TurnKind, VirtualAlexa, VirtualAlexaOptions, VirtualAlexaState } from "../testing/index.js";

const IDLE: AudioDeviceState = { activity: "IDLE", offsetMs: 0, queue: [], nearlyFinishedSent: false };

export function createVirtualAlexa(options: VirtualAlexaOptions): VirtualAlexa {
  let state: VirtualAlexaState = options.state ?? {
    version: 1, locale: options.locale ?? "en-US", userId: options.userId ?? DEV_USER_ID,
    deviceId: options.deviceId ?? DEV_DEVICE_ID, skillId: options.skillId ?? DEV_SKILL_ID, device: IDLE,
  };
  async function send(kind: TurnKind, spec: RequestSpec, extra: Partial<Turn> = {}, intent?: Intent): Promise<Turn> {
    const inSession = spec.type === "LaunchRequest" || spec.type === "IntentRequest" || spec.type === "SessionEndedRequest";
    const session = inSession ? (state.session ?? { sessionId: newSessionId(), attributes: {}, new: true, requests: 0 }) : undefined;
    const current = state.device.current;
    const envelope: RequestEnvelope = createRequestEnvelope({
      request: spec, locale: state.locale, userId: state.userId, deviceId: state.deviceId, applicationId: state.skillId,
      session: session === undefined ? false : { new: session.new, sessionId: session.sessionId, attributes: session.attributes },
      ...(current === undefined ? {} : { audioPlayer: { token: current.token, offsetInMilliseconds: state.device.offsetMs, playerActivity: state.device.activity } }),
    });
    if (intent !== undefined && envelope.request.type === "IntentRequest") envelope.request.intent = intent;
    if (!options.kit || !options.fetch) throw new TypeError("the stand-in needs kit and fetch");
    const response = await options.fetch(await createSignedRequest(options.kit, envelope, { url: options.url ?? "http://localhost:8787/" }));
    const text = await response.text();
    let body: ResponseEnvelope | undefined;
    try { body = text === "" ? undefined : (JSON.parse(text) as ResponseEnvelope); } catch { body = undefined; }
    const ok = response.ok && body !== undefined;
    const directives: Directive[] = ok ? (body?.response?.directives ?? []) : [];
    const ended = !inSession ? false : spec.type === "SessionEndedRequest" || body?.response?.shouldEndSession !== false;
    if (ended) { const { session: _s, ...rest } = state; state = rest; }
    else if (session !== undefined) state = { ...state, session: { ...session, new: false, requests: session.requests + 1, attributes: body?.sessionAttributes ?? {} } };
    let audio: Turn["audio"];
    for (const d of directives) {
      if (d.type === "AudioPlayer.Play" && d.playBehavior === "REPLACE_ALL" && d.audioItem?.stream) {
        const s = d.audioItem.stream;
        audio = { url: s.url, token: s.token, offsetMs: s.offsetInMilliseconds ?? 0 };
        state = { ...state, device: { activity: "PLAYING", current: { url: s.url, token: s.token, startOffsetMs: audio.offsetMs, durationMs: 60_000 }, offsetMs: audio.offsetMs, queue: [], nearlyFinishedSent: false } };
      }
      if (d.type === "AudioPlayer.Stop") state = { ...state, device: { ...state.device, activity: "STOPPED" } };
    }
    const ssml = body?.response?.outputSpeech?.type === "SSML" ? body.response.outputSpeech.ssml : undefined;
    const speech = ssml?.replace(/<[^>]+>/g, "").trim();
    const card = body?.response?.card as { title?: string; content?: string; text?: string; image?: { smallImageUrl?: string } } | undefined;
    return {
      kind, request: envelope, status: response.status, ...(body === undefined ? {} : { response: body }),
      ...(ok ? {} : { error: `HTTP ${response.status}: ${text.slice(0, 500)}` }),
      ...(speech ? { speech } : {}),
      ...(card ? { card: { ...(card.title ? { title: card.title } : {}), ...((card.content ?? card.text) ? { text: (card.content ?? card.text)! } : {}), ...(card.image?.smallImageUrl ? { imageUrl: card.image.smallImageUrl } : {}) } } : {}),
      directives, ...(audio ? { audio } : {}), ssmlAudio: [...(ssml ?? "").matchAll(/<audio src="([^"]+)"/g)].map((m) => m[1] ?? ""),
      sessionEnded: ended, ...extra,
    };
  }
  return {
    launch: () => send("launch", { type: "LaunchRequest" }),
    async say(words) {
      const resolution = resolveUtterance(options.model, words, { locale: state.locale, skillId: state.skillId });
      if (resolution.kind === "launch") return send("utterance", { type: "LaunchRequest" }, { said: words, resolution });
      if (resolution.kind === "exit") return send("utterance", { type: "SessionEndedRequest", reason: "USER_INITIATED" }, { said: words, resolution });
      if (resolution.kind === "none") return send("utterance", { type: "IntentRequest", intent: "AMAZON.FallbackIntent" }, { said: words, resolution });
      return send("utterance", { type: "IntentRequest", intent: resolution.intent.name }, { said: words, resolution }, resolution.intent);
    },
    intend: (name) => send("intent", { type: "IntentRequest", intent: name }),
    advance: async () => [],
    async playbackEvent(type: PlaybackEventType, offsetMs?: number) {
      const offset = offsetMs ?? state.device.offsetMs;
      state = { ...state, device: { ...state.device, offsetMs: offset, activity: type === "PlaybackStarted" ? "PLAYING" : type === "PlaybackStopped" ? "STOPPED" : type === "PlaybackFinished" ? "FINISHED" : state.device.activity } };
      return send("device", { type: `AudioPlayer.${type}`, token: state.device.current?.token ?? "", offsetInMilliseconds: offset });
    },
    press: (button: PlaybackButton) => send("device", { type: `PlaybackController.${button[0]!.toUpperCase()}${button.slice(1)}CommandIssued` as "PlaybackController.PlayCommandIssued" }),
    endSession: (reason?: SessionEndedReason) => send("session-end", { type: "SessionEndedRequest", reason: reason ?? "USER_INITIATED" }),
    snapshot: () => state,
    get session() { return state.session; },
    get device() { return state.device; },
    get dialog() { return undefined; },
  };
}
