// Test helper: builds MPEG audio streams byte by byte from header fields, so tests can make
// exactly the structure they need (thousands of frames for a 241 s file, Xing/VBRI frames,
// ID3v2 with footer, APEv2, junk) without committing big binaries. Payload bytes are zero, so
// they never contain a false frame sync.

import type { ChannelMode, MpegLayer, MpegVersion } from "../../../src/audio/mp3/index.js";
import { parseFrameHeader } from "../../../src/audio/mp3/index.js";

export interface FrameSpec {
  version: MpegVersion;
  layer: MpegLayer;
  bitrateKbps: number;
  sampleRateHz: number;
  channelMode?: ChannelMode;
  padding?: boolean;
  crc?: boolean;
}

export const SSML_OK: FrameSpec = { version: "2", layer: 3, bitrateKbps: 48, sampleRateHz: 24000, channelMode: "joint-stereo" };

const VERSION_BITS: Record<MpegVersion, number> = { "2.5": 0, "2": 2, "1": 3 };
const LAYER_BITS: Record<MpegLayer, number> = { 3: 1, 2: 2, 1: 3 };
const MODE_BITS: Record<ChannelMode, number> = { stereo: 0, "joint-stereo": 1, "dual-channel": 2, mono: 3 };

/** The 4 header bytes for a spec; searches the tables so the test states kbps and Hz. */
export function headerBytes(spec: FrameSpec): Uint8Array {
  for (let bitrateIndex = 1; bitrateIndex <= 14; bitrateIndex++) {
    for (let rateIndex = 0; rateIndex <= 2; rateIndex++) {
      const bytes = Uint8Array.of(
        0xff,
        0xe0 | (VERSION_BITS[spec.version] << 3) | (LAYER_BITS[spec.layer] << 1) | (spec.crc ? 0 : 1),
        (bitrateIndex << 4) | (rateIndex << 2) | (spec.padding ? 2 : 0),
        MODE_BITS[spec.channelMode ?? "stereo"] << 6,
      );
      const parsed = parseFrameHeader(bytes, 0);
      if (parsed?.bitrateKbps === spec.bitrateKbps && parsed.sampleRateHz === spec.sampleRateHz) return bytes;
    }
  }
  throw new Error(`no header for ${JSON.stringify(spec)}`);
}

/** One whole frame: header then zero payload, with `body` copied in after the header. */
export function frame(spec: FrameSpec, body: Uint8Array = new Uint8Array()): Uint8Array {
  const header = headerBytes(spec);
  const size = parseFrameHeader(header, 0)?.frameBytes ?? 0;
  const out = new Uint8Array(size);
  out.set(header, 0);
  out.set(body.subarray(0, Math.max(0, size - 4)), 4);
  return out;
}

export function frames(spec: FrameSpec, count: number): Uint8Array {
  const one = frame(spec);
  const out = new Uint8Array(one.length * count);
  for (let i = 0; i < count; i++) out.set(one, i * one.length);
  return out;
}

export function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

export function ascii(text: string): Uint8Array {
  return Uint8Array.from(text, (c) => c.charCodeAt(0));
}

export function uint32BE(n: number): Uint8Array {
  return Uint8Array.of((n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff);
}

/** An ID3v2 tag with `bodyBytes` zero bytes of frames/padding, optionally with a v2.4 footer. */
export function id3v2(bodyBytes: number, options: { footer?: boolean } = {}): Uint8Array {
  const syncsafe = [21, 14, 7, 0].map((shift) => (bodyBytes >> shift) & 0x7f);
  const header = Uint8Array.of(0x49, 0x44, 0x33, 4, 0, options.footer ? 0x10 : 0, ...syncsafe);
  const footer = options.footer ? Uint8Array.of(0x33, 0x44, 0x49, 4, 0, 0x10, ...syncsafe) : new Uint8Array();
  return concat(header, new Uint8Array(bodyBytes), footer);
}
