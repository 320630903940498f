/**
 * `createDevSigningKit`: the one way to make a dev signing kit. It generates
 * (or reuses) the five RSA key pairs, issues the Amazon-shaped chain at the
 * given `now`, and returns everything a test, the simulate CLI or the local
 * Worker needs: the served chain PEM, the trust anchors, the chain URL and the
 * request-signing key. Negative material (expired or not-yet-valid leaf, wrong
 * SAN, untrusted root, foreign signing key) is made by the same function
 * through its options; see `variants.ts` for named presets.
 */
import { anchorPems, issueDevCertificates, servedChainPem, type DevKitCertificatesPem } from "./ca.js";
import { createCryptoEngine, defaultCrypto } from "./crypto-engine.js";
import { completeKeyPairs, generateRsaKeyPair, toRequestSigningKey, type DevKitKeyPairs, type RequestSigningKey } from "./keys.js";

/** The DNS name Amazon's signing certificate must carry in its SAN. */
export const ECHO_API_DNS_NAME = "echo-api.amazon.com";
/** Default chain URL: passes Amazon's URL rules (https, s3.amazonaws.com, /echo.api/). */
export const DEFAULT_DEV_CHAIN_URL = "https://s3.amazonaws.com/echo.api/echo-api-cert-skillflare-dev.pem";
/**
 * The prefix of the dev CA's names.
 */
export const DEFAULT_NAME_PREFIX = "skillflare dev";

/**
 * A dev CA shaped like Amazon's: anchors, the chain at its URL, and the request-signing key.
 * @example
 * const kit = await createDevSigningKit();
 * kit.anchorsPem; // trust these (locally only)
 * kit.chainUrl; // what requests name in SignatureCertChainUrl
 */
export interface DevSigningKit {
  /** The clock the certificates were issued for. */
  readonly createdAt: Date;
  readonly chainUrl: string;
  /** What S3 would serve at `chainUrl`: leaf, intermediate, Root CA 1 (by G2), G2 (by Class 2). */
  readonly chainPem: string;
  /** Trust anchors: [self-signed Root CA 1, self-signed Services Root G2]. */
  readonly anchorsPem: readonly string[];
  readonly certificatesPem: DevKitCertificatesPem;
  /** Signs request bodies (the leaf's key unless the kit was made with a foreign key). */
  readonly signingKey: RequestSigningKey;
  /** Present on generated kits only (not on imported ones): reusable to make variants cheaply. */
  readonly keyPairs?: DevKitKeyPairs;
}

/**
 * The dev signing certificate's validity and names, for negative tests.
 */
export interface DevLeafOptions {
  readonly notBefore?: Date | number;
  readonly notAfter?: Date | number;
  /** SAN dNSNames; default ["echo-api.amazon.com"]; [] omits the SAN extension. */
  readonly dnsNames?: readonly string[];
  /** Subject CN; default "echo-api.amazon.com" (also for wrong-SAN leaves, on purpose). */
  readonly commonName?: string;
}

/**
 * Options of `createDevSigningKit`.
 */
export interface DevSigningKitOptions {
  /** Issuance clock (ms since epoch or Date); default Date.now(). */
  readonly now?: Date | number;
  readonly crypto?: Crypto;
  readonly chainUrl?: string;
  /** Prefix of every CA name; a different prefix makes a different CA. */
  readonly namePrefix?: string;
  readonly leaf?: DevLeafOptions;
  /** Key pairs to reuse instead of generating (keygen is the slow part). */
  readonly keyPairs?: Partial<DevKitKeyPairs>;
  /** "foreign": sign requests with a fresh key that is not the leaf's. Default "leaf". */
  readonly signWith?: "leaf" | "foreign";
}

const DAY_MS = 86_400_000;

/**
 * Generates a complete dev signing kit.
 * @example
 * const kit = await createDevSigningKit();
 * const request = await createSignedRequest(kit, createRequestEnvelope({ request: { type: "LaunchRequest" } }));
 */
export async function createDevSigningKit(options: DevSigningKitOptions = {}): Promise<DevSigningKit> {
  const webCrypto = options.crypto ?? defaultCrypto();
  const now = new Date(options.now ?? Date.now());
  const keyPairs = await completeKeyPairs(options.keyPairs ?? {}, webCrypto);
  const leafOptions = options.leaf ?? {};
  const certificatesPem = await issueDevCertificates({
    keyPairs,
    now,
    namePrefix: options.namePrefix ?? DEFAULT_NAME_PREFIX,
    engine: createCryptoEngine(webCrypto),
    leaf: {
      notBefore: new Date(leafOptions.notBefore ?? now.getTime() - DAY_MS),
      notAfter: new Date(leafOptions.notAfter ?? now.getTime() + 365 * DAY_MS),
      dnsNames: leafOptions.dnsNames ?? [ECHO_API_DNS_NAME],
      commonName: leafOptions.commonName ?? ECHO_API_DNS_NAME,
    },
  });
  const signingPrivateKey =
    options.signWith === "foreign" ? (await generateRsaKeyPair(webCrypto)).privateKey : keyPairs.leaf.privateKey;
  return {
    createdAt: now,
    chainUrl: options.chainUrl ?? DEFAULT_DEV_CHAIN_URL,
    chainPem: servedChainPem(certificatesPem),
    anchorsPem: anchorPems(certificatesPem),
    certificatesPem,
    signingKey: await toRequestSigningKey(signingPrivateKey, webCrypto),
    keyPairs,
  };
}
