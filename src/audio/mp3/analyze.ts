// analyzeMp3: skips tags, locks onto the first real frame, reads a Xing/Info/VBRI header, then
// walks every frame to count them, time them and profile their bitrate. Lost sync resumes at
// the next locked frame and the skipped bytes are counted as junk. Works on any Uint8Array in
// any runtime; returns a typed failure instead of throwing.

import { cachedHeaderParser, frameSeconds, type FrameHeader, sameStream } from "./frame-header.js";
import type { BitrateProfile, Mp3Note, Mp3Result, VbrHeader } from "./report.js";
import { DEFAULT_LOCK_FRAMES, findLockedFrame } from "./sync.js";
import { locateTags } from "./tags.js";
import { readVbrHeader } from "./vbr-header.js";

type HeaderReader = ReturnType<typeof cachedHeaderParser>;

/**
 * Options of `analyzeMp3`.
 */
export interface AnalyzeOptions {
  /** Consecutive consistent frames needed to accept a sync (default 3). */
  readonly lockFrames?: number;
}

interface FrameTally {
  frames: number;
  bytes: number;
  minKbps: number;
  maxKbps: number;
  /** The first audio frame (after any Xing/Info/VBRI frame), which describes the channels. */
  firstAudio: FrameHeader | null;
  /** Samples per sample rate, so whole-file durations come out exact. */
  samplesByRate: Map<number, number>;
}

/**
 * Walks an MP3's frames: MPEG version, layer, bit rates, sample rate, channels, duration, and
 * any ID3 tags or junk around them. Never throws; a non-MP3 is `{ ok: false, error }`.
 * @example
 * const result = analyzeMp3(new Uint8Array(await file.arrayBuffer()));
 * if (result.ok) console.log(result.durationSeconds, result.bitrate);
 */
export function analyzeMp3(bytes: Uint8Array, options: AnalyzeOptions = {}): Mp3Result {
  const lockFrames = Math.max(1, Math.floor(options.lockFrames ?? DEFAULT_LOCK_FRAMES));
  const layout = locateTags(bytes);
  const notes: Mp3Note[] = [...layout.notes];
  if (bytes.length === 0) return { ok: false, error: "empty", message: "the file is empty", notes };
  const { audioStart, audioEnd } = layout;
  const lock = findLockedFrame(bytes, audioStart, audioEnd, lockFrames);
  if (lock === null) {
    return { ok: false, error: "no-mpeg-frames", message: "no MPEG audio frames found (not an MP3 file?)", notes };
  }
  const first = lock.header;
  let junkBytes = lock.offset - audioStart;
  if (junkBytes > 0) notes.push({ code: "junk-before-audio", message: `${junkBytes} bytes before the first frame` });

  const vbrHeader = readVbrHeader(bytes, lock.offset, first);
  if (vbrHeader !== null) {
    notes.push({ code: "vbr-header-present", message: `${vbrHeader.kind === "vbri" ? "VBRI" : vbrHeader.kind === "xing" ? "Xing" : "Info"} header in the first frame (Amazon's conversion writes none: -write_xing 0)` });
  }
  const tally: FrameTally = { frames: 0, bytes: 0, minKbps: Infinity, maxKbps: 0, firstAudio: null, samplesByRate: new Map() };
  let pos = vbrHeader === null ? lock.offset : lock.offset + first.frameBytes;
  let current: FrameHeader = first;
  let mixedStream = false;
  let resyncs = 0;
  const readHeader = cachedHeaderParser();

  while (pos < audioEnd) {
    const header = pos + 4 <= audioEnd ? parseHeaderOfStream(readHeader, bytes, pos, current) : null;
    if (header !== null) {
      if (pos + header.frameBytes > audioEnd) {
        notes.push({ code: "truncated-final-frame", message: `the last frame is cut short by ${pos + header.frameBytes - audioEnd} bytes` });
        junkBytes += audioEnd - pos;
        break;
      }
      countFrame(tally, header);
      pos += header.frameBytes;
      continue;
    }
    // Searching from pos itself is safe: a lock there is a different stream, so pos advances.
    const next = findLockedFrame(bytes, pos, audioEnd, lockFrames);
    if (next === null) {
      notes.push({ code: "trailing-junk", message: `${audioEnd - pos} bytes after the last frame are not audio` });
      junkBytes += audioEnd - pos;
      break;
    }
    if (next.offset > pos) resyncs++;
    junkBytes += next.offset - pos;
    if (!sameStream(next.header, current) && !mixedStream) {
      mixedStream = true;
      notes.push({ code: "stream-parameters-changed", message: `the stream changes to MPEG-${next.header.version} layer ${next.header.layer} ${next.header.sampleRateHz} Hz at byte ${next.offset}` });
    }
    current = next.header;
    pos = next.offset;
  }
  if (resyncs > 0) notes.push({ code: "junk-between-frames", message: `lost frame sync ${resyncs} time(s); skipped non-audio bytes` });

  const durationSeconds = durationOf(tally);
  const channelMode = (tally.firstAudio ?? first).channelMode;
  const declaredDurationSeconds = vbrHeader?.frames != null ? vbrHeader.frames * frameSeconds(first) : null;
  noteFrameCountMismatch(notes, vbrHeader, tally.frames);
  return {
    ok: true,
    version: first.version,
    layer: first.layer,
    sampleRateHz: first.sampleRateHz,
    channelMode,
    channels: channelMode === "mono" ? 1 : 2,
    frameCount: tally.frames,
    durationSeconds,
    declaredDurationSeconds,
    bitrate: bitrateProfile(tally, durationSeconds),
    vbrHeader,
    mixedStream,
    firstFrameOffset: lock.offset,
    audioBytes: tally.bytes,
    junkBytes,
    tags: { id3v2Bytes: layout.id3v2Bytes, id3v1: layout.id3v1, apeBytes: layout.apeBytes },
    notes,
  };
}

/** The header at pos if it continues the current stream; once locked, one header is enough. */
function parseHeaderOfStream(readHeader: HeaderReader, bytes: Uint8Array, pos: number, current: FrameHeader): FrameHeader | null {
  const header = readHeader(bytes, pos);
  return header !== null && sameStream(header, current) ? header : null;
}

function countFrame(tally: FrameTally, header: FrameHeader): void {
  tally.frames++;
  tally.firstAudio ??= header;
  tally.bytes += header.frameBytes;
  tally.minKbps = Math.min(tally.minKbps, header.bitrateKbps);
  tally.maxKbps = Math.max(tally.maxKbps, header.bitrateKbps);
  tally.samplesByRate.set(header.sampleRateHz, (tally.samplesByRate.get(header.sampleRateHz) ?? 0) + header.samples);
}

function durationOf(tally: FrameTally): number {
  let seconds = 0;
  for (const [rate, samples] of tally.samplesByRate) seconds += samples / rate;
  return seconds;
}

function bitrateProfile(tally: FrameTally, durationSeconds: number): BitrateProfile {
  if (tally.frames === 0) return { mode: "constant", kbps: 0 };
  if (tally.minKbps === tally.maxKbps) return { mode: "constant", kbps: tally.minKbps };
  const averageKbps = durationSeconds > 0 ? Math.round((tally.bytes * 8) / durationSeconds / 100) / 10 : 0;
  return { mode: "variable", minKbps: tally.minKbps, maxKbps: tally.maxKbps, averageKbps };
}

function noteFrameCountMismatch(notes: Mp3Note[], vbrHeader: VbrHeader | null, counted: number): void {
  const declared = vbrHeader?.frames;
  if (declared == null || Math.abs(declared - counted) <= Math.max(1, counted * 0.01)) return;
  notes.push({ code: "vbr-header-frame-count-mismatch", message: `the ${vbrHeader?.kind} header declares ${declared} frames but ${counted} were found` });
}
