/**
 * `createAlexaVerifier(options)`: the whole of Amazon's check, built once. The
 * options are checked here; the state every request shares lives inside the
 * returned object (trust anchors, the pkijs engine over the chosen WebCrypto,
 * validated chains, imported keys, in-flight downloads, the download guard),
 * never in module globals, so two verifiers never see each other's state. Each
 * `verify` reads the body once as bytes; requires the headers; validates the
 * chain URL; gets a trusted signing key for it (memory, cache or download +
 * validate, at the request's clock); checks the signature over exactly those
 * bytes; only then decodes and parses the JSON; checks the timestamp, the skill
 * id and, when a replay guard is set, that the request id is new. One `now()`
 * reading serves every time check. Failures throw `AlexaVerificationError`.
 */
import type { RequestEnvelope } from "ask-sdk-model";
import { normaliseCertChainUrl } from "./cert-url.js";
import { buildPkijsEngine } from "./crypto-engine.js";
import { DownloadGuard } from "./download-guard.js";
import { parseEnvelope } from "./envelope.js";
import { fail } from "./errors.js";
import { requireNewRequestId } from "./replay-check.js";
import { ByteSlab, readSignatureHeader, requireValidSignature, SigningKeyMemo, type SignatureAlgorithm } from "./signature.js";
import { requireAllowedSkillId } from "./skill-id.js";
import { requireFreshTimestamp } from "./timestamp.js";
import { loadTrustAnchors, type TrustAnchorSet } from "./trust-anchors.js";
import { SigningKeySource, type VerifyContext } from "./validated-chain.js";
import { resolveOptions, type VerifyOptions } from "./verifier-options.js";

export type { VerifyContext } from "./validated-chain.js";

/** What a successful verification hands back: the parsed envelope and the exact signed body. */
export interface VerifiedRequest {
  readonly envelope: RequestEnvelope;
  /** The body exactly as signed, decoded as UTF-8. */
  readonly rawBody: string;
  readonly rawBodyBytes: Uint8Array;
  readonly algorithm: SignatureAlgorithm;
  /** The normalised `SignatureCertChainUrl` the key came from. */
  readonly certChainUrl: string;
}

/** A verifier built by `createAlexaVerifier`; its state (caches, memos, in-flight downloads) is its own. */
export interface AlexaVerifier {
  /** Verifies a request (its body is read here, once). */
  verify(request: Request, context?: VerifyContext): Promise<VerifiedRequest>;
  /** The same check over headers and body bytes already read (e.g. with a size cap). */
  verifyPayload(headers: Headers, rawBodyBytes: Uint8Array, context?: VerifyContext): Promise<VerifiedRequest>;
}

/**
 * Builds a verifier once (per isolate, say) and verifies every request with it.
 * Options are checked here: an invalid one throws a `RangeError` or `TypeError`.
 *
 * @example
 * ```ts
 * const verifier = createAlexaVerifier({ skillIds: ["amzn1.ask.skill.1234"] });
 * export default {
 *   async fetch(request, env, ctx) {
 *     try {
 *       const { envelope } = await verifier.verify(request, ctx);
 *       return Response.json(answer(envelope));
 *     } catch (error) {
 *       if (error instanceof AlexaVerificationError) return rejectionResponse(error);
 *       throw error;
 *     }
 *   },
 * };
 * ```
 */
export function createAlexaVerifier(options: VerifyOptions = {}): AlexaVerifier {
  const settings = resolveOptions(options);
  const subtle = settings.crypto.subtle;
  const keys = new SigningKeyMemo(subtle);
  const signatureSlab = new ByteSlab();
  const engine = buildPkijsEngine(settings.crypto);
  const guard = new DownloadGuard(settings.downloadGuard);
  let source: SigningKeySource | undefined;
  const anchors: Promise<TrustAnchorSet> = loadTrustAnchors(settings.trustAnchors, subtle);
  // A broken anchor set surfaces on the first verify (as the TypeError it is), not as an unhandled rejection.
  anchors.catch(() => {});

  async function sourceFor(): Promise<SigningKeySource> {
    source ??= new SigningKeySource({
      fetch: settings.fetch,
      cache: settings.certCache,
      cacheTimeoutMs: settings.cacheTimeoutMs,
      anchors: await anchors,
      engine,
      subtle,
      limits: settings.limits,
      guard,
      onCacheError: settings.onCacheError,
    });
    return source;
  }

  async function verifyPayload(headers: Headers, rawBodyBytes: Uint8Array, context?: VerifyContext): Promise<VerifiedRequest> {
    const nowMs = settings.now();
    if (!Number.isFinite(nowMs)) throw new TypeError(`now() returned ${nowMs}`);

    const rawUrl = headers.get("SignatureCertChainUrl");
    if (rawUrl === null || rawUrl === "") fail("missing-cert-url", "SignatureCertChainUrl header is absent");
    const signature = readSignatureHeader(headers, settings.signature256Only, signatureSlab);
    const certChainUrl = normaliseCertChainUrl(rawUrl);

    // Warm path without a promise: this verifier already holds the validated chain (dates checked) and the imported key.
    const chains = source ?? (await sourceFor());
    const signingKey = chains.heldFor(certChainUrl, nowMs) ?? (await chains.get(certChainUrl, nowMs, context));
    const key = keys.get(signingKey.spki, signature.algorithm) ?? (await keys.import(signingKey.spki, signature.algorithm));
    await requireValidSignature(key, signature, rawBodyBytes, subtle);

    const rawBody = decodeUtf8(rawBodyBytes);
    const envelope = parseEnvelope(rawBody);
    requireFreshTimestamp(envelope, nowMs, settings.toleranceSeconds);
    requireAllowedSkillId(envelope, settings.skillIds);
    if (settings.replayGuard !== undefined) {
      await requireNewRequestId(envelope, nowMs, settings.toleranceSeconds, settings.replayGuard, settings.replayTimeoutMs);
    }
    return { envelope, rawBody, rawBodyBytes, algorithm: signature.algorithm, certChainUrl };
  }

  return {
    async verify(request, context) {
      let bytes: Uint8Array;
      try {
        bytes = new Uint8Array(await request.arrayBuffer());
      } catch (error) {
        return fail("body-unreadable", String(error), error);
      }
      return verifyPayload(request.headers, bytes, context);
    },
    verifyPayload,
  };
}

/** Stateless between calls (no streaming), so one decoder serves every request. */
const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });

function decodeUtf8(bytes: Uint8Array): string {
  try {
    return utf8.decode(bytes);
  } catch {
    return fail("body-not-json", "body is not UTF-8");
  }
}
