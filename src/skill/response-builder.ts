/**
 * The response builder handed to every handler as `responseBuilder`. It collects speech,
 * reprompt, card, directives and an explicit session choice, then `build()` turns them into an
 * `ask-sdk-model` `Response`, filling in `shouldEndSession` by the rules in
 * should-end-session.ts. Strings given to `speak`/`reprompt` are text and get escaped; pass
 * `ssml\`...\`` for markup. `build()` also reports the `<audio>` clips (and their stated
 * durations) so the response checks can enforce Alexa's audio time limits.
 */
import type { Directive, Response, ui } from "ask-sdk-model";
import type { GenericDirective } from "./directives/presentation.js";
import { decideShouldEndSession } from "./should-end-session.js";
import { toSpeakDocument, toSsml, type AudioClip, type Ssml } from "./ssml.js";

/** Audio clips whose durations the author stated, per speech slot of the response. */
export interface KnownAudio {
  readonly speech: readonly AudioClip[];
  readonly reprompt: readonly AudioClip[];
}

/** For a response the builder did not make (a handler's ready `Response`): no stated durations. */
export const NO_KNOWN_AUDIO: KnownAudio = { speech: [], reprompt: [] };

/**
 * A built response and the audio durations the checks may rely on.
 */
export interface BuiltResponse {
  readonly response: Response;
  readonly knownAudio: KnownAudio;
}

function ssmlSpeech(speech: Ssml, playBehavior?: ui.PlayBehavior): ui.SsmlOutputSpeech {
  const output: ui.SsmlOutputSpeech = { type: "SSML", ssml: toSpeakDocument(speech) };
  if (playBehavior !== undefined) output.playBehavior = playBehavior;
  return output;
}

/**
 * Builds one response: speech, reprompt, card, directives and `shouldEndSession` (decided for
 * you from what you added unless you set it). Every handler gets one as `input.responseBuilder`.
 * @example
 * input.responseBuilder
 *   .speak("Here is your story.")
 *   .card(simpleCard("Bedtime Stories", "The Sleepy Dragon"))
 *   .directive(audioPlay({ url, token: "story:dragons", behavior: "REPLACE_ALL", offsetInMilliseconds: 0 }));
 */
export class ResponseBuilder {
  #speech: { ssml: Ssml; playBehavior?: ui.PlayBehavior } | undefined;
  #reprompt: Ssml | undefined;
  #card: ui.Card | undefined;
  readonly #directives: (Directive | GenericDirective)[] = [];
  #explicitEnd: boolean | undefined;

  /** Sets (replaces) the outputSpeech. A string is text and is escaped. */
  speak(speech: string | Ssml, playBehavior?: ui.PlayBehavior): this {
    this.#speech = playBehavior === undefined ? { ssml: toSsml(speech) } : { ssml: toSsml(speech), playBehavior };
    return this;
  }

  /** Sets (replaces) the reprompt; keeps the session open unless told otherwise. */
  reprompt(speech: string | Ssml): this {
    this.#reprompt = toSsml(speech);
    return this;
  }

  card(card: ui.Card): this {
    this.#card = card;
    return this;
  }

  /** Appends a directive (see directives/*.ts for factories). */
  directive(directive: Directive | GenericDirective): this {
    this.#directives.push(directive);
    return this;
  }

  /** Explicit `shouldEndSession`; wins over every default except VideoApp.Launch. */
  endSession(end = true): this {
    this.#explicitEnd = end;
    return this;
  }

  keepSessionOpen(): this {
    return this.endSession(false);
  }

  build(context: { readonly requestHasSession: boolean }): BuiltResponse {
    const response: Response = {};
    if (this.#speech !== undefined) response.outputSpeech = ssmlSpeech(this.#speech.ssml, this.#speech.playBehavior);
    if (this.#card !== undefined) response.card = this.#card;
    if (this.#reprompt !== undefined) response.reprompt = { outputSpeech: ssmlSpeech(this.#reprompt) };
    // GenericDirective covers directives ask-sdk-model does not list; they serialise the same.
    if (this.#directives.length > 0) response.directives = [...this.#directives] as Directive[];
    const shouldEndSession = decideShouldEndSession({
      explicit: this.#explicitEnd,
      requestHasSession: context.requestHasSession,
      hasReprompt: this.#reprompt !== undefined,
      directiveTypes: this.#directives.map((d) => d.type),
    });
    if (shouldEndSession !== undefined) response.shouldEndSession = shouldEndSession;
    return {
      response,
      knownAudio: { speech: this.#speech?.ssml.audio ?? [], reprompt: this.#reprompt?.audio ?? [] },
    };
  }
}
