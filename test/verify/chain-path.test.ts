/**
 * Path building over Amazon's real echo-api chains (2015-2023, certs/ fixtures).
 * Seed 002, "Check the request signature", step 3.3: "Validate that all
 * certificates in the chain combine to create a chain of trust to a trusted
 * root CA certificate". Amazon serves cross-signed roots after the issuing CA;
 * the path must stop at the first trusted anchor.
 */
import * as pkijs from "pkijs";
import { describe, expect, it } from "vitest";
import { DEFAULT_TRUST_ANCHORS } from "../../src/verify/anchors.js";
import { findPathToAnchor, validateChainPath } from "../../src/verify/chain-path.js";
import { createPkijsEngine } from "../../src/verify/crypto-engine.js";
import { isCertificateAuthority } from "../../src/verify/leaf-checks.js";
import { parsePemChain } from "../../src/verify/pem.js";
import { loadTrustAnchors } from "../../src/verify/trust-anchors.js";
import { ECHO_API_CHAINS, VERISIGN_G5_ROOT, rootPem } from "./helpers/real-fixtures.js";
import { expectRejection } from "./helpers/requests.js";

const engine = createPkijsEngine();
const certsOf = (pem: string): pkijs.Certificate[] => parsePemChain(pem).map((p) => p.certificate);
const anchorsOf = async (pems: readonly string[]) => (await loadTrustAnchors(pems)).certificates;

function chain(fileName: string): pkijs.Certificate[] {
  const pem = ECHO_API_CHAINS.get(fileName);
  if (pem === undefined) throw new Error(`no chain ${fileName}`);
  return certsOf(pem);
}

function midValidity(leaf: pkijs.Certificate | undefined): number {
  if (leaf === undefined) throw new Error("empty chain");
  return (leaf.notBefore.value.getTime() + leaf.notAfter.value.getTime()) / 2;
}

const AMAZON_ERA = [
  "echo-api-cert-6-ats_2018-2019.pem",
  "echo-api-cert-7_2019-2020.pem",
  "echo-api-cert-8_2020-2021.pem",
  "echo-api-cert-9_2020-2021.pem",
  "echo-api-cert-10_2021-2022.pem",
  "echo-api-cert-11_2022-2023.pem",
  "echo-api-cert-12_2023.pem",
];
const SYMANTEC_ERA = [
  "echo-api-cert_2015_verisign-g3.pem",
  "echo-api-cert-2_2015.pem",
  "echo-api-cert-3_2015-2016.pem",
  "echo-api-cert-4_2016-2017.pem",
  "echo-api-cert-5_2017-2018.pem",
];

describe("path to a trusted anchor over Amazon's real chains", () => {
  it("every chain file is covered", () => {
    expect([...ECHO_API_CHAINS.keys()].sort()).toEqual([...AMAZON_ERA, ...SYMANTEC_ERA].sort());
  });

  it.each(AMAZON_ERA)("%s validates against the default anchors at mid-validity", async (file) => {
    const served = chain(file);
    const result = await validateChainPath(served, await anchorsOf(DEFAULT_TRUST_ANCHORS), midValidity(served[0]), engine);
    expect(result.path).toHaveLength(2);
    // served[2] is Amazon Root CA 1 as cross-signed by Starfield; the anchor is its self-signed twin.
    expect(result.anchor.subject.isEqual(served[2]!.subject)).toBe(true);
    expect(result.window.notAfter).toBeLessThanOrEqual(served[0]!.notAfter.value.getTime());
  });

  it.each(SYMANTEC_ERA)("%s validates against VeriSign G5 at mid-validity", async (file) => {
    const served = chain(file);
    const anchors = await anchorsOf([VERISIGN_G5_ROOT]);
    const { anchor } = await validateChainPath(served, anchors, midValidity(served[0]), engine);
    expect(anchor).toBe(anchors[0]);
  });

  it.each(SYMANTEC_ERA)("%s is untrusted under the default anchors", async (file) => {
    const served = chain(file);
    await expectRejection(validateChainPath(served, await anchorsOf(DEFAULT_TRUST_ANCHORS), midValidity(served[0]), engine), "chain-untrusted");
  });

  it.each([
    ["Amazon_Root_CA_1.pem", 2],
    ["Starfield_Services_Root_CA_G2.pem", 3],
    ["Starfield_Class_2_CA.pem", 4],
  ] as const)("the 2019 chain reaches %s as sole anchor through the cross-signatures (path length %i)", async (root, length) => {
    const served = chain("echo-api-cert-7_2019-2020.pem");
    const result = await validateChainPath(served, await anchorsOf([rootPem(root)]), midValidity(served[0]), engine);
    expect(result.path).toHaveLength(length);
  });

  it("an issuing CA given as the only anchor ends the path at the leaf", async () => {
    const served = chain("echo-api-cert-7_2019-2020.pem");
    const result = await validateChainPath(served, [served[1]!], midValidity(served[0]), engine);
    expect(result.path).toHaveLength(1);
  });

  it("pkijs alone, handed the whole served chain, rejects it: the reason for walking the chain first", async () => {
    const served = chain("echo-api-cert-7_2019-2020.pem");
    const validation = new pkijs.CertificateChainValidationEngine({
      trustedCerts: [...(await anchorsOf([rootPem("Amazon_Root_CA_1.pem")]))],
      certs: [...served.slice(1), served[0]!],
      checkDate: new Date(midValidity(served[0])),
    });
    const outcome = await validation.verify({}, engine);
    expect(outcome.result).toBe(false);
    expect(outcome.resultMessage).toBe("No valid certificate paths found");
  });

  it("the anchor search matches the issuing anchor by name and key, not by bytes of the served copy", async () => {
    const served = chain("echo-api-cert-12_2023.pem");
    const { path, anchor } = await findPathToAnchor(served, await anchorsOf(DEFAULT_TRUST_ANCHORS), engine);
    expect(path).toEqual(served.slice(0, 2));
    expect(anchor).toBeInstanceOf(pkijs.Certificate);
    // Served certificate 2 is the cross-signed Amazon Root CA 1: same subject as the anchor, different bytes.
    expect(anchor.subject.isEqual(served[2]!.subject)).toBe(true);
    expect(anchor.issuer.isEqual(served[2]!.issuer)).toBe(false);
  });

  it("rejects a chain whose intermediate is missing", async () => {
    const [leaf, , ...roots] = chain("echo-api-cert-7_2019-2020.pem");
    await expectRejection(validateChainPath([leaf!, ...roots], await anchorsOf(DEFAULT_TRUST_ANCHORS), Date.parse("2019-11-17"), engine), "chain-untrusted");
  });

  it("rejects a leaf served alone", async () => {
    const [leaf] = chain("echo-api-cert-7_2019-2020.pem");
    await expectRejection(validateChainPath([leaf!], await anchorsOf(DEFAULT_TRUST_ANCHORS), Date.parse("2019-11-17"), engine), "chain-untrusted");
  });

  it("rejects a leaf followed by another chain's intermediate (signature does not verify)", async () => {
    const [leaf] = chain("echo-api-cert-12_2023.pem");
    const [, otherIntermediate, ...roots] = chain("echo-api-cert-7_2019-2020.pem");
    await expectRejection(
      validateChainPath([leaf!, otherIntermediate!, ...roots], await anchorsOf(DEFAULT_TRUST_ANCHORS), Date.parse("2023-08-04"), engine),
      "chain-untrusted",
    );
  });

  it("rejects a chain served out of order (a certificate that does not name the previous one's issuer)", async () => {
    const [leaf7] = chain("echo-api-cert-7_2019-2020.pem");
    const [leaf8] = chain("echo-api-cert-8_2020-2021.pem");
    await expectRejection(findPathToAnchor([leaf8!, leaf7!], await anchorsOf(DEFAULT_TRUST_ANCHORS), engine), "chain-untrusted");
  });

  it("checks every certificate's dates at the request clock, intermediates included", async () => {
    const served = chain("echo-api-cert-12_2023.pem");
    const anchors = await anchorsOf(DEFAULT_TRUST_ANCHORS);
    await expectRejection(validateChainPath(served, anchors, Date.parse("2024-01-01"), engine), "cert-expired");
    await expectRejection(validateChainPath(served, anchors, Date.parse("2022-01-01"), engine), "cert-not-yet-valid");
  });

  it("knows CA certificates from end-entity ones (basicConstraints)", () => {
    const [leaf, intermediate, crossRoot] = chain("echo-api-cert-7_2019-2020.pem");
    expect(isCertificateAuthority(leaf!)).toBe(false);
    expect(isCertificateAuthority(intermediate!)).toBe(true);
    expect(isCertificateAuthority(crossRoot!)).toBe(true);
  });
});
