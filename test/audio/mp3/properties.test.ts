// Property tests: analyzeMp3 and checkAlexaAudio never throw on arbitrary bytes, on byte soup
// rich in sync and tag patterns, or on mutated real fixtures; their numbers stay finite and
// consistent; and for generated streams with junk in between, every frame is found and timed.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyzeMp3, checkAlexaAudio, type Mp3Result } from "../../../src/audio/mp3/index.js";
import { MP3_FIXTURES_BASE64, mp3Fixture, type Mp3FixtureName } from "../../fixtures/audio/mp3-fixtures.js";
import { concat, frame, type FrameSpec } from "./synthetic.js";

function assertSane(bytes: Uint8Array, result: Mp3Result): void {
  if (!result.ok) return;
  expect(Number.isFinite(result.durationSeconds)).toBe(true);
  expect(result.durationSeconds).toBeGreaterThanOrEqual(0);
  expect(Number.isInteger(result.frameCount) && result.frameCount >= 0).toBe(true);
  expect(result.firstFrameOffset).toBeLessThan(bytes.length);
  expect(result.junkBytes).toBeGreaterThanOrEqual(0);
  expect(result.audioBytes).toBeLessThanOrEqual(bytes.length);
  if (result.declaredDurationSeconds !== null) expect(Number.isFinite(result.declaredDurationSeconds)).toBe(true);
  const kbps = result.bitrate.mode === "constant" ? [result.bitrate.kbps] : [result.bitrate.minKbps, result.bitrate.averageKbps, result.bitrate.maxKbps];
  for (const value of kbps) expect(Number.isFinite(value)).toBe(true);
}

function checkEverything(bytes: Uint8Array): void {
  assertSane(bytes, analyzeMp3(bytes));
  assertSane(bytes, analyzeMp3(bytes, { lockFrames: 1 }));
  for (const target of ["ssml", "audio-player"] as const) {
    const result = checkAlexaAudio(bytes, target);
    expect(result.ok).toBe(result.violations.length === 0);
  }
}

/** Bytes that make headers, tags and VBR markers likely: sync bytes, "ID3", "TAG", "Xing"... */
const interestingByte = fc.oneof(
  fc.integer({ min: 0, max: 255 }),
  fc.constantFrom(0xff, 0xfb, 0xf3, 0xe3, 0xfd, 0x64, 0x90, 0x44, 0x49, 0x33, 0x54, 0x41, 0x47, 0x58, 0x00, 0x80),
);
const byteSoup = fc.array(interestingByte, { maxLength: 3000 }).map((a) => Uint8Array.from(a));

describe("never throws", () => {
  it("on arbitrary bytes", () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 4096 }), checkEverything), { numRuns: 400 });
  });

  it("on byte soup rich in sync and tag patterns", () => {
    fc.assert(fc.property(byteSoup, checkEverything), { numRuns: 400 });
  });

  const mutation = fc.oneof(
    fc.record({ kind: fc.constant("set" as const), at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }),
    fc.record({ kind: fc.constant("cut" as const), at: fc.nat(), length: fc.integer({ min: 1, max: 600 }) }),
    fc.record({ kind: fc.constant("insert" as const), at: fc.nat(), bytes: fc.uint8Array({ maxLength: 300 }) }),
    fc.record({ kind: fc.constant("truncate" as const), at: fc.nat() }),
  );

  it("on mutated real fixtures", () => {
    const names = Object.keys(MP3_FIXTURES_BASE64) as Mp3FixtureName[];
    fc.assert(
      fc.property(fc.constantFrom(...names), fc.array(mutation, { minLength: 1, maxLength: 8 }), (name, mutations) => {
        let bytes = mp3Fixture(name);
        for (const m of mutations) {
          const at = bytes.length === 0 ? 0 : m.at % bytes.length;
          if (m.kind === "set") bytes[at] = m.value;
          else if (m.kind === "cut") bytes = concat(bytes.subarray(0, at), bytes.subarray(at + m.length));
          else if (m.kind === "insert") bytes = concat(bytes.subarray(0, at), m.bytes, bytes.subarray(at));
          else bytes = bytes.slice(0, at);
        }
        checkEverything(bytes);
      }),
      { numRuns: 300 },
    );
  });
});

describe("finds every frame", () => {
  const specs: FrameSpec[] = [
    { version: "2", layer: 3, bitrateKbps: 48, sampleRateHz: 24000 },
    { version: "1", layer: 3, bitrateKbps: 320, sampleRateHz: 48000, channelMode: "mono" },
    { version: "2.5", layer: 3, bitrateKbps: 8, sampleRateHz: 8000 },
    { version: "1", layer: 1, bitrateKbps: 32, sampleRateHz: 44100 },
    { version: "2", layer: 2, bitrateKbps: 160, sampleRateHz: 16000, crc: true },
  ];
  // Junk below 0x41 holds no sync byte and no "ID3"/"TAG"/"APETAGEX", so it cannot fake structure.
  const junk = fc.uint8Array({ max: 0x40, maxLength: 40 });

  // Each run of frames is at least 3 long (the lock-on length), except the last, which ends
  // the file and so needs no confirmation.
  const frameRun = fc.record({ junk, frames: fc.array(fc.record({ padding: fc.boolean(), bitrateStep: fc.boolean() }), { minLength: 3, maxLength: 8 }) });
  const lastRun = fc.record({ junk, frames: fc.array(fc.record({ padding: fc.boolean(), bitrateStep: fc.boolean() }), { minLength: 1, maxLength: 8 }) });

  it("in streams of one format with padding, bitrate changes and junk between runs of frames", () => {
    fc.assert(
      fc.property(fc.constantFrom(...specs), fc.array(frameRun, { maxLength: 6 }), lastRun, (spec, runs, last) => {
        const plan = [...runs, last];
        const bitrateFor = (step: boolean) => (step && spec.layer === 3 && spec.version !== "1" ? 64 : spec.bitrateKbps);
        const parts = plan.flatMap((run) => [run.junk, ...run.frames.map((f) => frame({ ...spec, bitrateKbps: bitrateFor(f.bitrateStep), padding: f.padding }))]);
        const result = analyzeMp3(concat(...parts));
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        const frameTotal = plan.reduce((n, run) => n + run.frames.length, 0);
        expect(result.frameCount).toBe(frameTotal);
        expect(result.junkBytes).toBe(plan.reduce((n, run) => n + run.junk.length, 0));
        const samples = spec.layer === 1 ? 384 : spec.layer === 2 || spec.version === "1" ? 1152 : 576;
        expect(result.durationSeconds).toBeCloseTo((frameTotal * samples) / spec.sampleRateHz, 9);
      }),
      { numRuns: 200 },
    );
  });
});
