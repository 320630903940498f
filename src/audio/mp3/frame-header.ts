// Decodes one 4-byte MPEG audio frame header at an offset into plain data, or null when the
// bytes there are not a usable header (no 11-bit sync, reserved version/layer/sample rate,
// free-format or forbidden bitrate, reserved emphasis). Also decides whether two headers belong
// to the same stream, which is what frame-sync lock-on and the frame walk rely on.

import { readUint32BE } from "./bytes.js";
import {
  bitrateKbps,
  type ChannelMode,
  type MpegLayer,
  type MpegVersion,
  sampleRateHz,
  samplesPerFrame,
} from "./tables.js";

/**
 * One MPEG audio frame header, decoded.
 */
export interface FrameHeader {
  readonly version: MpegVersion;
  readonly layer: MpegLayer;
  /** True when a 16-bit CRC follows the header. */
  readonly crcProtected: boolean;
  readonly bitrateKbps: number;
  readonly sampleRateHz: number;
  readonly padding: boolean;
  readonly channelMode: ChannelMode;
  /** Whole frame size in bytes, header included. */
  readonly frameBytes: number;
  readonly samples: number;
}

const VERSIONS: readonly (MpegVersion | null)[] = ["2.5", null, "2", "1"];
const LAYERS: readonly (MpegLayer | null)[] = [null, 3, 2, 1];
const CHANNEL_MODES: readonly ChannelMode[] = ["stereo", "joint-stereo", "dual-channel", "mono"];

/**
 * Parses the 4-byte MPEG audio frame header at `offset`, or `null` if there is none there.
 * @example
 * const header = parseFrameHeader(bytes, 0);
 * if (header !== null) console.log(header.bitrateKbps, header.sampleRateHz);
 */
export function parseFrameHeader(bytes: Uint8Array, offset: number): FrameHeader | null {
  if (offset < 0 || offset + 4 > bytes.length) return null;
  const b0 = bytes[offset] ?? 0;
  const b1 = bytes[offset + 1] ?? 0;
  const b2 = bytes[offset + 2] ?? 0;
  const b3 = bytes[offset + 3] ?? 0;
  if (b0 !== 0xff || (b1 & 0xe0) !== 0xe0) return null;

  const version = VERSIONS[(b1 >> 3) & 0x03] ?? null;
  const layer = LAYERS[(b1 >> 1) & 0x03] ?? null;
  if (version === null || layer === null) return null;
  const bitrate = bitrateKbps(version, layer, (b2 >> 4) & 0x0f);
  const sampleRate = sampleRateHz(version, (b2 >> 2) & 0x03);
  if (bitrate === null || sampleRate === null) return null;
  if ((b3 & 0x03) === 0x02) return null; // reserved emphasis: almost surely not a header

  const padding = (b2 & 0x02) !== 0;
  const samples = samplesPerFrame(version, layer);
  return {
    version,
    layer,
    crcProtected: (b1 & 0x01) === 0,
    bitrateKbps: bitrate,
    sampleRateHz: sampleRate,
    padding,
    channelMode: CHANNEL_MODES[(b3 >> 6) & 0x03] ?? "stereo",
    frameBytes: frameBytesOf(layer, samples, bitrate, sampleRate, padding),
    samples,
  };
}

function frameBytesOf(
  layer: MpegLayer,
  samples: number,
  bitrate: number,
  sampleRate: number,
  padding: boolean,
): number {
  if (layer === 1) return (Math.floor((12 * bitrate * 1000) / sampleRate) + (padding ? 1 : 0)) * 4;
  // samples / 8 bits-per-byte: 144 for 1152-sample frames, 72 for 576-sample frames.
  return Math.floor(((samples / 8) * bitrate * 1000) / sampleRate) + (padding ? 1 : 0);
}

/** Frames of one stream share version, layer and sample rate; bitrate and padding may vary (VBR). */
export function sameStream(a: FrameHeader, b: FrameHeader): boolean {
  return a.version === b.version && a.layer === b.layer && a.sampleRateHz === b.sampleRateHz;
}

/** Frame duration in seconds. */
export function frameSeconds(header: FrameHeader): number {
  return header.samples / header.sampleRateHz;
}

const HEADER_CACHE_LIMIT = 256;

/**
 * parseFrameHeader memoised by the 4 header bytes. A stream repeats a handful of headers, so
 * the frame walk decodes each once instead of allocating per frame (it matters for the Workers
 * CPU budget: a 240 s file has 10,000 frames).
 */
export function cachedHeaderParser(): (bytes: Uint8Array, offset: number) => FrameHeader | null {
  const cache = new Map<number, FrameHeader | null>();
  return (bytes, offset) => {
    if (offset < 0 || offset + 4 > bytes.length) return null;
    const word = readUint32BE(bytes, offset);
    const known = cache.get(word);
    if (known !== undefined) return known;
    const header = parseFrameHeader(bytes, offset);
    if (cache.size >= HEADER_CACHE_LIMIT) cache.clear();
    cache.set(word, header);
    return header;
  };
}
