/**
 * Builds and validates the certification path from the signing certificate to
 * a trusted anchor. Amazon serves leaf, intermediate, then cross-signed roots
 * (Amazon Root CA 1 signed by Starfield Services G2, itself signed by Starfield
 * Class 2). Handed the whole file, pkijs follows those cross-signatures into a
 * dead end and rejects the chain, so we walk up in served order ourselves and
 * stop at the first certificate whose issuer is a trusted anchor (same subject
 * name, and the anchor's key verifies the signature). Only that prefix goes to
 * pkijs `CertificateChainValidationEngine` (leaf last, anchor as the only
 * trusted certificate, the request's clock, our crypto engine), which checks
 * signatures, name chaining, dates and CA flags along it. Every certificate on
 * the path, anchor included, must be valid at `nowMs`; the result carries the
 * intersection of their windows for the cache. The served certificates are
 * taken one at a time, so a lazily parsed chain is parsed only up to the
 * anchor. The signature that identified the anchor is not computed twice:
 * pkijs gets an engine that answers `true` for exactly that check (the same
 * certificate objects, already verified by the same engine in this call).
 * Names are matched by their DER bytes first (RFC 5280 4.1.2.6: a CA's
 * subject is encoded in the issuer field of what it signs exactly as in its
 * own certificate), which builds only the anchor the chain names and skips
 * pkijs's string-prepared, locale-compared name equality (slow on a fresh
 * isolate's cold code). Only when that finds no anchor is the walk repeated
 * with pkijs's equality against every anchor, as before: a chain whose names
 * are encoded differently is still accepted or refused exactly as it was.
 * pkijs's chain engine compares names too (issuer search, name chaining); the
 * certificates it gets answer byte-equal names from the bytes and leave every
 * other pair to pkijs's equality (`withByteEqualNames`), so a chain like
 * Amazon's never starts ICU's collator.
 */
import * as pkijs from "pkijs";
import { bytesEqual } from "../shared/bytes.js";
import { fail } from "./errors.js";
import { isCertificateAuthority } from "./leaf-checks.js";
import type { TrustAnchorSet } from "./trust-anchors.js";
import { intersectWindows, requireValidAt, validityOf, type ValidityWindow } from "./validity.js";

export interface ValidatedPath {
  /** Leaf first, then each issuer up to (not including) the anchor. */
  readonly path: readonly pkijs.Certificate[];
  readonly anchor: pkijs.Certificate;
  /** When every certificate of path and anchor is valid. */
  readonly window: ValidityWindow;
}

/** A loaded anchor set, or plain certificates (compared name by name, as pkijs does). */
export type Anchors = TrustAnchorSet | readonly pkijs.Certificate[];

export async function validateChainPath(
  served: Iterable<pkijs.Certificate>,
  anchors: Anchors,
  nowMs: number,
  engine: pkijs.ICryptoEngine,
): Promise<ValidatedPath> {
  const remembering = rememberPassedSignatures(engine);
  const { path, anchor } = await findPathToAnchor(served, anchors, remembering);
  const onPath = [...path, anchor];
  onPath.forEach((certificate, index) => requireValidAt(validityOf(certificate), nowMs, describe(certificate, index, path.length)));
  await runPkijs(path, anchor, nowMs, remembering);
  return { path, anchor, window: intersectWindows(onPath.map(validityOf)) };
}

/** Walks the served chain from the leaf until an anchor issues the current certificate. */
export async function findPathToAnchor(
  served: Iterable<pkijs.Certificate>,
  anchors: Anchors,
  engine: pkijs.ICryptoEngine,
): Promise<{ path: pkijs.Certificate[]; anchor: pkijs.Certificate }> {
  const replayable = replayableOnce(served);
  if (!Array.isArray(anchors)) {
    const set = anchors as TrustAnchorSet;
    const byBytes = (certificate: pkijs.Certificate) => set.named(new Uint8Array(certificate.issuer.valueBeforeDecode));
    const found = await walk(replayable(), byBytes, engine, "give-up");
    if (found !== undefined) return found;
  }
  const all = Array.isArray(anchors) ? (anchors as readonly pkijs.Certificate[]) : (anchors as TrustAnchorSet).certificates;
  const byName = (certificate: pkijs.Certificate) => all.filter((anchor) => anchor.subject.isEqual(certificate.issuer));
  const found = await walk(replayable(), byName, engine, "reject");
  return found ?? fail("chain-untrusted", `no trusted anchor issues any of the ${[...replayable()].length} served certificates`);
}

/**
 * One walk up the served chain with a way of finding anchors for a certificate. A link that
 * does not chain is a rejection in the walk that decides ("reject"); the byte-matching walk
 * only gives up ("give-up"), so the name-by-name walk decides exactly as it always did.
 */
async function walk(
  served: Iterable<pkijs.Certificate>,
  candidates: (certificate: pkijs.Certificate) => readonly pkijs.Certificate[],
  engine: pkijs.ICryptoEngine,
  onBrokenLink: "reject" | "give-up",
): Promise<{ path: pkijs.Certificate[]; anchor: pkijs.Certificate } | undefined> {
  const path: pkijs.Certificate[] = [];
  let index = -1;
  for (const certificate of served) {
    index++;
    const previous = path[path.length - 1];
    if (previous !== undefined) {
      const broken = !sameName(previous.issuer, certificate.subject)
        ? `certificate ${index} does not name the issuer of certificate ${index - 1}`
        : !isCertificateAuthority(certificate)
          ? `certificate ${index} is not a CA`
          : undefined;
      if (broken !== undefined) return onBrokenLink === "reject" ? fail("chain-untrusted", broken) : undefined;
    }
    path.push(certificate);
    const anchor = await findIssuingAnchor(certificate, candidates(certificate), engine);
    if (anchor !== undefined) return { path, anchor };
  }
  return undefined;
}

/** Equal DER bytes, else pkijs's name equality (the same answer, computed the slow way). */
function sameName(a: pkijs.RelativeDistinguishedNames, b: pkijs.RelativeDistinguishedNames): boolean {
  return sameBytes(a, b) || a.isEqual(b);
}

/** Both names were decoded from DER and their encodings are identical. */
function sameBytes(a: pkijs.RelativeDistinguishedNames, b: pkijs.RelativeDistinguishedNames): boolean {
  const left = new Uint8Array(a.valueBeforeDecode);
  return left.byteLength > 0 && bytesEqual(left, new Uint8Array(b.valueBeforeDecode));
}

/** Iterates `source` once, remembering what it yielded, so it can be walked again from the start. */
function replayableOnce<T>(source: Iterable<T>): () => Iterable<T> {
  const seen: T[] = [];
  const iterator = source[Symbol.iterator]();
  let done = false;
  return function* replay() {
    yield* seen;
    while (!done) {
      const next = iterator.next();
      if (next.done === true) {
        done = true;
        return;
      }
      seen.push(next.value);
      yield next.value;
    }
  };
}

type SignatureCheck = Parameters<pkijs.ICryptoEngine["verifyWithPublicKey"]>;

/**
 * The engine, except that a signature check it has already passed in this
 * validation (same data, signature, key and algorithm objects) answers `true`
 * again without recomputing. Scoped to one validation, keyed by identity.
 */
function rememberPassedSignatures(engine: pkijs.ICryptoEngine): pkijs.ICryptoEngine {
  const passed: SignatureCheck[] = [];
  const isSame = (a: SignatureCheck, b: SignatureCheck) => a.length === b.length && a.every((value, i) => value === b[i]);
  const remembering = Object.create(engine) as pkijs.ICryptoEngine;
  remembering.verifyWithPublicKey = async (...check: SignatureCheck) => {
    if (passed.some((earlier) => isSame(earlier, check))) return true;
    const valid = await engine.verifyWithPublicKey(...check);
    if (valid) passed.push(check);
    return valid;
  };
  return remembering;
}

/** The first candidate (already matched by name) whose key verifies the certificate's signature. */
async function findIssuingAnchor(
  certificate: pkijs.Certificate,
  candidates: readonly pkijs.Certificate[],
  engine: pkijs.ICryptoEngine,
): Promise<pkijs.Certificate | undefined> {
  for (const anchor of candidates) {
    if (await signatureVerifiesWith(certificate, anchor, engine)) return anchor;
  }
  return undefined;
}

async function signatureVerifiesWith(
  certificate: pkijs.Certificate,
  issuer: pkijs.Certificate,
  engine: pkijs.ICryptoEngine,
): Promise<boolean> {
  try {
    return await certificate.verify(issuer, engine);
  } catch {
    // An anchor whose key cannot check this signature (other algorithm) is simply not its issuer.
    return false;
  }
}

async function runPkijs(
  path: readonly pkijs.Certificate[],
  anchor: pkijs.Certificate,
  nowMs: number,
  engine: pkijs.ICryptoEngine,
): Promise<void> {
  [...path, anchor].forEach(withByteEqualNames);
  const validation = new pkijs.CertificateChainValidationEngine({
    trustedCerts: [anchor],
    certs: [...path.slice(1).reverse(), ...path.slice(0, 1)],
    checkDate: new Date(nowMs),
  });
  let outcome: pkijs.CertificateChainValidationEngineVerifyResult;
  try {
    outcome = await validation.verify({}, engine);
  } catch (error) {
    return fail("chain-untrusted", `pkijs threw: ${String(error)}`);
  }
  if (!outcome.result) fail("chain-untrusted", `pkijs: ${outcome.resultMessage} (code ${outcome.resultCode})`);
}

/**
 * pkijs's chain engine compares names with its own equality (string preparation, then
 * `localeCompare`, whose first call builds ICU's collator). Names with equal DER bytes are
 * equal under that comparison too, so the issuer and subject of a certificate handed to
 * pkijs answer that case from the bytes; any other pair gets pkijs's own comparison.
 */
function withByteEqualNames(certificate: pkijs.Certificate): void {
  for (const name of [certificate.issuer, certificate.subject]) {
    if (Object.hasOwn(name, "isEqual")) continue;
    const pkijsEquality = name.isEqual;
    const isEqual = (other: unknown) => (other instanceof pkijs.RelativeDistinguishedNames && sameBytes(name, other)) || pkijsEquality.call(name, other as pkijs.RelativeDistinguishedNames);
    Object.defineProperty(name, "isEqual", { value: isEqual, configurable: true });
  }
}

function describe(certificate: pkijs.Certificate, index: number, pathLength: number): string {
  const role = index === 0 ? "leaf" : index === pathLength ? "trust anchor" : `chain certificate ${index}`;
  return `${role} ${certificate.subject.typesAndValues.map((tv) => tv.value.valueBlock.value).join(", ")}`;
}
