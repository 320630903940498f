/**
 * The floor work (issue 13) cut bookkeeping from the warm path; none of it may
 * change an outcome. The timestamp parser that reads fields at fixed places
 * agrees with the capture-group parser it replaced on every input; the
 * day count agrees with `Date.UTC`; signatures carved from a `ByteSlab` never
 * share bytes; a signature check whose WebCrypto throws synchronously still
 * rejects with `bad-signature`; a chain this verifier holds (the synchronous
 * hit) is still refused outside its dates at each request's clock; and the
 * one-call `verifyAlexaPayload` rejects, never throws, on bad options.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createDevSigningKit, getSharedDevSigningKit } from "../../src/devkit/index.js";
import { createKitChainFetch } from "../../src/devkit/index.js";
import { createAlexaVerifier } from "../../src/verify/create-verifier.js";
import { AlexaVerificationError } from "../../src/verify/errors.js";
import { ByteSlab, readSignatureHeader, requireValidSignature } from "../../src/verify/signature.js";
import { daysInMonth, parseAlexaTimestamp } from "../../src/verify/timestamp.js";
import { verifyAlexaPayload } from "../../src/verify/verify-request.js";
import { devKit, envelopeAt, signedRequest } from "./helpers/dev-requests.js";
import { expectRejection } from "./helpers/requests.js";

const HOUR = 3_600_000;

/** The parser before the cut (capture groups, `Date.UTC` for the day count), kept as the reference. */
function referenceParse(text: unknown): number {
  if (typeof text !== "string") return NaN;
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d{1,9})?(?:Z|[+-](\d{2}):(\d{2}))$/.exec(text);
  if (match === null) return NaN;
  const [year, month, day, hour, minute, second, offsetHours = 0, offsetMinutes = 0] = match.slice(1).map((part) => (part === undefined ? undefined : Number(part)));
  if (year === undefined || month === undefined || day === undefined) return NaN;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const inRange =
    month >= 1 && month <= 12 && day >= 1 && day <= days &&
    (hour ?? 99) <= 23 && (minute ?? 99) <= 59 && (second ?? 99) <= 59 && offsetHours <= 23 && offsetMinutes <= 59;
  return inRange ? Date.parse(text) : NaN;
}

const two = (max: number) => fc.integer({ min: 0, max }).map((n) => String(n).padStart(2, "0"));
const timestampText = fc
  .tuple(
    fc.integer({ min: 0, max: 9999 }).map((n) => String(n).padStart(4, "0")),
    two(14), two(33), two(26), two(61), two(61),
    fc.option(fc.stringMatching(/^\.\d{1,10}$/), { nil: "" }),
    fc.constantFrom("Z", "+", "-", "z", ""),
    two(25), two(61),
  )
  .map(([y, mo, d, h, mi, s, fraction, zone, oh, om]) => `${y}-${mo}-${d}T${h}:${mi}:${s}${fraction}${zone === "+" || zone === "-" ? `${zone}${oh}:${om}` : zone}`);

describe("timestamp parser at fixed places", () => {
  it("agrees with the capture-group parser on generated and mangled date-times", () => {
    fc.assert(
      fc.property(timestampText, (text) => Object.is(parseAlexaTimestamp(text), referenceParse(text))),
      { numRuns: 5000 },
    );
    fc.assert(
      fc.property(timestampText, fc.nat(30), fc.string({ maxLength: 2 }), (text, at, insert) => {
        const mangled = text.slice(0, at) + insert + text.slice(at + insert.length);
        return Object.is(parseAlexaTimestamp(mangled), referenceParse(mangled));
      }),
      { numRuns: 5000 },
    );
    for (const text of ["2024-02-29T23:59:59Z", "1900-02-29T00:00:00Z", "0000-02-29T00:00:00Z", "2026-06-01T10:00:00+23:59", "2026-06-01T10:00:00+24:00", "٢٠٢٦-06-01T10:00:00Z", 42, null]) {
      expect(Object.is(parseAlexaTimestamp(text), referenceParse(text))).toBe(true);
    }
  });

  it("counts the days of every month of years 0-9999 as Date.UTC does", () => {
    for (let year = 0; year <= 9999; year++) {
      for (let month = 1; month <= 12; month++) {
        if (daysInMonth(year, month) !== new Date(Date.UTC(year, month, 0)).getUTCDate()) throw new Error(`${year}-${month}`);
      }
    }
  });
});

describe("signature bytes from a ByteSlab", () => {
  it("decodes exactly what a fresh array would, and no two signatures share a byte, across slab refills", () => {
    const slab = new ByteSlab();
    const seen: Uint8Array[] = [];
    for (let i = 0; i < 200; i++) {
      const bytes = crypto.getRandomValues(new Uint8Array(256));
      const header = btoa(String.fromCharCode(...bytes));
      const signature = readSignatureHeader(new Headers({ "Signature-256": header }), false, slab);
      expect(signature.bytes).toEqual(bytes);
      seen.push(signature.bytes);
    }
    for (const [i, a] of seen.entries()) {
      for (const b of seen.slice(i + 1)) {
        const apart = a.buffer !== b.buffer || a.byteOffset + a.length <= b.byteOffset || b.byteOffset + b.length <= a.byteOffset;
        expect(apart).toBe(true);
      }
    }
    expect(() => readSignatureHeader(new Headers({ "Signature-256": "A===" }), false, slab)).toThrow(AlexaVerificationError);
  });
});

describe("signature check without an async wrapper", () => {
  it("a WebCrypto that throws synchronously still rejects with bad-signature", async () => {
    const throwing = { verify: () => { throw new Error("boom"); } } as unknown as SubtleCrypto;
    const signature = { algorithm: "SHA-256" as const, bytes: new Uint8Array(256) };
    const outcome = requireValidSignature({} as CryptoKey, signature, new Uint8Array(1), throwing);
    await expectRejection(outcome, "bad-signature");
  });
});

describe("the synchronous hit on a chain this verifier holds", () => {
  it("is refused outside the chain's dates at each request's own clock, without refetching", async () => {
    const { clock } = await devKit();
    const shared = await getSharedDevSigningKit();
    const kit = await createDevSigningKit({
      now: clock,
      chainUrl: `https://s3.amazonaws.com/echo.api/warm-path-cuts-${clock}.pem`,
      ...(shared.keyPairs ? { keyPairs: shared.keyPairs } : {}),
      leaf: { notBefore: clock - HOUR, notAfter: clock + HOUR },
    });
    let calls = 0;
    const serve = createKitChainFetch(kit);
    let now = clock;
    const verifier = createAlexaVerifier({ trustAnchors: kit.anchorsPem, now: () => now, fetch: (url, init) => (calls++, serve(url, init)) });
    const at = async (ms: number) => {
      now = ms;
      return verifier.verify(await signedRequest(kit, envelopeAt(ms)));
    };
    await at(clock);
    await expectRejection(at(clock + HOUR + 60_000), "cert-expired");
    await expectRejection(at(clock - HOUR - 60_000), "cert-not-yet-valid");
    await at(clock + 60_000);
    expect(calls).toBe(1);
  });
});

describe("verifyAlexaPayload", () => {
  it("rejects on bad options instead of throwing synchronously", async () => {
    let outcome: Promise<unknown> | undefined;
    expect(() => {
      outcome = verifyAlexaPayload(new Headers(), new Uint8Array(), { toleranceSeconds: 500 });
    }).not.toThrow();
    await expect(outcome).rejects.toThrow(RangeError);
  });
});
