/**
 * SSML as a value, not a string. `ssml` is a tagged template: its literal parts are markup,
 * every interpolated string or number is text and is escaped exactly once (`&`, `<`, `>`, `"`,
 * `'`), and interpolated `Ssml` values are inserted as they are. Text is never "un-escaped"
 * first: the official SDK's `escapeXmlCharacters` tries to skip already-escaped entities, but
 * its pattern misses `&apos;` (so `&apos;` becomes `&amp;apos;`) and it rewrites text that
 * legitimately contains `&amp;`. An `Ssml` value also carries the `<audio>` clips it contains,
 * with their duration when the author states it (`ssml.audio(url, { seconds })`), so the
 * response checks can enforce Alexa's audio time limits.
 */
import { escapeXml } from "../shared/xml-escape.js";

/** One `<audio>` clip in some SSML; `seconds` only when the author stated it. */
export interface AudioClip {
  readonly url: string;
  readonly seconds?: number;
}

/** A piece of SSML markup (without the `<speak>` wrapper) and the audio clips inside it. */
export interface Ssml {
  readonly kind: "ssml";
  readonly markup: string;
  readonly audio: readonly AudioClip[];
}

/** What may be interpolated: text (escaped), SSML (inserted), or lists of either. */
export type SsmlPart = string | number | Ssml | readonly SsmlPart[];

/**
 * Escapes text for SSML, exactly once: every `&` becomes `&amp;`, whatever follows it.
 * @example
 * escapeSsmlText("Tom & Jerry <3"); // "Tom &amp; Jerry &lt;3"
 */
export function escapeSsmlText(text: string): string {
  return escapeXml(text);
}

/**
 * True for values built with the `ssml` tag (markup, not text to escape).
 * @example
 * isSsml(ssml`<break time="1s"/>`); // true
 * isSsml("plain text"); // false
 */
export function isSsml(value: unknown): value is Ssml {
  return typeof value === "object" && value !== null && (value as { kind?: unknown }).kind === "ssml";
}

function fromParts(markup: string, audio: readonly AudioClip[]): Ssml {
  return { kind: "ssml", markup, audio };
}

function partToSsml(part: SsmlPart): Ssml {
  if (typeof part === "string") return fromParts(escapeSsmlText(part), []);
  if (typeof part === "number") return fromParts(escapeSsmlText(String(part)), []);
  if (isSsml(part)) return part;
  return join(part as readonly SsmlPart[], "");
}

/** Joins parts with a separator (the separator is text, so it is escaped too). */
function join(parts: readonly SsmlPart[], separator: string): Ssml {
  const pieces = parts.map(partToSsml);
  return fromParts(
    pieces.map((piece) => piece.markup).join(escapeSsmlText(separator)),
    pieces.flatMap((piece) => piece.audio),
  );
}

function template(literals: TemplateStringsArray, ...values: SsmlPart[]): Ssml {
  let markup = literals[0] ?? "";
  const audio: AudioClip[] = [];
  values.forEach((value, index) => {
    const piece = partToSsml(value);
    markup += piece.markup + (literals[index + 1] ?? "");
    audio.push(...piece.audio);
  });
  return fromParts(markup, audio);
}

function attribute(value: string): string {
  return `"${escapeSsmlText(value)}"`;
}

function element(name: string, attributes: Readonly<Record<string, string | undefined>>, content?: SsmlPart): Ssml {
  const attrs = Object.entries(attributes)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([key, value]) => ` ${key}=${attribute(value)}`)
    .join("");
  if (content === undefined) return fromParts(`<${name}${attrs}/>`, []);
  const inner = partToSsml(content);
  return fromParts(`<${name}${attrs}>${inner.markup}</${name}>`, inner.audio);
}

type BreakStrength = "none" | "x-weak" | "weak" | "medium" | "strong" | "x-strong";

/**
 * The `ssml` tag plus helpers for the common elements. Attribute values are escaped too.
 *
 *     ssml`Welcome back, ${name}. ${ssml.audio(jingleUrl, { seconds: 3 })}`
 */
export const ssml = Object.assign(template, {
  /** Escaped text as SSML. */
  text: (text: string): Ssml => fromParts(escapeSsmlText(text), []),
  /** Trusted markup, inserted verbatim (its `<audio>` tags are still counted by the checks). */
  raw: (markup: string): Ssml => fromParts(markup, []),
  /** An `<audio>` clip; state `seconds` so the 240 s / 90 s limits can be checked. */
  audio: (url: string, options: { seconds?: number } = {}): Ssml =>
    fromParts(`<audio src=${attribute(url)}/>`, [options.seconds === undefined ? { url } : { url, seconds: options.seconds }]),
  break: (options: { time?: string; strength?: BreakStrength } = {}): Ssml =>
    element("break", { time: options.time, strength: options.strength }),
  emphasis: (level: "strong" | "moderate" | "reduced", content: SsmlPart): Ssml => element("emphasis", { level }, content),
  sayAs: (interpretAs: string, content: SsmlPart, format?: string): Ssml =>
    element("say-as", { "interpret-as": interpretAs, format }, content),
  sub: (alias: string, content: SsmlPart): Ssml => element("sub", { alias }, content),
  lang: (lang: string, content: SsmlPart): Ssml => element("lang", { "xml:lang": lang }, content),
  voice: (name: string, content: SsmlPart): Ssml => element("voice", { name }, content),
  paragraph: (content: SsmlPart): Ssml => element("p", {}, content),
  sentence: (content: SsmlPart): Ssml => element("s", {}, content),
  join,
});

/** The full `<speak>` document for an outputSpeech/reprompt (not wrapped twice). */
export function toSpeakDocument(speech: Ssml): string {
  return /^\s*<speak[\s>]/.test(speech.markup) ? speech.markup : `<speak>${speech.markup}</speak>`;
}

/** Plain strings handed to the response builder are text: escape them into SSML. */
export function toSsml(speech: string | Ssml): Ssml {
  return typeof speech === "string" ? ssml.text(speech) : speech;
}
