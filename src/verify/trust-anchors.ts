/**
 * Turns the configured trust anchors (PEM strings) into certificates plus a
 * stable identity: the SHA-256 over the sorted SHA-256 fingerprints of the
 * anchors. The identity is part of every cache key, so a chain validated under
 * one anchor set is never served from cache under another. A PEM that does not
 * parse is a configuration bug, thrown as `TypeError` (a 500, not a 400).
 * Loading reads the PEM text, checks each certificate's DER shape and digests
 * it; a pkijs certificate is built when a validation first needs it, or ahead
 * of time by `prepareTrustAnchors`, which the Worker calls for the bundled
 * anchors at startup (global scope: 1 s of CPU allowed there, against 10 ms per
 * request on the free plan, and building the first certificates on a fresh
 * isolate's cold code is most of a cold validation). What a PEM text reads and
 * builds to is memoised by that text, so every anchor set sharing it shares the
 * work. `named(subjectDer)` builds only the anchors whose subject is exactly
 * those bytes (RFC 5280 4.1.2.6: a CA's subject is encoded in its
 * certificates' issuer field as in its own), so validating a chain needs the
 * one anchor it reaches; `certificates` builds them all, for the name-by-name
 * comparison a chain with other encodings needs. Sets are memoised by content
 * (a few at most). A caller passes the same array on every request, so the
 * lookup first tries that array's identity and confirms its elements are
 * still the ones seen (arrays can be changed in place), which is cheaper than
 * building the content key from all the PEMs.
 */
import type * as pkijs from "pkijs";
import { bytesEqual } from "../shared/bytes.js";
import { BoundedMemo } from "./bounded-memo.js";
import { requireCertificateShape, type CertificateShape } from "./der-shape.js";
import { AlexaVerificationError } from "./errors.js";
import { parseCertificateDer, readPemCertificates } from "./pem.js";

export interface TrustAnchorSet {
  /** Every anchor, built in pkijs on first read. */
  readonly certificates: readonly pkijs.Certificate[];
  /** The anchors whose DER subject Name is exactly `subjectDer`, each built on first use. */
  named(subjectDer: Uint8Array): readonly pkijs.Certificate[];
  /** Hex SHA-256 identifying this exact set of anchors, order-independent. */
  readonly id: string;
}

const MEMOISED_ANCHOR_SETS = 8;
const parsedAnchorSets = new BoundedMemo<string, Promise<TrustAnchorSet>>(MEMOISED_ANCHOR_SETS);
interface ArrayEntry {
  readonly seen: readonly string[];
  readonly parsed: Promise<TrustAnchorSet>;
  loaded?: TrustAnchorSet;
}
const byArray = new WeakMap<readonly string[], ArrayEntry>();

export function loadTrustAnchors(pems: readonly string[], subtle: SubtleCrypto = crypto.subtle): Promise<TrustAnchorSet> {
  const known = byArray.get(pems);
  if (known !== undefined && sameElements(known.seen, pems)) return known.parsed;
  const parsed = loadByContent(pems, subtle);
  const entry: ArrayEntry = { seen: [...pems], parsed };
  byArray.set(pems, entry);
  parsed.then(
    (set) => (entry.loaded = set),
    () => byArray.get(pems) === entry && byArray.delete(pems),
  );
  return parsed;
}

/** The set `loadTrustAnchors` already finished loading for this very array, if any. */
export function loadedTrustAnchors(pems: readonly string[]): TrustAnchorSet | undefined {
  const known = byArray.get(pems);
  return known !== undefined && sameElements(known.seen, pems) ? known.loaded : undefined;
}

function sameElements(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function loadByContent(pems: readonly string[], subtle: SubtleCrypto): Promise<TrustAnchorSet> {
  const key = pems.join("\0");
  const memoised = parsedAnchorSets.get(key);
  if (memoised !== undefined) return memoised;
  const parsed = parseTrustAnchors(pems, subtle);
  parsed.catch(() => parsedAnchorSets.get(key) === parsed && parsedAnchorSets.delete(key));
  return parsedAnchorSets.set(key, parsed);
}

/** What one anchor PEM string reads to: its blocks' DER and subject, and each pkijs build once made. */
interface ReadPem {
  readonly blocks: readonly { readonly der: Uint8Array<ArrayBuffer>; readonly shape: CertificateShape; certificate?: pkijs.Certificate }[];
}

const MEMOISED_PEMS = 32;
const readPems = new BoundedMemo<string, ReadPem>(MEMOISED_PEMS);

/** The blocks of one anchor PEM (memoised by its text); throws `invalid-pem` for one that does not read. */
function readAnchorPem(pem: string): ReadPem {
  return (
    readPems.get(pem) ??
    readPems.set(pem, { blocks: readPemCertificates(pem).map((der, block) => ({ der, shape: requireCertificateShape(der, block) })) })
  );
}

/**
 * Reads and builds these anchors now, synchronously and without I/O, so that a later
 * `loadTrustAnchors` of a set containing them finds them built. For a Worker's global scope,
 * whose CPU counts against the 1 s startup limit instead of the first request's (10 ms on
 * the free plan); building the first certificates in pkijs on a fresh isolate is most of a
 * cold verification. A PEM that does not read is left alone here: the verification that
 * needs it reports it as the `TypeError` it always was.
 *
 * @example
 * ```ts
 * prepareTrustAnchors(DEFAULT_TRUST_ANCHORS); // at module scope, next to createAlexaVerifier
 * ```
 */
export function prepareTrustAnchors(pems: readonly string[]): void {
  for (const pem of pems) {
    try {
      readAnchorPem(pem).blocks.forEach((block, index) => (block.certificate ??= parseCertificateDer(block.der, index, block.shape.subjectPublicKeyInfo)));
    } catch {
      // reported by the validation that needs this anchor
    }
  }
}

async function parseTrustAnchors(pems: readonly string[], subtle: SubtleCrypto): Promise<TrustAnchorSet> {
  if (pems.length === 0) throw new TypeError("trustAnchors must contain at least one certificate");
  const blocks = pems.flatMap((pem, index) =>
    asConfigurationError(index, () => readAnchorPem(pem).blocks.map((read, block) => ({ read, pem: index, block }))),
  );
  const fingerprints = await Promise.all(blocks.map(async ({ read }) => toHex(await subtle.digest("SHA-256", read.der))));
  const id = toHex(await subtle.digest("SHA-256", new TextEncoder().encode([...fingerprints].sort().join("\n"))));
  const build = (index: number): pkijs.Certificate => {
    const { read, pem, block } = blocks[index] as (typeof blocks)[number];
    return (read.certificate ??= asConfigurationError(pem, () => parseCertificateDer(read.der, block, read.shape.subjectPublicKeyInfo)));
  };
  let certificates: readonly pkijs.Certificate[] | undefined;
  return {
    id,
    get certificates() {
      certificates ??= blocks.map((_, index) => build(index));
      return certificates;
    },
    named(subjectDer) {
      const found: pkijs.Certificate[] = [];
      blocks.forEach(({ read }, index) => bytesEqual(read.shape.subject, subjectDer) && found.push(build(index)));
      return found;
    },
  };
}

/** A bad anchor is our configuration bug: a TypeError naming it, not a verification failure. */
function asConfigurationError<T>(index: number, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof AlexaVerificationError) throw new TypeError(`trustAnchors[${index}]: ${error.detail}`);
    throw error;
  }
}

export function toHex(buffer: ArrayBuffer): string {
  return Array.from(new Uint8Array(buffer), (byte) => byte.toString(16).padStart(2, "0")).join("");
}
