// Public surface of the MP3 validator: frame analysis (analyzeMp3), Alexa rule checks
// (checkAlexaAudio), format sniffing, and the rule constants and types. Pure functions over a
// Uint8Array; no node:, no cloudflare: imports, so it runs unchanged in workerd, Node and the CLI.

export { analyzeMp3, type AnalyzeOptions } from "./analyze.js";
export { checkAlexaAudio, type AudioCheckResult } from "./check.js";
export {
  AMAZON_SSML_CONVERT_COMMAND,
  AMAZON_SSML_FFMPEG_ARGS,
  AUDIO_PLAYER_RULES,
  SSML_AUDIO_RULES,
  type AlexaAudioTarget,
  type AudioViolation,
  type AudioViolationCode,
} from "./alexa-rules.js";
export { parseFrameHeader, type FrameHeader } from "./frame-header.js";
export { sniffFormat, type SniffedFormat } from "./sniff.js";
export type {
  BitrateProfile,
  Mp3Analysis,
  Mp3ErrorCode,
  Mp3Failure,
  Mp3Note,
  Mp3NoteCode,
  Mp3Result,
  VbrHeader,
  VbrHeaderKind,
} from "./report.js";
export type { ChannelMode, MpegLayer, MpegVersion } from "./tables.js";
