/**
 * SSML `<audio>` rules: every src https; at most 240 s per clip, 240 s for all clips in the
 * outputSpeech and 90 s in the reprompt. Durations are known only when the author stated them
 * (`ssml.audio(url, { seconds })`); a clip counts only if its URL is still in the final SSML,
 * so interceptors that rewrite speech cannot leave stale durations behind.
 */
import type { ui } from "ask-sdk-model";
import type { AudioClip } from "../ssml.js";
import { fail, type CheckedResponse, type ResponseCheckFailure } from "./types.js";

export const MAX_CLIP_SECONDS = 240;
export const MAX_SPEECH_AUDIO_SECONDS = 240;
export const MAX_REPROMPT_AUDIO_SECONDS = 90;

const XML_ENTITIES: Readonly<Record<string, string>> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function unescapeXml(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|apos);/g, (_, name: string) => XML_ENTITIES[name] ?? "");
}

/** The src of every `<audio>` tag in some SSML, unescaped. */
function audioSources(ssml: string): string[] {
  const sources: string[] = [];
  for (const match of ssml.matchAll(/<audio\b[^>]*?\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)')/gi)) {
    sources.push(unescapeXml(match[1] ?? match[2] ?? ""));
  }
  return sources;
}

function knownSecondsOf(sources: readonly string[], clips: readonly AudioClip[]): number[] {
  const unused = [...clips];
  const seconds: number[] = [];
  for (const source of sources) {
    const index = unused.findIndex((clip) => clip.url === source);
    if (index < 0) continue;
    const [clip] = unused.splice(index, 1);
    if (clip?.seconds !== undefined) seconds.push(clip.seconds);
  }
  return seconds;
}

function ssmlOf(speech: ui.OutputSpeech | undefined): string {
  return speech?.type === "SSML" ? speech.ssml : "";
}

export function speechAudioRules({ response, knownAudio }: CheckedResponse): ResponseCheckFailure[] {
  const failures: ResponseCheckFailure[] = [];
  const slots = [
    { where: "outputSpeech", ssml: ssmlOf(response.outputSpeech), clips: knownAudio.speech, limit: MAX_SPEECH_AUDIO_SECONDS },
    { where: "reprompt", ssml: ssmlOf(response.reprompt?.outputSpeech), clips: knownAudio.reprompt, limit: MAX_REPROMPT_AUDIO_SECONDS },
  ] as const;
  for (const slot of slots) {
    const sources = audioSources(slot.ssml);
    for (const source of sources) {
      // soundbank:// names a clip of the Alexa Skills Kit Sound Library, which Alexa serves itself.
      if (!source.toLowerCase().startsWith("https://") && !source.toLowerCase().startsWith("soundbank://")) {
        failures.push(fail("audio-src-not-https", `${slot.where} <audio src="${source}"> must be an https URL`));
      }
    }
    const seconds = knownSecondsOf(sources, slot.clips);
    for (const clip of seconds.filter((s) => s > MAX_CLIP_SECONDS)) {
      failures.push(fail("audio-clip-too-long", `${slot.where} has a ${clip} s clip; one clip may last at most ${MAX_CLIP_SECONDS} s`));
    }
    const total = seconds.reduce((sum, s) => sum + s, 0);
    if (total > slot.limit) {
      const rule = slot.where === "outputSpeech" ? "speech-audio-too-long" : "reprompt-audio-too-long";
      failures.push(fail(rule, `${slot.where} audio totals ${total} s; Alexa allows at most ${slot.limit} s`));
    }
  }
  return failures;
}
