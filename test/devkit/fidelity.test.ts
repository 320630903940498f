/**
 * The dev chain must behave like Amazon's real echo-api chain (2018-2023
 * shape) under pkijs's path builder: for each anchor choice, pkijs's verdict
 * on the dev chain equals its verdict on echo-api-cert-9 with the matching
 * real root. This pins the kit's shape to the real one, whatever pkijs does.
 */
import * as pkijs from "pkijs";
import { describe, expect, it } from "vitest";
import { createCryptoEngine, getSharedDevSigningKit } from "../../src/devkit/index.js";
import realChain from "../fixtures/alexa-real/certs/echo-api-cert-9_2020-2021.pem?raw";
import amazonRootCa1 from "../fixtures/alexa-real/certs/roots/Amazon_Root_CA_1.pem?raw";
import starfieldClass2 from "../fixtures/alexa-real/certs/roots/Starfield_Class_2_CA.pem?raw";
import starfieldG2 from "../fixtures/alexa-real/certs/roots/Starfield_Services_Root_CA_G2.pem?raw";
import { parseCertificates } from "./certificates.js";

async function pkijsVerdict(chainPem: string, anchorPems: readonly string[], checkDate: Date): Promise<string> {
  const [leaf, ...rest] = parseCertificates(chainPem);
  if (!leaf) throw new Error("empty chain");
  const engine = new pkijs.CertificateChainValidationEngine({
    trustedCerts: anchorPems.flatMap(parseCertificates),
    certs: [...rest, leaf],
    checkDate,
  });
  try {
    const result = await engine.verify({}, createCryptoEngine());
    return result.result ? "valid" : "invalid";
  } catch {
    return "threw";
  }
}

describe("dev chain fidelity to Amazon's chain under pkijs", () => {
  it("gets the same verdict as the real chain for each anchor choice", async () => {
    const kit = await getSharedDevSigningKit();
    const certificates = kit.certificatesPem;
    const realDate = new Date("2021-05-30T00:00:00Z");
    const choices: [string, string[], string[]][] = [
      ["Root CA 1", [certificates.rootCa1SelfSigned], [amazonRootCa1]],
      ["Services Root G2", [certificates.servicesRootG2SelfSigned], [starfieldG2]],
      ["kit anchors", [...kit.anchorsPem], [amazonRootCa1, starfieldG2]],
      ["Class 2", [certificates.class2Root], [starfieldClass2]],
    ];
    const verdicts = await Promise.all(
      choices.map(async ([label, devAnchors, realAnchors]) => ({
        label,
        dev: await pkijsVerdict(kit.chainPem, devAnchors, kit.createdAt),
        real: await pkijsVerdict(realChain, realAnchors, realDate),
      })),
    );
    for (const verdict of verdicts) expect(verdict.dev, verdict.label).toBe(verdict.real);
    // Sanity: the chain is sound end to end when the oldest root is the anchor.
    expect(verdicts.find((verdict) => verdict.label === "Class 2")?.dev).toBe("valid");
  });
});
