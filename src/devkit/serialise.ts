/**
 * Persists a dev signing kit as plain JSON (PEMs and the PKCS#8 signing key,
 * base64) and reads it back, so the simulate CLI can keep one kit in
 * `.skillflare/dev-kit.json` and the local Worker can trust its anchors via
 * `.dev.vars`. An imported kit signs exactly like the original but carries no
 * CA key pairs, so it cannot issue variants. Bad input gets a typed error.
 */
import type { DevKitCertificatesPem } from "./ca.js";
import { defaultCrypto } from "./crypto-engine.js";
import { importRequestSigningKey, type RequestSigningKey } from "./keys.js";
import type { DevSigningKit } from "./kit.js";

/**
 * The format tag of an exported dev kit.
 */
export const DEV_KIT_FORMAT = "skillflare-dev-kit/1";

/**
 * A dev kit as JSON (PEMs and the PKCS#8 key): `exportDevSigningKit`'s output.
 */
export interface DevSigningKitJson {
  readonly format: typeof DEV_KIT_FORMAT;
  /** ISO 8601 issuance clock. */
  readonly createdAt: string;
  readonly chainUrl: string;
  readonly chainPem: string;
  readonly anchorsPem: readonly string[];
  readonly certificatesPem: DevKitCertificatesPem;
  /** PKCS#8 DER of the request-signing private key, base64. */
  readonly signingKeyPkcs8: string;
}

/**
 * Why an exported dev kit could not be imported (`DevKitImportError.code`).
 */
export type DevKitImportFailure = "not-an-object" | "wrong-format" | "missing-field" | "bad-signing-key";

/**
 * A dev kit JSON file that cannot be imported; `code` says why.
 * @example
 * try {
 *   await importDevSigningKit(JSON.parse(text));
 * } catch (error) {
 *   if (error instanceof DevKitImportError && error.code === "wrong-format") regenerate();
 * }
 */
export class DevKitImportError extends Error {
  override readonly name = "DevKitImportError";
  constructor(
    readonly code: DevKitImportFailure,
    detail: string,
    options?: { cause?: unknown },
  ) {
    super(`${code}: ${detail}`, options);
  }

  /** @deprecated Renamed `code` (one field name on every skillflare error). */
  get reason(): DevKitImportFailure {
    return this.code;
  }
}

const CERTIFICATE_FIELDS = [
  "leaf",
  "intermediate",
  "rootCa1CrossSigned",
  "servicesRootG2CrossSigned",
  "rootCa1SelfSigned",
  "servicesRootG2SelfSigned",
  "class2Root",
] as const satisfies readonly (keyof DevKitCertificatesPem)[];

/**
 * The JSON-able form of a kit.
 * @example
 * await writeFile(".skillflare/dev-kit.json", JSON.stringify(exportDevSigningKit(kit)));
 */
export function exportDevSigningKit(kit: DevSigningKit): DevSigningKitJson {
  return {
    format: DEV_KIT_FORMAT,
    createdAt: kit.createdAt.toISOString(),
    chainUrl: kit.chainUrl,
    chainPem: kit.chainPem,
    anchorsPem: [...kit.anchorsPem],
    certificatesPem: { ...kit.certificatesPem },
    signingKeyPkcs8: kit.signingKey.pkcs8Base64,
  };
}

/**
 * Rebuilds a kit from `exportDevSigningKit` output (or its JSON.parse).
 * @example
 * const kit = await importDevSigningKit(JSON.parse(await readFile(".skillflare/dev-kit.json", "utf8")));
 */
export async function importDevSigningKit(json: unknown, webCrypto: Crypto = defaultCrypto()): Promise<DevSigningKit> {
  if (typeof json !== "object" || json === null) throw new DevKitImportError("not-an-object", typeof json);
  const record = json as Record<string, unknown>;
  if (record["format"] !== DEV_KIT_FORMAT) throw new DevKitImportError("wrong-format", String(record["format"]));
  const text = (field: string, value: unknown = record[field]): string => {
    if (typeof value !== "string" || value === "") throw new DevKitImportError("missing-field", field);
    return value;
  };
  const anchors = record["anchorsPem"];
  if (!Array.isArray(anchors) || anchors.length === 0) throw new DevKitImportError("missing-field", "anchorsPem");
  const certificates = record["certificatesPem"];
  if (typeof certificates !== "object" || certificates === null) {
    throw new DevKitImportError("missing-field", "certificatesPem");
  }
  const certificateRecord = certificates as Record<string, unknown>;
  const certificatesPem = Object.fromEntries(
    CERTIFICATE_FIELDS.map((field) => [field, text(`certificatesPem.${field}`, certificateRecord[field])]),
  ) as unknown as DevKitCertificatesPem;
  const createdAt = new Date(text("createdAt"));
  if (Number.isNaN(createdAt.getTime())) throw new DevKitImportError("missing-field", "createdAt");

  const signingKeyPkcs8 = text("signingKeyPkcs8");
  let signingKey: RequestSigningKey;
  try {
    signingKey = await importRequestSigningKey(signingKeyPkcs8, webCrypto);
  } catch (error) {
    throw new DevKitImportError("bad-signing-key", error instanceof Error ? error.message : String(error));
  }
  return {
    createdAt,
    chainUrl: text("chainUrl"),
    chainPem: text("chainPem"),
    anchorsPem: anchors.map((anchor, index) => text(`anchorsPem[${index}]`, anchor)),
    certificatesPem,
    signingKey,
  };
}
