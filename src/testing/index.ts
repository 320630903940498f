/**
 * `skillflare/testing`: talk to a skill the way Alexa does, offline. The dev signing kit (a
 * local CA shaped like Amazon's, request signing, realistic envelopes, negative variants)
 * lives in src/devkit/ and is re-exported here. Pure WebCrypto + pkijs: runs inside
 * `@cloudflare/vitest-pool-workers` and in Node, and imports from a vitest config.
 */
export * from "../devkit/index.js";
export type {
  AudioDeviceState,
  AudioStreamState,
  DialogAwaiting,
  DialogProgress,
  InteractionModelJson,
  PlaybackButton,
  PlaybackEventType,
  ResolveOptions,
  SessionState,
  SkillFetch,
  Turn,
  TurnKind,
  UtteranceResolution,
  VirtualAlexa,
  VirtualAlexaOptions,
  VirtualAlexaState,
} from "./virtual-alexa/types.js";
export type * from "./virtual-alexa/model-json.js";
export { resolveUtterance } from "./virtual-alexa/resolve-utterance.js";
export { InteractionModelError } from "./virtual-alexa/model.js";
export { createVirtualAlexa, DEFAULT_VIRTUAL_ALEXA_URL, UtteranceNotUnderstoodError } from "./virtual-alexa/virtual-alexa.js";
export { ssmlToText, outputSpeechText, ssmlAudioSources } from "./virtual-alexa/speech-text.js";
export { checkInteractionModel, type ModelCheckOptions, type ModelFinding } from "./model-check.js";
