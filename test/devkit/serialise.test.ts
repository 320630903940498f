import { describe, expect, it } from "vitest";
import {
  createSignedRequest,
  DevKitImportError,
  exportDevSigningKit,
  getSharedDevSigningKit,
  importDevSigningKit,
  utf8Bytes,
} from "../../src/devkit/index.js";
import { base64Bytes, importVerifyKey, parseCertificate } from "./certificates.js";

describe("kit export and import", () => {
  it("round-trips through JSON text and signs verifiable requests", async () => {
    const kit = await getSharedDevSigningKit();
    const json = JSON.parse(JSON.stringify(exportDevSigningKit(kit))) as unknown;
    const imported = await importDevSigningKit(json);
    expect(imported.chainPem).toBe(kit.chainPem);
    expect(imported.anchorsPem).toEqual(kit.anchorsPem);
    expect(imported.certificatesPem).toEqual(kit.certificatesPem);
    expect(imported.chainUrl).toBe(kit.chainUrl);
    expect(imported.createdAt.getTime()).toBe(kit.createdAt.getTime());
    expect(imported.keyPairs).toBeUndefined();

    const body = '{"version":"1.0"}';
    const [original, restored] = await Promise.all([createSignedRequest(kit, body), createSignedRequest(imported, body)]);
    // RSASSA-PKCS1-v1_5 is deterministic: same key, same bytes, same signature.
    expect(restored.headers.get("Signature-256")).toBe(original.headers.get("Signature-256"));
    expect(restored.headers.get("Signature")).toBe(original.headers.get("Signature"));
    const key = await importVerifyKey(parseCertificate(imported.certificatesPem.leaf), "SHA-256");
    const signature = base64Bytes(restored.headers.get("Signature-256") ?? "");
    expect(await crypto.subtle.verify("RSASSA-PKCS1-v1_5", key, signature, utf8Bytes(body))).toBe(true);
  });

  it("rejects bad input with typed reasons", async () => {
    const valid = exportDevSigningKit(await getSharedDevSigningKit());
    const cases: [unknown, string][] = [
      [null, "not-an-object"],
      ["text", "not-an-object"],
      [{ ...valid, format: "other/1" }, "wrong-format"],
      [{ ...valid, chainPem: undefined }, "missing-field"],
      [{ ...valid, anchorsPem: [] }, "missing-field"],
      [{ ...valid, certificatesPem: { ...valid.certificatesPem, leaf: 3 } }, "missing-field"],
      [{ ...valid, createdAt: "yesterday" }, "missing-field"],
      [{ ...valid, signingKeyPkcs8: undefined }, "missing-field"],
      [{ ...valid, signingKeyPkcs8: "AAAA" }, "bad-signing-key"],
      [{ ...valid, signingKeyPkcs8: "%%%" }, "bad-signing-key"],
    ];
    for (const [input, reason] of cases) {
      const failure = await importDevSigningKit(input).then(
        () => undefined,
        (error: unknown) => error,
      );
      expect(failure).toBeInstanceOf(DevKitImportError);
      expect((failure as DevKitImportError).code).toBe(reason);
      expect((failure as DevKitImportError).reason).toBe(reason); // the deprecated alias
    }
  });
});
