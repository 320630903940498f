/**
 * `skillflare/audio`: what a skill needs to point Alexa at audio it can play: URL helpers
 * for SSML `<audio src>` and AudioPlayer streams, expiring signed URLs, and the MP3 validator
 * that checks a file against Alexa's rules before Alexa does. Pure functions and WebCrypto:
 * runs in workerd, Node and the CLI. Guide: docs/audio-serving.md, docs/audio-check.md.
 */
export { audioPlayerStreamUrl, audioUrl, AudioUrlError, ssmlAudioTag, AUDIO_PLAYER_URL_MAX_LENGTH } from "./urls.js";
export type { AudioUrlBase, AudioUrlOptions, AudioUrlProblem } from "./urls.js";
export { signAudioUrl } from "./signed-url.js";
export type { SignAudioUrlOptions } from "./signed-url.js";
export * from "./mp3/index.js";
export { DEFAULT_AUDIO_PREFIX, encodeAudioKeyPath, MAX_AUDIO_KEY_BYTES, validateAudioKey } from "./key.js";
export type { AudioKeyCheck, AudioKeyProblem } from "./key.js";
