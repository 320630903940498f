// checkAlexaAudio: each SSML and AudioPlayer rule, one violation per broken rule with a
// message that names the value, the requirement and Amazon's conversion command; the 240 s
// limit on a synthetic 241 s file; and the non-MP3 formats AudioPlayer accepts or rejects.

import { describe, expect, it } from "vitest";
import { AMAZON_SSML_CONVERT_COMMAND, checkAlexaAudio } from "../../../src/audio/mp3/index.js";
import { mp3Fixture, type Mp3FixtureName } from "../../fixtures/audio/mp3-fixtures.js";
import { ascii, concat, frames, SSML_OK } from "./synthetic.js";

const codes = (bytes: Uint8Array, target: "ssml" | "audio-player") =>
  checkAlexaAudio(bytes, target).violations.map((v) => v.code);

describe("SSML <audio> rules", () => {
  it.each<Mp3FixtureName>(["ssml-ok-24000.mp3", "ssml-ok-22050.mp3", "id3v2-tagged.mp3", "cbr-info-24000.mp3"])("%s passes", (name) => {
    const result = checkAlexaAudio(mp3Fixture(name), "ssml");
    expect(result).toMatchObject({ ok: true, format: "mp3", violations: [] });
  });

  it("notes an Info header without failing the file", () => {
    expect(checkAlexaAudio(mp3Fixture("cbr-info-24000.mp3"), "ssml").notes.join()).toContain("-write_xing 0");
  });

  it("reports every broken rule of a 128 kbps 44.1 kHz MPEG-1 file, with the fix", () => {
    const result = checkAlexaAudio(mp3Fixture("mpeg1-128k-44100.mp3"), "ssml");
    expect(result.ok).toBe(false);
    expect(result.violations.map((v) => v.code)).toEqual(["not-mpeg-2", "bitrate-not-48-kbps", "sample-rate-not-allowed"]);
    const bitrate = result.violations[1]?.message;
    expect(bitrate).toBe(`bitrate is 128 kbps; Alexa SSML audio must be 48 kbps (convert: ${AMAZON_SSML_CONVERT_COMMAND})`);
    expect(AMAZON_SSML_CONVERT_COMMAND).toBe("ffmpeg -i in -ac 2 -codec:a libmp3lame -b:a 48k -ar 24000 -write_xing 0 out.mp3");
    expect(result.violations[2]?.message).toContain("sample rate is 44100 Hz");
  });

  it("rejects VBR with one variable-bitrate violation", () => {
    const result = checkAlexaAudio(mp3Fixture("vbr-xing-24000.mp3"), "ssml");
    expect(result.violations.map((v) => v.code)).toEqual(["variable-bitrate"]);
    expect(result.violations[0]?.message).toMatch(/varies from 8 to 160 kbps/);
  });

  it("rejects MPEG-2.5 8000 Hz", () => {
    expect(codes(mp3Fixture("mpeg25-16k-8000.mp3"), "ssml")).toEqual(["not-mpeg-2", "bitrate-not-48-kbps", "sample-rate-not-allowed"]);
  });

  it("accepts exactly 240 s and rejects 241 s (synthetic frames)", () => {
    expect(checkAlexaAudio(frames(SSML_OK, 10000), "ssml").ok).toBe(true);
    const long = checkAlexaAudio(frames(SSML_OK, 10042), "ssml");
    expect(long.violations.map((v) => v.code)).toEqual(["longer-than-240-seconds"]);
    expect(long.violations[0]?.message).toMatch(/^duration is 241\.0 s/);
  });

  it("rejects layer II and a stream that changes format", () => {
    expect(codes(frames({ version: "2", layer: 2, bitrateKbps: 48, sampleRateHz: 24000 }, 3), "ssml")).toEqual(["not-layer-3"]);
    const mixed = concat(frames(SSML_OK, 3), frames({ ...SSML_OK, sampleRateHz: 16000 }, 3));
    expect(codes(mixed, "ssml")).toEqual(["mixed-stream"]);
  });

  it.each([
    ["mp4", concat(Uint8Array.of(0, 0, 0, 24), ascii("ftypM4A "), new Uint8Array(16))],
    ["hls", ascii("#EXTM3U\n#EXT-X-VERSION:3\n#EXTINF:10,\nseg1.ts\n")],
    ["wav", concat(ascii("RIFF"), new Uint8Array(4), ascii("WAVEfmt "))],
  ])("rejects %s as not MP3", (format, bytes) => {
    const result = checkAlexaAudio(bytes, "ssml");
    expect(result).toMatchObject({ ok: false, format, analysis: null });
    expect(result.violations.map((v) => v.code)).toEqual(["not-mp3"]);
  });

  it("returns typed violations for empty and unrecognised input", () => {
    expect(codes(new Uint8Array(), "ssml")).toEqual(["empty-file"]);
    expect(codes(ascii("hello world, definitely not audio"), "ssml")).toEqual(["no-mpeg-frames"]);
  });
});

describe("AudioPlayer rules", () => {
  it.each<Mp3FixtureName>(["mpeg1-128k-44100.mp3", "vbr-xing-24000.mp3", "mpeg25-16k-8000.mp3", "ssml-ok-24000.mp3"])("%s passes", (name) => {
    expect(checkAlexaAudio(mp3Fixture(name), "audio-player")).toMatchObject({ ok: true, violations: [] });
  });

  it("rejects 8 kbps and names the range", () => {
    const result = checkAlexaAudio(frames({ version: "2", layer: 3, bitrateKbps: 8, sampleRateHz: 16000 }, 5), "audio-player");
    expect(result.violations.map((v) => v.code)).toEqual(["bitrate-out-of-range"]);
    expect(result.violations[0]?.message).toMatch(/^bitrate is 8 kbps; Alexa AudioPlayer needs 16-384 kbps/);
  });

  it("has no duration limit", () => {
    expect(checkAlexaAudio(frames(SSML_OK, 10042), "audio-player").ok).toBe(true);
  });

  it.each([
    ["mp4", concat(Uint8Array.of(0, 0, 0, 24), ascii("ftypisom"), new Uint8Array(16))],
    ["aac-adts", Uint8Array.of(0xff, 0xf1, 0x50, 0x80, 0x02, 0x1f, 0xfc)],
    ["hls", ascii("#EXTM3U\n#EXT-X-TARGETDURATION:10\n")],
    ["m3u", ascii("https://audio.example.com/a.mp3\n")],
    ["pls", ascii("[playlist]\nFile1=https://audio.example.com/a.mp3\n")],
  ])("accepts %s with a note saying what was not checked", (format, bytes) => {
    const result = checkAlexaAudio(bytes, "audio-player");
    expect(result).toMatchObject({ ok: true, format, violations: [] });
    expect(result.notes[0]).toMatch(/not checked/);
  });

  it.each([
    ["ogg", ascii("OggS\0\x02")],
    ["flac", ascii("fLaC\0\0\0\x22")],
  ])("rejects %s as unsupported", (format, bytes) => {
    expect(checkAlexaAudio(bytes, "audio-player")).toMatchObject({ ok: false, format, violations: [{ code: "unsupported-format" }] });
  });
});
