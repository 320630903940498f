/**
 * PEM chain parsing rejects junk with `invalid-pem` instead of crashing:
 * non-PEM text, other PEM labels, bad base64, DER that is not a certificate,
 * trailing bytes, zero or too many certificates. Real chains parse as served.
 */
import { describe, expect, it } from "vitest";
import { MAX_CHAIN_CERTIFICATES, parsePemChain } from "../../src/verify/pem.js";
import { ECHO_API_CHAINS } from "./helpers/real-fixtures.js";
import { expectRejection } from "./helpers/requests.js";

const REAL = ECHO_API_CHAINS.get("echo-api-cert-7_2019-2020.pem") ?? "";
const FIRST_BLOCK = REAL.slice(0, REAL.indexOf("-----END CERTIFICATE-----") + 25);
const wrap = (body: string, label = "CERTIFICATE") => `-----BEGIN ${label}-----\n${body}\n-----END ${label}-----\n`;
const parse = async (text: string) => parsePemChain(text);

describe("parsePemChain", () => {
  it("parses every real chain, leaf first", () => {
    for (const [name, pem] of ECHO_API_CHAINS) {
      const certificates = parsePemChain(pem);
      expect(certificates.length, name).toBeGreaterThanOrEqual(2);
      expect(certificates[0]?.der.length, name).toBeGreaterThan(500);
    }
  });

  it("accepts CRLF line ends and surrounding whitespace", () => {
    expect(parsePemChain(`\r\n  ${REAL.replace(/\n/g, "\r\n")}\n\n`)).toHaveLength(4);
  });

  it.each([
    ["empty text", ""],
    ["whitespace only", " \n\t "],
    ["HTML", "<html><body>Access Denied</body></html>"],
    ["S3 XML error", '<?xml version="1.0"?><Error><Code>NoSuchKey</Code></Error>'],
    ["text before the first block", `subject=CN = echo-api.amazon.com\n${REAL}`],
    ["text between blocks", FIRST_BLOCK + "\nhello\n" + FIRST_BLOCK],
    ["text after the last block", `${REAL}trailing`],
    ["BEGIN without END", "-----BEGIN CERTIFICATE-----\nMIIB\n"],
    ["other label", wrap("AAAA", "PRIVATE KEY")],
    ["mismatched labels", "-----BEGIN CERTIFICATE-----\nAAAA\n-----END X509 CRL-----\n"],
    ["bad base64 characters", wrap("MII*B$$")],
    ["bad base64 padding", wrap("QUJD=")],
    ["base64 of text, not DER", wrap(btoa("hello world!"))],
    ["DER of something else (an INTEGER)", wrap(btoa(String.fromCharCode(0x02, 0x01, 0x05)))],
    ["DER SEQUENCE that is not a certificate", wrap(btoa(String.fromCharCode(0x30, 0x03, 0x02, 0x01, 0x05)))],
    ["truncated certificate", wrap(FIRST_BLOCK.split("\n").slice(1, 6).join(""))],
    ["certificate followed by extra DER bytes", wrap(btoa(atob(FIRST_BLOCK.split("\n").slice(1, -1).join("")) + "\x05\x00"))],
    ["empty block", wrap("")],
  ])("rejects %s", async (_why, text) => {
    await expectRejection(parse(text), "invalid-pem");
  });

  it(`rejects more than ${MAX_CHAIN_CERTIFICATES} certificates`, async () => {
    expect(parsePemChain(FIRST_BLOCK.repeat(MAX_CHAIN_CERTIFICATES))).toHaveLength(MAX_CHAIN_CERTIFICATES);
    await expectRejection(parse(FIRST_BLOCK.repeat(MAX_CHAIN_CERTIFICATES + 1)), "invalid-pem");
  });
});
