/**
 * `s3.getSignedUrl('getObject', { Bucket, Key, Expires })` at the edge: the media of a skill
 * (Alexa-hosted skills' `util.js` `getS3PreSignedUrl`) moves from S3 to the Worker's R2
 * bucket `AUDIO`, under the same keys, and is served by the Worker's own `/audio/<key>`
 * route on the host Alexa called, always as https (as `audioUrl` does: Alexa fetches audio
 * over https only, and a local `wrangler dev` origin is http). When `AUDIO_URL_SECRET` is set the URL is signed exactly
 * as `signAudioUrl` signs (src/audio/signing.ts: same canonical string, HMAC-SHA256), but
 * synchronously with `node:crypto`, because aws-sdk's `getSignedUrl` returns a string, not a
 * promise; without a secret the route serves unsigned URLs and none is added.
 */
import { encodeAudioKeyPath, validateAudioKey, DEFAULT_AUDIO_PREFIX } from "../../audio/key.js";
import { canonicalSignedString } from "../../audio/signing.js";
import { nodeProcess } from "../node-process.js";
import { currentRequestScope } from "../request-scope.js";

/** S3's default lifetime of a pre-signed URL, in seconds. */
export const S3_DEFAULT_EXPIRES_SECONDS = 900;

interface NodeCrypto {
  createHmac(algorithm: string, key: string): { update(text: string): { digest(encoding: "base64url"): string } };
}

export interface PresignParams {
  readonly Bucket?: unknown;
  readonly Key?: unknown;
  readonly Expires?: unknown;
}

function hmacBase64Url(secret: string, text: string): string {
  const crypto = nodeProcess()?.getBuiltinModule?.("node:crypto") as NodeCrypto | undefined;
  if (crypto === undefined) throw new Error("AWS.S3.getSignedUrl needs the nodejs_compat compatibility flag (node:crypto) to sign audio URLs");
  return crypto.createHmac("sha256", secret).update(text).digest("base64url");
}

/** The Worker's URL for R2 object `params.Key`, signed for `params.Expires` seconds when a secret is set. */
export function presignedAudioUrl(params: PresignParams, nowMs: number = Date.now()): string {
  const scope = currentRequestScope("AWS.S3.getSignedUrl");
  if (typeof params.Key !== "string") throw new TypeError("AWS.S3.getSignedUrl('getObject', params): params.Key must be a string");
  const check = validateAudioKey(params.Key);
  if (!check.ok) throw new TypeError(`AWS.S3.getSignedUrl: key ${JSON.stringify(params.Key)} is not a valid audio key (${check.reason})`);
  if (scope.requestUrl === undefined) throw new Error("AWS.S3.getSignedUrl: the request's URL is unknown (no request scope: is the skill running under createAlexaWorker?)");
  const url = new URL(DEFAULT_AUDIO_PREFIX + encodeAudioKeyPath(check.key), scope.requestUrl);
  url.protocol = "https:";
  const secret = (scope.env as { AUDIO_URL_SECRET?: unknown }).AUDIO_URL_SECRET;
  if (typeof secret === "string" && secret !== "") {
    const lifetime = typeof params.Expires === "number" && params.Expires > 0 ? params.Expires : S3_DEFAULT_EXPIRES_SECONDS;
    const exp = Math.floor(nowMs / 1000 + lifetime);
    url.searchParams.set("exp", String(exp));
    url.searchParams.set("sig", hmacBase64Url(secret, canonicalSignedString(check.key, exp)));
  }
  return url.href;
}
