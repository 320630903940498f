import { describe, expect, it } from "vitest";
import {
  createRequestEnvelope,
  createSignedRequest,
  DEFAULT_SKILL_URL,
  getSharedDevSigningKit,
  getSharedDevSigningKitVariant,
  signBody,
  tamperBody,
  utf8Bytes,
  type DevSigningKit,
} from "../../src/devkit/index.js";
import { base64Bytes, importVerifyKey, parseCertificate } from "./certificates.js";

async function verifies(kit: DevSigningKit, hash: "SHA-1" | "SHA-256", signature: string | undefined, body: string) {
  if (signature === undefined) throw new Error("missing signature");
  const key = await importVerifyKey(parseCertificate(kit.certificatesPem.leaf), hash);
  return crypto.subtle.verify("RSASSA-PKCS1-v1_5", key, base64Bytes(signature), utf8Bytes(body));
}

describe("request signing", () => {
  const body = JSON.stringify({ version: "1.0", text: "grüße, 日本 🎵" });

  it("signs the exact UTF-8 bytes with SHA-1 and SHA-256 under the leaf's key", async () => {
    const kit = await getSharedDevSigningKit();
    const headers = await signBody(kit, body);
    expect(headers.SignatureCertChainUrl).toBe(kit.chainUrl);
    expect(await verifies(kit, "SHA-1", headers.Signature, body)).toBe(true);
    expect(await verifies(kit, "SHA-256", headers["Signature-256"], body)).toBe(true);
    // Each header is bound to its own hash.
    expect(await verifies(kit, "SHA-256", headers.Signature, body)).toBe(false);
  });

  it("signatures fail for a tampered body, even a whitespace-only change", async () => {
    const kit = await getSharedDevSigningKit();
    const headers = await signBody(kit, body);
    for (const tampered of [tamperBody(body), tamperBody(body, "whitespace")]) {
      expect(tampered).not.toBe(body);
      expect(await verifies(kit, "SHA-1", headers.Signature, tampered)).toBe(false);
      expect(await verifies(kit, "SHA-256", headers["Signature-256"], tampered)).toBe(false);
    }
    expect(JSON.parse(tamperBody(body))).toMatchObject({ tampered: true, version: "1.0" });
  });

  it("omits headers and overrides the chain URL on request", async () => {
    const kit = await getSharedDevSigningKit();
    expect(Object.keys(await signBody(kit, body, { omit: ["Signature"] })).sort()).toEqual([
      "Signature-256",
      "SignatureCertChainUrl",
    ]);
    expect(Object.keys(await signBody(kit, body, { omit: ["Signature-256"], chainUrl: null }))).toEqual(["Signature"]);
    const custom = await signBody(kit, body, { chainUrl: "https://s3.amazonaws.com/echo.api/../evil.pem" });
    expect(custom.SignatureCertChainUrl).toBe("https://s3.amazonaws.com/echo.api/../evil.pem");
  });

  it("signs with a foreign key when asked, which the leaf does not verify", async () => {
    const kit = await getSharedDevSigningKit();
    const wrong = await getSharedDevSigningKitVariant("wrong-signing-key");
    expect(wrong.certificatesPem.leaf).not.toBe(kit.certificatesPem.leaf);
    const byVariant = await signBody(wrong, body);
    expect(await verifies(wrong, "SHA-256", byVariant["Signature-256"], body)).toBe(false);
    const byOverride = await signBody(kit, body, { signingKey: wrong.signingKey });
    expect(await verifies(kit, "SHA-1", byOverride.Signature, body)).toBe(false);
    expect(await verifies(kit, "SHA-256", byOverride["Signature-256"], body)).toBe(false);
  });

  it("createSignedRequest posts the envelope with verifiable headers", async () => {
    const kit = await getSharedDevSigningKit();
    const envelope = createRequestEnvelope({ request: { type: "LaunchRequest" } });
    const request = await createSignedRequest(kit, envelope);
    expect(request.method).toBe("POST");
    expect(request.url).toBe(DEFAULT_SKILL_URL);
    expect(request.headers.get("content-type")).toMatch(/^application\/json/);
    expect(request.headers.get("signaturecertchainurl")).toBe(kit.chainUrl);
    const sent = await request.text();
    expect(JSON.parse(sent)).toEqual(envelope);
    expect(await verifies(kit, "SHA-256", request.headers.get("Signature-256") ?? undefined, sent)).toBe(true);
    expect(await verifies(kit, "SHA-1", request.headers.get("Signature") ?? undefined, sent)).toBe(true);
  });

  it("createSignedRequest sends bodies verbatim, to any URL, tampered on request", async () => {
    const kit = await getSharedDevSigningKit();
    const raw = '{ "version" : "1.0" }';
    const request = await createSignedRequest(kit, raw, {
      url: "http://localhost:8787/alexa",
      headers: { "x-extra": "1" },
      tamper: "value",
    });
    expect(request.url).toBe("http://localhost:8787/alexa");
    expect(request.headers.get("x-extra")).toBe("1");
    const sent = await request.text();
    expect(sent).not.toBe(raw);
    expect(await verifies(kit, "SHA-256", request.headers.get("Signature-256") ?? undefined, raw)).toBe(true);
    expect(await verifies(kit, "SHA-256", request.headers.get("Signature-256") ?? undefined, sent)).toBe(false);
  });
});
