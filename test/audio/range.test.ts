// decideRange: each RFC 9110 range form, the cases served whole, and properties over
// arbitrary headers (never throws, partial ranges always inside the object).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { contentRange, decideRange, unsatisfiedContentRange } from "../../src/audio/range.js";

describe("decideRange", () => {
  it.each([
    ["bytes=0-99", 1000, { kind: "partial", start: 0, end: 99 }],
    ["bytes=100-", 1000, { kind: "partial", start: 100, end: 999 }],
    ["bytes=-100", 1000, { kind: "partial", start: 900, end: 999 }],
    ["bytes=-5000", 1000, { kind: "partial", start: 0, end: 999 }],
    ["bytes=990-5000", 1000, { kind: "partial", start: 990, end: 999 }],
    ["bytes=999-999", 1000, { kind: "partial", start: 999, end: 999 }],
    ["BYTES=1-2", 1000, { kind: "partial", start: 1, end: 2 }],
    [" bytes=1-2 ", 1000, { kind: "partial", start: 1, end: 2 }],
    ["bytes=1-2,", 1000, { kind: "partial", start: 1, end: 2 }],
    ["bytes=0-99999999999999999999999", 10, { kind: "partial", start: 0, end: 9 }],
  ] as const)("%s of %i bytes is a partial range", (header, size, expected) => {
    expect(decideRange(header, size)).toEqual(expected);
  });

  it.each([
    ["bytes=1000-", 1000],
    ["bytes=1000-1001", 1000],
    ["bytes=-0", 1000],
    ["bytes=0-", 0],
    ["bytes=-1", 0],
    ["bytes=99999999999999999999999-", 10],
  ])("%s of %i bytes is unsatisfiable", (header, size) => {
    expect(decideRange(header, size)).toEqual({ kind: "unsatisfiable" });
  });

  it.each([
    "bytes=",
    "bytes=abc",
    "bytes=5-1",
    "bytes=1--2",
    "bytes=-",
    "bytes=1-2-3",
    "bytes=0x10-",
    "bytes=+1-2",
    "bytes = 1-2",
    "bytes=1-2,oops",
    "0-99",
    "",
  ])("%j is malformed and ignored", (header) => {
    expect(decideRange(header, 1000)).toEqual({ kind: "ignored", reason: "malformed" });
  });

  it("ignores other units and multiple ranges (served whole)", () => {
    expect(decideRange("items=0-5", 1000)).toEqual({ kind: "ignored", reason: "unknown-unit" });
    expect(decideRange("bytes=0-1,5-9", 1000)).toEqual({
      kind: "ignored",
      reason: "multiple-ranges",
    });
    expect(decideRange("bytes=0-1, -5", 1000)).toEqual({
      kind: "ignored",
      reason: "multiple-ranges",
    });
  });

  it("treats an over-long header as malformed", () => {
    expect(decideRange(`bytes=0-1${" ".repeat(2000)}`, 1000)).toEqual({
      kind: "ignored",
      reason: "malformed",
    });
  });

  it("reports a missing header as absent", () => {
    expect(decideRange(null, 1000)).toEqual({ kind: "absent" });
  });

  it("formats Content-Range values", () => {
    expect(contentRange(0, 99, 1000)).toBe("bytes 0-99/1000");
    expect(unsatisfiedContentRange(1000)).toBe("bytes */1000");
  });
});

describe("decideRange properties", () => {
  const size = fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER });
  const rangeLike = fc.oneof(
    fc.string(),
    fc.string({ unit: fc.constantFrom("b", "y", "t", "e", "s", "=", "-", ",", " ", "0", "1", "9") }),
    fc
      .tuple(fc.option(fc.bigInt({ min: 0n, max: 10n ** 25n })), fc.option(fc.bigInt({ min: 0n, max: 10n ** 25n })))
      .map(([a, b]) => `bytes=${a ?? ""}-${b ?? ""}`),
  );

  it("never throws and keeps partial ranges inside the object", () => {
    fc.assert(
      fc.property(rangeLike, size, (header, objectSize) => {
        const decision = decideRange(header, objectSize);
        if (decision.kind === "partial") {
          expect(Number.isSafeInteger(decision.start)).toBe(true);
          expect(Number.isSafeInteger(decision.end)).toBe(true);
          expect(decision.start).toBeGreaterThanOrEqual(0);
          expect(decision.end).toBeGreaterThanOrEqual(decision.start);
          expect(decision.end).toBeLessThan(objectSize);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("honours every well-formed first-last range exactly as RFC 9110 defines", () => {
    fc.assert(
      fc.property(fc.nat(100_000), fc.nat(100_000), fc.integer({ min: 1, max: 100_000 }), (a, b, s) => {
        const [first, last] = a <= b ? [a, b] : [b, a];
        const decision = decideRange(`bytes=${first}-${last}`, s);
        if (first >= s) expect(decision).toEqual({ kind: "unsatisfiable" });
        else expect(decision).toEqual({ kind: "partial", start: first, end: Math.min(last, s - 1) });
      }),
    );
  });

  it("honours every suffix range", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 1, max: 100_000 }), (n, s) => {
        expect(decideRange(`bytes=-${n}`, s)).toEqual({
          kind: "partial",
          start: Math.max(0, s - n),
          end: s - 1,
        });
      }),
    );
  });
});
