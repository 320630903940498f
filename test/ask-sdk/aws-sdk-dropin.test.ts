/**
 * skillflare's stand-in for aws-sdk v2: what Lambda skills touch at module load constructs
 * without effect, `s3.getSignedUrl('getObject')` is the Worker's R2 audio URL (signed exactly
 * as signAudioUrl signs), and every other call is an AwsSdkUnavailableError naming it.
 */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import AWS, { AwsSdkUnavailableError, DynamoDB, S3 } from "../../src/ask-sdk/dropins/aws-sdk.js";
import { runInRequestScope } from "../../src/ask-sdk/request-scope.js";
import { signAudioKey } from "../../src/audio/signing.js";

const inRequest = <T>(work: () => T, bindings: object = env): T =>
  runInRequestScope({ env: bindings, requestUrl: "https://skill.example.com/", waitUntil: () => {}, logger: { log: () => {} } }, work);

describe("aws-sdk at the edge", () => {
  it("constructs what skills build at module load: S3, DynamoDB, DocumentClient, config.update", () => {
    expect(() => {
      new AWS.S3({ signatureVersion: "v4", region: "us-east-1" });
      new DynamoDB({ apiVersion: "latest" });
      new DynamoDB.DocumentClient();
      AWS.config.update({ region: "eu-west-1" });
    }).not.toThrow();
  });

  it("names every call it cannot make", () => {
    // Untyped, as a JavaScript skill calls them.
    type AnyClient = Record<string, (params: object) => unknown>;
    expect(() => (new S3() as unknown as AnyClient)["putObject"]!({ Bucket: "b", Key: "k" })).toThrow(new AwsSdkUnavailableError("AWS.S3.putObject"));
    expect(() => (new DynamoDB.DocumentClient() as unknown as AnyClient)["get"]!({})).toThrow(/AWS\.DynamoDB\.DocumentClient\.get\(\) is not available at the edge/);
    expect(() => (new AWS.SQS() as unknown as AnyClient)["sendMessage"]!({})).toThrow(/AWS\.SQS\.sendMessage\(\)/);
    expect(() => inRequest(() => new S3().getSignedUrl("putObject", { Key: "k" }))).toThrow(/AWS\.S3\.getSignedUrl\('putObject'\)/);
  });

  it("answers https on the host Alexa called even when the request came in over http (wrangler dev on loopback)", () => {
    const url = runInRequestScope(
      { env, requestUrl: "http://localhost:8893/", waitUntil: () => {}, logger: { log: () => {} } },
      () => new S3().getSignedUrl("getObject", { Key: "Media/chime.mp3" }),
    );
    expect(url).toBe("https://localhost:8893/audio/Media/chime.mp3");
  });

  it("returns the Worker's unsigned audio URL for getObject when no secret is set, with the key's path encoded", () => {
    expect(inRequest(() => new S3().getSignedUrl("getObject", { Bucket: "any", Key: "Media/my song.mp3", Expires: 60 }))).toBe("https://skill.example.com/audio/Media/my%20song.mp3");
  });

  it("signs it like signAudioUrl when AUDIO_URL_SECRET is set (sync node:crypto = WebCrypto HMAC)", async () => {
    const url = new URL(inRequest(() => new S3().getSignedUrl("getObject", { Key: "Media/a.mp3", Expires: 300 }) as string, { AUDIO_URL_SECRET: "s3cret" }));
    const exp = Number(url.searchParams.get("exp"));
    const expected = await signAudioKey("Media/a.mp3", "s3cret", (exp - 300) * 1000, 300);
    expect(url.searchParams.get("sig")).toBe(expected.sig);
    expect(exp).toBe(expected.exp);
  });

  it("offers the callback and promise forms, and refuses keys the audio route would refuse", async () => {
    const viaCallback = inRequest(() => new Promise((resolve, reject) => new S3().getSignedUrl("getObject", { Key: "a.mp3" }, (error, url) => (error ? reject(error as Error) : resolve(url)))));
    expect(await viaCallback).toBe("https://skill.example.com/audio/a.mp3");
    expect(await inRequest(() => new S3().getSignedUrlPromise("getObject", { Key: "b.mp3" }))).toBe("https://skill.example.com/audio/b.mp3");
    expect(() => inRequest(() => new S3().getSignedUrl("getObject", { Key: "../etc/passwd" }))).toThrow(/not a valid audio key/);
    expect(() => inRequest(() => new S3().getSignedUrl("getObject", {}))).toThrow(/params\.Key must be a string/);
  });
});
