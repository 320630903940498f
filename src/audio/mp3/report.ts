// The shape of an MP3 analysis: either a structured description of the stream (format,
// frames, duration, bitrate profile, tags, VBR header, notes about anything odd) or a typed
// failure. analyzeMp3 returns one of these for any input bytes; it never throws.

import type { ChannelMode, MpegLayer, MpegVersion } from "./tables.js";

/**
 * Stable codes of `Mp3Note`s.
 */
export type Mp3NoteCode =
  | "malformed-id3v2"
  | "truncated-id3v2"
  | "junk-before-audio"
  | "junk-between-frames"
  | "trailing-junk"
  | "truncated-final-frame"
  | "stream-parameters-changed"
  | "vbr-header-present"
  | "vbr-header-frame-count-mismatch";

/**
 * Something worth knowing about a file that breaks no rule.
 */
export interface Mp3Note {
  readonly code: Mp3NoteCode;
  readonly message: string;
}

/**
 * Which VBR header the first frame carries.
 */
export type VbrHeaderKind = "xing" | "info" | "vbri";

/** A Xing/Info (LAME, ffmpeg) or VBRI (Fraunhofer) header found in the first frame. */
export interface VbrHeader {
  readonly kind: VbrHeaderKind;
  /** Audio frames the encoder says follow, when the header carries the count. */
  readonly frames: number | null;
  /** Stream bytes the encoder recorded, when present. */
  readonly bytes: number | null;
}

/**
 * Constant or variable bit rate, with the rates seen.
 */
export type BitrateProfile =
  | { readonly mode: "constant"; readonly kbps: number }
  | {
      readonly mode: "variable";
      readonly minKbps: number;
      readonly maxKbps: number;
      /** Audio bits over duration, rounded to 0.1 kbps. */
      readonly averageKbps: number;
    };

/**
 * A successful `analyzeMp3`: stream parameters, duration, bit rate profile, tags and notes.
 */
export interface Mp3Analysis {
  readonly ok: true;
  readonly version: MpegVersion;
  readonly layer: MpegLayer;
  readonly sampleRateHz: number;
  readonly channelMode: ChannelMode;
  readonly channels: 1 | 2;
  /** Audio frames walked (a Xing/Info/VBRI header frame is not counted). */
  readonly frameCount: number;
  /** From the frames actually present; always finite and >= 0. */
  readonly durationSeconds: number;
  /** What a Xing/VBRI header claims, or null. */
  readonly declaredDurationSeconds: number | null;
  readonly bitrate: BitrateProfile;
  readonly vbrHeader: VbrHeader | null;
  /** True when version, layer or sample rate change partway through. */
  readonly mixedStream: boolean;
  readonly firstFrameOffset: number;
  readonly audioBytes: number;
  readonly junkBytes: number;
  readonly tags: { readonly id3v2Bytes: number; readonly id3v1: boolean; readonly apeBytes: number };
  readonly notes: readonly Mp3Note[];
}

/**
 * Why `analyzeMp3` found no MP3.
 */
export type Mp3ErrorCode = "empty" | "no-mpeg-frames";

/**
 * A failed `analyzeMp3`: the code, a message and notes.
 */
export interface Mp3Failure {
  readonly ok: false;
  readonly error: Mp3ErrorCode;
  readonly message: string;
  readonly notes: readonly Mp3Note[];
}

/**
 * The outcome of `analyzeMp3`; test `ok` to tell the two apart.
 */
export type Mp3Result = Mp3Analysis | Mp3Failure;
