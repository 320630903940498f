/**
 * `dnsNamesOf` reads a dNSName-only SAN straight from DER and leaves every
 * other SAN to pkijs. Either way it must give exactly what reading pkijs's
 * parsed AltName gives: checked over every real echo-api leaf, the dev kit's
 * SAN variants, and hand-made SANs (other name forms, trailing bytes, empty,
 * garbage, non-ASCII bytes).
 */
import * as pkijs from "pkijs";
import { describe, expect, it } from "vitest";
import { getSharedDevSigningKitVariant } from "../../src/devkit/index.js";
import { dnsNamesOf, requireEchoApiSan } from "../../src/verify/leaf-checks.js";
import { parsePemChain } from "../../src/verify/pem.js";
import { ECHO_API_CHAINS } from "./helpers/real-fixtures.js";
import { expectRejection } from "./helpers/requests.js";

const SAN_OID = "2.5.29.17";

/** The reading before the DER fast path: pkijs's AltName, dNSName entries only. */
function pkijsDnsNames(certificate: pkijs.Certificate): string[] {
  const extension = certificate.extensions?.find((e) => e.extnID === SAN_OID);
  const parsed = extension === undefined ? undefined : pkijs.ExtensionValueFactory.fromBER(SAN_OID, extension.extnValue.valueBlock.valueHexView);
  const altNames = parsed instanceof pkijs.AltName ? parsed.altNames : [];
  return altNames.filter((name) => name.type === 2 && typeof name.value === "string").map((name) => name.value as string);
}

function withSan(bytes: Uint8Array): pkijs.Certificate {
  const certificate = new pkijs.Certificate();
  certificate.extensions = [new pkijs.Extension({ extnID: SAN_OID, critical: false, extnValue: bytes.slice().buffer })];
  return certificate;
}

const altNames = (...names: pkijs.GeneralName[]) => new Uint8Array(new pkijs.AltName({ altNames: names }).toSchema().toBER(false));
const dns = (value: string) => new pkijs.GeneralName({ type: 2, value });
const bytesOf = (...values: number[]) => new Uint8Array(values);
const ascii = (text: string) => Array.from(text, (c) => c.charCodeAt(0));
const ECHO = ascii("echo-api.amazon.com");

describe("dnsNamesOf", () => {
  it("matches pkijs on every real echo-api leaf", () => {
    const leaves = [...ECHO_API_CHAINS.values()].map((pem) => parsePemChain(pem)[0]!.certificate);
    expect(leaves).toHaveLength(12);
    for (const leaf of leaves) {
      expect(dnsNamesOf(leaf)).toEqual(pkijsDnsNames(leaf));
      expect(dnsNamesOf(leaf)).toEqual(["echo-api.amazon.com"]);
    }
  });

  it.each(["valid", "wrong-san", "no-san"] as const)("matches pkijs on the dev kit's %s leaf", async (variant) => {
    const kit = await getSharedDevSigningKitVariant(variant);
    const leaf = parsePemChain(kit.chainPem)[0]!.certificate;
    expect(dnsNamesOf(leaf)).toEqual(pkijsDnsNames(leaf));
  });

  it.each([
    ["one dNSName", altNames(dns("echo-api.amazon.com"))],
    ["two dNSNames", altNames(dns("a.example"), dns("ECHO-API.amazon.com"))],
    ["an email before the dNSName", altNames(new pkijs.GeneralName({ type: 1, value: "x@example.com" }), dns("echo-api.amazon.com"))],
    ["a URI only", altNames(new pkijs.GeneralName({ type: 6, value: "https://echo-api.amazon.com/" }))],
    ["a dNSName followed by a stray byte", bytesOf(0x30, ECHO.length + 2, 0x82, ECHO.length, ...ECHO, 0x00)],
    ["a dNSName longer than the SEQUENCE", bytesOf(0x30, 4, 0x82, ECHO.length, ...ECHO)],
    ["a constructed [2]", bytesOf(0x30, ECHO.length + 4, 0xa2, ECHO.length + 2, 0x16, ECHO.length, ...ECHO)],
    ["an empty SEQUENCE", bytesOf(0x30, 0)],
    ["not a SEQUENCE", bytesOf(0x82, ECHO.length, ...ECHO)],
    ["nothing", bytesOf()],
    ["bytes above 0x7f", bytesOf(0x30, 5, 0x82, 3, 0xe9, 0x41, 0xff)],
  ])("matches pkijs for a SAN with %s", (_what, san) => {
    const certificate = withSan(san);
    expect(dnsNamesOf(certificate)).toEqual(pkijsDnsNames(certificate));
  });

  it("a certificate without a SAN has no names and fails the SAN check", async () => {
    const bare = new pkijs.Certificate();
    expect(dnsNamesOf(bare)).toEqual([]);
    await expectRejection((async () => requireEchoApiSan(bare))(), "san-missing");
  });
});
