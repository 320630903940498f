// analyzeMp3 over the real ffmpeg fixtures (checked against what ffprobe reports) and over
// synthetic streams for each structural case: ID3v2 with footer, ID3v1 and APEv2 at the end,
// Xing and VBRI headers, junk before and between frames, false syncs, truncation, mixed streams.

import { describe, expect, it } from "vitest";
import { analyzeMp3, type Mp3Analysis, type Mp3Result } from "../../../src/audio/mp3/index.js";
import { mp3Fixture } from "../../fixtures/audio/mp3-fixtures.js";
import { ascii, concat, frame, frames, id3v2, SSML_OK, uint32BE } from "./synthetic.js";

function analysed(result: Mp3Result): Mp3Analysis {
  if (!result.ok) throw new Error(`expected an analysis, got ${result.error}`);
  return result;
}
const noteCodes = (a: Mp3Result) => a.notes.map((n) => n.code);

describe("analyzeMp3 on ffmpeg fixtures", () => {
  it("reads Amazon's format: MPEG-2 layer III, CBR 48 kbps, 24000 Hz, 66 frames of 24 ms", () => {
    const a = analysed(analyzeMp3(mp3Fixture("ssml-ok-24000.mp3")));
    expect(a).toMatchObject({ version: "2", layer: 3, sampleRateHz: 24000, channels: 2, frameCount: 66, vbrHeader: null, junkBytes: 0 });
    expect(a.bitrate).toEqual({ mode: "constant", kbps: 48 });
    expect(a.durationSeconds).toBeCloseTo(1.584, 6); // ffprobe: 00:00:01.58
    expect(a.notes).toEqual([]);
  });

  it("reads MPEG-1 128 kbps 44100 Hz", () => {
    const a = analysed(analyzeMp3(mp3Fixture("mpeg1-128k-44100.mp3")));
    expect(a).toMatchObject({ version: "1", layer: 3, sampleRateHz: 44100, frameCount: 40, bitrate: { mode: "constant", kbps: 128 } });
    expect(a.durationSeconds).toBeCloseTo((40 * 1152) / 44100, 9);
  });

  it("reads MPEG-2.5 mono", () => {
    expect(analyzeMp3(mp3Fixture("mpeg25-16k-8000.mp3"))).toMatchObject({ version: "2.5", sampleRateHz: 8000, channelMode: "mono", channels: 1 });
  });

  it("skips a leading ID3v2 tag and a trailing ID3v1 tag", () => {
    const a = analysed(analyzeMp3(mp3Fixture("id3v2-tagged.mp3")));
    expect(a.tags).toEqual({ id3v2Bytes: 72, id3v1: true, apeBytes: 0 });
    expect(a.firstFrameOffset).toBe(72);
    expect(a.frameCount).toBe(66);
    expect(a.notes).toEqual([]);
  });

  it("reads a Xing VBR header, excludes its frame, and profiles the bitrate", () => {
    const a = analysed(analyzeMp3(mp3Fixture("vbr-xing-24000.mp3")));
    expect(a.vbrHeader).toEqual({ kind: "xing", frames: 66, bytes: 11376 });
    expect(a.frameCount).toBe(66);
    expect(a.declaredDurationSeconds).toBeCloseTo(a.durationSeconds, 9);
    expect(a.bitrate).toMatchObject({ mode: "variable", minKbps: 8, maxKbps: 160 });
    expect(noteCodes(a)).toEqual(["vbr-header-present"]);
  });

  it("reads ffmpeg's CBR Info header (whose own frame is 64 kbps) without calling the stream VBR", () => {
    const a = analysed(analyzeMp3(mp3Fixture("cbr-info-24000.mp3")));
    expect(a.vbrHeader?.kind).toBe("info");
    expect(a.bitrate).toEqual({ mode: "constant", kbps: 48 });
    expect(a.channelMode).toBe("joint-stereo");
  });
});

describe("analyzeMp3 on synthetic streams", () => {
  it("times 10000 frames of 576 samples at 24000 Hz as exactly 240 s", () => {
    expect(analysed(analyzeMp3(frames(SSML_OK, 10000))).durationSeconds).toBe(240);
  });

  it("skips an ID3v2.4 tag with a footer (syncsafe size excludes header and footer)", () => {
    const a = analysed(analyzeMp3(concat(id3v2(300, { footer: true }), frames(SSML_OK, 5))));
    expect(a.tags.id3v2Bytes).toBe(320);
    expect(a.firstFrameOffset).toBe(320);
    expect(a.junkBytes).toBe(0);
  });

  it("skips two ID3v2 tags in a row and a trailing APEv2 tag with header", () => {
    const ape = concat(ascii("APETAGEX"), new Uint8Array(24), new Uint8Array(20));
    const footer = concat(ascii("APETAGEX"), Uint8Array.of(0xd0, 7, 0, 0), Uint8Array.of(52, 0, 0, 0), new Uint8Array(4), Uint8Array.of(0, 0, 0, 0x80), new Uint8Array(8));
    const a = analysed(analyzeMp3(concat(id3v2(10), id3v2(20), frames(SSML_OK, 4), ape, footer)));
    expect(a.tags).toEqual({ id3v2Bytes: 50, id3v1: false, apeBytes: 84 });
    expect(a.frameCount).toBe(4);
    expect(a.junkBytes).toBe(0);
  });

  it("notes a malformed ID3v2 size and still finds the frames", () => {
    const tag = Uint8Array.of(0x49, 0x44, 0x33, 3, 0, 0, 0x80, 0, 0, 0);
    const a = analysed(analyzeMp3(concat(tag, frames(SSML_OK, 3))));
    expect(noteCodes(a)).toContain("malformed-id3v2");
    expect(a.frameCount).toBe(3);
  });

  it("fails cleanly when an ID3v2 tag claims more bytes than the file has", () => {
    const result = analyzeMp3(concat(id3v2(100).subarray(0, 50), frames(SSML_OK, 3)).subarray(0, 60));
    expect(result).toMatchObject({ ok: false, error: "no-mpeg-frames" });
    expect(noteCodes(result)).toContain("truncated-id3v2");
  });

  it("ignores a lone false sync in junk before the audio and counts the junk", () => {
    const junk = concat(Uint8Array.of(1, 2, 3), frame(SSML_OK).subarray(0, 4), new Uint8Array(7));
    const a = analysed(analyzeMp3(concat(junk, frames(SSML_OK, 3))));
    expect(a.firstFrameOffset).toBe(junk.length);
    expect(a.junkBytes).toBe(junk.length);
    expect(noteCodes(a)).toContain("junk-before-audio");
  });

  it("resynchronises after junk between frames", () => {
    const a = analysed(analyzeMp3(concat(frames(SSML_OK, 3), new Uint8Array(50).fill(0x11), frames(SSML_OK, 3))));
    expect(a.frameCount).toBe(6);
    expect(a.junkBytes).toBe(50);
    expect(noteCodes(a)).toEqual(["junk-between-frames"]);
  });

  it("treats two frames between junk as junk: locking on needs three in a row", () => {
    const junk = new Uint8Array(9).fill(0x22);
    const a = analysed(analyzeMp3(concat(junk, frames(SSML_OK, 2), junk, frames(SSML_OK, 3))));
    expect(a.frameCount).toBe(3);
    expect(a.junkBytes).toBe(18 + 2 * 144);
    expect(analysed(analyzeMp3(concat(junk, frames(SSML_OK, 2), junk, frames(SSML_OK, 3)), { lockFrames: 2 })).frameCount).toBe(5);
  });

  it("notes a truncated final frame without counting it", () => {
    const a = analysed(analyzeMp3(concat(frames(SSML_OK, 4), frame(SSML_OK).subarray(0, 40))));
    expect(a.frameCount).toBe(4);
    expect(noteCodes(a)).toEqual(["truncated-final-frame"]);
  });

  it("accepts a single frame that ends exactly at the end of the file", () => {
    expect(analysed(analyzeMp3(frame(SSML_OK))).frameCount).toBe(1);
  });

  it("flags a stream whose parameters change partway", () => {
    const mpeg1 = { version: "1", layer: 3, bitrateKbps: 128, sampleRateHz: 44100 } as const;
    const a = analysed(analyzeMp3(concat(frames(SSML_OK, 3), frames(mpeg1, 3))));
    expect(a.mixedStream).toBe(true);
    expect(a.frameCount).toBe(6);
    expect(a.durationSeconds).toBeCloseTo((3 * 576) / 24000 + (3 * 1152) / 44100, 9);
    expect(noteCodes(a)).toContain("stream-parameters-changed");
  });

  it("reads a VBRI header and notes when its frame count disagrees with the frames present", () => {
    const mpeg1 = { version: "1", layer: 3, bitrateKbps: 128, sampleRateHz: 44100 } as const;
    const vbri = concat(new Uint8Array(32), ascii("VBRI"), Uint8Array.of(0, 1, 0, 0, 0, 50), uint32BE(9999), uint32BE(500));
    const a = analysed(analyzeMp3(concat(frame(mpeg1, vbri), frames(mpeg1, 10))));
    expect(a.vbrHeader).toEqual({ kind: "vbri", bytes: 9999, frames: 500 });
    expect(a.frameCount).toBe(10);
    expect(a.declaredDurationSeconds).toBeCloseTo((500 * 1152) / 44100, 9);
    expect(noteCodes(a)).toContain("vbr-header-frame-count-mismatch");
  });

  it("finds a Xing header after the CRC and mono side info", () => {
    const spec = { ...SSML_OK, channelMode: "mono", crc: true } as const;
    const xing = concat(new Uint8Array(2 + 9), ascii("Xing"), uint32BE(3), uint32BE(2), uint32BE(1234));
    const a = analysed(analyzeMp3(concat(frame(spec, xing), frames(spec, 2))));
    expect(a.vbrHeader).toEqual({ kind: "xing", frames: 2, bytes: 1234 });
    expect(a.frameCount).toBe(2);
  });

  it("returns typed failures for empty input and non-audio", () => {
    expect(analyzeMp3(new Uint8Array())).toMatchObject({ ok: false, error: "empty" });
    expect(analyzeMp3(ascii("<html>not audio</html>"))).toMatchObject({ ok: false, error: "no-mpeg-frames" });
  });
});
