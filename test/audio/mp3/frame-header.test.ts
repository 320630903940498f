// Frame header decoding against known headers (taken from the ffmpeg fixtures) and the
// ISO frame-length formulas for every layer, plus every reserved field value rejected.

import { describe, expect, it } from "vitest";
import { parseFrameHeader } from "../../../src/audio/mp3/index.js";
import { headerBytes } from "./synthetic.js";

const at0 = (...bytes: number[]) => parseFrameHeader(Uint8Array.from(bytes), 0);

describe("parseFrameHeader", () => {
  it("decodes an MPEG-2 layer III 48 kbps 24000 Hz joint-stereo header (Amazon's format)", () => {
    expect(at0(0xff, 0xf3, 0x64, 0x64)).toEqual({
      version: "2",
      layer: 3,
      crcProtected: false,
      bitrateKbps: 48,
      sampleRateHz: 24000,
      padding: false,
      channelMode: "joint-stereo",
      frameBytes: 144,
      samples: 576,
    });
  });

  it("decodes MPEG-1 layer III 128 kbps 44100 Hz with padding", () => {
    const header = at0(0xff, 0xfb, 0x92, 0x64);
    expect(header).toMatchObject({ version: "1", layer: 3, bitrateKbps: 128, sampleRateHz: 44100, padding: true, samples: 1152 });
    expect(header?.frameBytes).toBe(418); // floor(144 * 128000 / 44100) + 1
  });

  it("decodes MPEG-2.5 mono 16 kbps 8000 Hz", () => {
    expect(at0(0xff, 0xe3, 0x28, 0xc4)).toMatchObject({ version: "2.5", layer: 3, bitrateKbps: 16, sampleRateHz: 8000, channelMode: "mono", frameBytes: 144 });
  });

  it.each([
    [{ version: "1", layer: 1, bitrateKbps: 448, sampleRateHz: 32000 }, 672, 384],
    [{ version: "1", layer: 2, bitrateKbps: 384, sampleRateHz: 48000 }, 1152, 1152],
    [{ version: "2", layer: 1, bitrateKbps: 256, sampleRateHz: 16000 }, 768, 384],
    [{ version: "2", layer: 2, bitrateKbps: 160, sampleRateHz: 22050 }, 1044, 1152],
    [{ version: "2.5", layer: 3, bitrateKbps: 8, sampleRateHz: 11025 }, 52, 576],
  ] as const)("frame length for %o is %i bytes, %i samples", (spec, bytes, samples) => {
    const header = parseFrameHeader(headerBytes(spec), 0);
    expect(header?.frameBytes).toBe(bytes);
    expect(header?.samples).toBe(samples);
  });

  it("adds one slot of padding (4 bytes for layer I)", () => {
    const plain = parseFrameHeader(headerBytes({ version: "1", layer: 1, bitrateKbps: 32, sampleRateHz: 44100 }), 0);
    const padded = parseFrameHeader(headerBytes({ version: "1", layer: 1, bitrateKbps: 32, sampleRateHz: 44100, padding: true }), 0);
    expect((padded?.frameBytes ?? 0) - (plain?.frameBytes ?? 0)).toBe(4);
  });

  it("reads the CRC flag", () => {
    expect(parseFrameHeader(headerBytes({ version: "2", layer: 3, bitrateKbps: 48, sampleRateHz: 24000, crc: true }), 0)?.crcProtected).toBe(true);
  });

  it.each([
    ["no sync", [0xff, 0x13, 0x64, 0x64]],
    ["reserved version", [0xff, 0xeb, 0x64, 0x64]],
    ["reserved layer", [0xff, 0xf1, 0x64, 0x64]],
    ["free-format bitrate", [0xff, 0xf3, 0x04, 0x64]],
    ["forbidden bitrate", [0xff, 0xf3, 0xf4, 0x64]],
    ["reserved sample rate", [0xff, 0xf3, 0x6c, 0x64]],
    ["reserved emphasis", [0xff, 0xf3, 0x64, 0x66]],
  ])("rejects %s", (_name, bytes) => {
    expect(at0(...bytes)).toBeNull();
  });

  it("returns null past the end or at a negative offset", () => {
    const bytes = Uint8Array.of(0xff, 0xf3, 0x64, 0x64);
    expect(parseFrameHeader(bytes, 1)).toBeNull();
    expect(parseFrameHeader(bytes, -1)).toBeNull();
    expect(parseFrameHeader(new Uint8Array(), 0)).toBeNull();
  });
});
