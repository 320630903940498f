/**
 * The state a virtual Alexa carries between requests and the one place requests are built and
 * sent: the session (id, attributes, `new`, closed when the skill ends it or answers with an
 * error), the audio device (context.AudioPlayer on every request, AudioPlayer directives applied
 * to it, the events it owes sent right after the answer that caused them) and the dialog in
 * progress. `snapshot()` is plain JSON; a conversation resumes from it.
 */
import type { Directive, IntentRequest, RequestEnvelope } from "ask-sdk-model";
import { createRequestEnvelope, newSessionId, type RequestSpec, type SigningMaterial } from "../../devkit/index.js";
import { applyAudioDirectives, audioPlayerContext, IDLE_DEVICE, startQueued, type DurationOf, type PlaybackEvent } from "./audio-device.js";
import { type CompiledModel } from "./model.js";
import { sendEnvelope, type Exchange } from "./transport.js";
import { turnFields } from "./turn-fields.js";
import type { AudioDeviceState, DialogProgress, SessionState, SkillFetch, Turn, TurnKind, VirtualAlexaOptions, VirtualAlexaState } from "./types.js";

export interface ConversationSetup {
  readonly model: CompiledModel;
  /** The signing material, fetched on first use (the shared dev kit is made lazily). */
  readonly kit: () => Promise<SigningMaterial>;
  readonly fetch: SkillFetch;
  readonly url: string;
  readonly timeoutMs: number;
  readonly now: () => Date;
  readonly durationOf: DurationOf;
  readonly onExchange?: VirtualAlexaOptions["onExchange"];
}

export type TurnExtras = Partial<Pick<Turn, "said" | "resolution" | "alexaSaid">>;

/** A Turn with followUps that can still be added to while the call runs. */
export type OpenTurn = Turn & { followUps: Turn[] };

const MAX_EVENTS_PER_CALL = 200;

export class Conversation {
  state: VirtualAlexaState;

  constructor(readonly setup: ConversationSetup, state: VirtualAlexaState) {
    this.state = state;
  }

  get session(): SessionState | undefined {
    return this.state.session;
  }
  get device(): AudioDeviceState {
    return this.state.device;
  }
  get dialog(): DialogProgress | undefined {
    return this.state.dialog;
  }

  setDialog(dialog: DialogProgress | undefined): void {
    const { dialog: _old, ...rest } = this.state;
    this.state = dialog === undefined ? rest : { ...rest, dialog };
  }

  setDevice(device: AudioDeviceState): void {
    this.state = { ...this.state, device };
  }

  /** Opens a session if none is open. */
  openSession(): void {
    if (this.state.session !== undefined) return;
    this.state = { ...this.state, session: { sessionId: newSessionId(), attributes: {}, new: true, requests: 0 } };
  }

  closeSession(): void {
    const { session: _s, dialog: _d, ...rest } = this.state;
    this.state = rest;
  }

  /** The envelope for `spec`, with the session (when `inSession`) and the device's AudioPlayer context. */
  envelope(spec: RequestSpec, inSession: boolean): RequestEnvelope {
    const session = inSession ? this.state.session : undefined;
    return createRequestEnvelope({
      request: spec,
      timestamp: this.setup.now(),
      applicationId: this.state.skillId,
      userId: this.state.userId,
      deviceId: this.state.deviceId,
      locale: this.state.locale,
      session: session === undefined ? false : { new: session.new, sessionId: session.sessionId, attributes: session.attributes },
      audioPlayer: audioPlayerContext(this.state.device),
    });
  }

  /** An IntentRequest envelope carrying exactly `intent` (slots with resolutions) and `dialogState`, if any. */
  intentEnvelope(intent: IntentRequest["intent"], dialogState: IntentRequest["dialogState"] | undefined): RequestEnvelope {
    const envelope = this.envelope({ type: "IntentRequest", intent: intent.name }, true);
    const { dialogState: _default, ...request } = envelope.request as IntentRequest;
    return { ...envelope, request: { ...request, intent, ...(dialogState === undefined ? {} : { dialogState }) } as IntentRequest };
  }

  /** A turn Alexa answers herself, nothing sent. */
  unsent(kind: TurnKind, envelope: RequestEnvelope, extras: TurnExtras): OpenTurn {
    return { kind, request: envelope, status: 0, directives: [], ssmlAudio: [], sessionEnded: this.state.session === undefined, sent: false, followUps: [], ...extras, ...(extras.alexaSaid ? { speech: extras.alexaSaid } : {}) };
  }

  /** Sends `envelope`, updates session and device from the answer, sends the device events owed. */
  async send(kind: TurnKind, envelope: RequestEnvelope, extras: TurnExtras = {}): Promise<OpenTurn> {
    const exchange = await this.exchange(envelope);
    const inSession = envelope.session !== undefined;
    if (inSession) this.afterSessionRequest(exchange);
    const dialogState = envelope.request.type === "IntentRequest" ? (envelope.request as Partial<IntentRequest>).dialogState : undefined;
    const turn: OpenTurn = { ...extras, ...this.turnOf(kind, exchange), ...(dialogState ? { dialogState } : {}) };
    const { device, events } = applyAudioDirectives(this.state.device, turn.directives, this.setup.durationOf);
    this.setDevice(device);
    await this.sendEvents(events, turn.followUps);
    return turn;
  }

  /** The turn of one request sent and its answer, as the session stands after it. */
  private turnOf(kind: TurnKind, exchange: Exchange): OpenTurn {
    return {
      kind,
      request: exchange.request,
      status: exchange.status,
      ...(exchange.response ? { response: exchange.response } : {}),
      ...(exchange.error ? { error: exchange.error } : {}),
      ...turnFields(exchange.response),
      sessionEnded: this.state.session === undefined,
      sent: true,
      followUps: [],
    };
  }

  private async exchange(envelope: RequestEnvelope): Promise<Exchange> {
    const kit = await this.setup.kit();
    const exchange = await sendEnvelope(envelope, { kit, url: this.setup.url, fetch: this.setup.fetch, timeoutMs: this.setup.timeoutMs });
    this.setup.onExchange?.(exchange);
    return exchange;
  }

  private afterSessionRequest(exchange: Exchange): void {
    const session = this.state.session;
    if (session === undefined) return;
    const response = exchange.response?.response;
    const directives: readonly Directive[] = response?.directives ?? [];
    const dialogDirective = directives.some((d) => d.type.startsWith("Dialog."));
    const ends = exchange.request.request.type === "SessionEndedRequest" || exchange.response === undefined || (response?.shouldEndSession !== false && !dialogDirective);
    if (ends) return this.closeSession();
    this.state = { ...this.state, session: { ...session, new: false, requests: session.requests + 1, attributes: exchange.response?.sessionAttributes ?? {} } };
  }

  /** Sends device events (and the ones their answers cause), appending their turns to `into`. */
  async sendEvents(events: readonly PlaybackEvent[], into: Turn[]): Promise<void> {
    const queue = [...events];
    for (let sent = 0; queue.length > 0 && sent < MAX_EVENTS_PER_CALL; sent++) {
      const event = queue.shift();
      if (event === undefined) break;
      const envelope = this.envelope({ type: `AudioPlayer.${event.type}`, token: event.token, offsetInMilliseconds: event.offsetMs }, false);
      const exchange = await this.exchange(envelope);
      const turn = this.turnOf("device", exchange);
      into.push(turn);
      const applied = applyAudioDirectives(this.state.device, turn.directives, this.setup.durationOf);
      const next = event.type === "PlaybackFinished" && applied.device.activity === "FINISHED" ? startQueued(applied.device) : { device: applied.device, events: [] };
      this.setDevice(next.device);
      queue.push(...applied.events, ...next.events);
    }
  }

  snapshot(): VirtualAlexaState {
    return JSON.parse(JSON.stringify(this.state)) as VirtualAlexaState;
  }
}

export { IDLE_DEVICE };
