/**
 * DEVELOPMENT STAND-IN, to be deleted when src/testing's createVirtualAlexa (branch va) lands:
 * just enough of the VirtualAlexa contract (types.ts) for the console to be built and tested
 * against: sample-utterance matching with custom slot types, a few built-in intents, the
 * session, and the AudioPlayer device state that Play/Stop directives and events change.
 */
import type { Directive, RequestEnvelope, ResponseEnvelope, SessionEndedReason } from "ask-sdk-model";
import { createRequestEnvelope, createSignedRequest, DEV_DEVICE_ID, DEV_SKILL_ID, DEV_USER_ID, newSessionId, type RequestSpec, type SlotSpec } from "../devkit/index.js";
import type { AudioDeviceState, PlaybackButton, PlaybackEventType, Turn, TurnKind, UtteranceResolution, VirtualAlexa, VirtualAlexaOptions, VirtualAlexaState } from "../testing/index.js";

const BUILT_INS: Readonly<Record<string, string>> = {
  pause: "AMAZON.PauseIntent", resume: "AMAZON.ResumeIntent", continue: "AMAZON.ResumeIntent", help: "AMAZON.HelpIntent",
  stop: "AMAZON.StopIntent", cancel: "AMAZON.CancelIntent", next: "AMAZON.NextIntent", previous: "AMAZON.PreviousIntent",
  "start over": "AMAZON.StartOverIntent", repeat: "AMAZON.RepeatIntent",
};
const norm = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}\s']/gu, "").replace(/\s+/g, " ").trim();
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

function resolve(options: VirtualAlexaOptions, words: string): { resolution: UtteranceResolution; spec?: RequestSpec } {
  const said = norm(words);
  const model = options.model.interactionModel.languageModel;
  const invocation = norm(model.invocationName ?? "");
  if (said === `open ${invocation}` || said === invocation || said === `launch ${invocation}`) return { resolution: { kind: "launch" } };
  const builtIn = BUILT_INS[said.replace(/^(please )?/, "")];
  if (builtIn !== undefined) return { resolution: { kind: "intent", intent: { name: builtIn, confirmationStatus: "NONE", slots: {} } }, spec: { type: "IntentRequest", intent: builtIn } };
  for (const intent of model.intents) {
    for (const sample of intent.samples ?? []) {
      const names: string[] = [];
      const pattern = norm(sample.replace(/\{(\w+)\}/g, (_m, name: string) => { names.push(name); return ` SLOT${names.length - 1} `; }))
        .split(" ").map((part) => (/^slot\d+$/.test(part) ? "(.+?)" : escape(part))).join(" ");
      const match = new RegExp(`^${pattern}$`).exec(said);
      if (match === null) continue;
      const slots: Record<string, SlotSpec> = {};
      names.forEach((name, index) => {
        const value = match[index + 1] ?? "";
        const type = intent.slots?.find((slot) => slot.name === name)?.type ?? name;
        const found = model.types?.find((t) => t.name === type)?.values?.find((v) => [v.name.value, ...(v.name.synonyms ?? [])].some((n) => norm(n) === value));
        slots[name] = { value, slotType: type, resolved: found === undefined ? "no-match" : { name: found.name.value, ...(found.id ? { id: found.id } : {}) } };
      });
      const spec: RequestSpec = { type: "IntentRequest", intent: intent.name, slots };
      const envelope = createRequestEnvelope({ request: spec });
      const built = envelope.request.type === "IntentRequest" ? envelope.request.intent : { name: intent.name, confirmationStatus: "NONE" as const };
      return { resolution: { kind: "intent", intent: built, matched: sample }, spec };
    }
  }
  return { resolution: { kind: "none" } };
}

const IDLE: AudioDeviceState = { activity: "IDLE", offsetMs: 0, queue: [], nearlyFinishedSent: false };

export function createVirtualAlexa(options: VirtualAlexaOptions): VirtualAlexa {
  let state: VirtualAlexaState = options.state ?? {
    version: 1, locale: options.locale ?? "en-US", userId: options.userId ?? DEV_USER_ID,
    deviceId: options.deviceId ?? DEV_DEVICE_ID, skillId: options.skillId ?? DEV_SKILL_ID, device: IDLE,
  };
  async function send(kind: TurnKind, spec: RequestSpec, extra: Partial<Turn> = {}): Promise<Turn> {
    const inSession = spec.type === "LaunchRequest" || spec.type === "IntentRequest" || spec.type === "SessionEndedRequest";
    const session = inSession ? (state.session ?? { sessionId: newSessionId(), attributes: {}, new: true, requests: 0 }) : undefined;
    const current = state.device.current;
    const envelope: RequestEnvelope = createRequestEnvelope({
      request: spec, locale: state.locale, userId: state.userId, deviceId: state.deviceId, applicationId: state.skillId,
      session: session === undefined ? false : { new: session.new, sessionId: session.sessionId, attributes: session.attributes },
      ...(current === undefined ? {} : { audioPlayer: { token: current.token, offsetInMilliseconds: state.device.offsetMs, playerActivity: state.device.activity } }),
    });
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
      const { resolution, spec } = resolve(options, words);
      if (resolution.kind === "launch") return send("utterance", { type: "LaunchRequest" }, { said: words, resolution });
      return send("utterance", spec ?? { type: "IntentRequest", intent: "AMAZON.FallbackIntent" }, { said: words, resolution });
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
