/**
 * Signature work during chain validation. The anchor search and pkijs no
 * longer check the same signature twice: over the dev chain exactly two
 * signatures are computed (leaf by issuing CA, issuing CA by anchor), and
 * every other check still happens (an engine that fails the leaf's signature
 * still fails the chain). The verifier's pkijs engine memoises imported
 * public keys by key bytes and import parameters only.
 */
import type * as pkijs from "pkijs";
import { describe, expect, it } from "vitest";
import { validateChainPath } from "../../src/verify/chain-path.js";
import { createPkijsEngine } from "../../src/verify/crypto-engine.js";
import { parsePemChain } from "../../src/verify/pem.js";
import { loadTrustAnchors } from "../../src/verify/trust-anchors.js";
import { devKit } from "./helpers/dev-requests.js";
import { ECHO_API_CHAINS } from "./helpers/real-fixtures.js";
import { expectRejection } from "./helpers/requests.js";

type Check = Parameters<pkijs.ICryptoEngine["verifyWithPublicKey"]>;

/** The verifier's engine, with every signature check it computes recorded (and optionally overridden). */
function recordingEngine(decide?: (check: Check) => boolean | undefined) {
  const base = createPkijsEngine();
  const checks: Check[] = [];
  const engine = Object.create(base) as pkijs.ICryptoEngine;
  engine.verifyWithPublicKey = async (...check: Check) => {
    checks.push(check);
    return decide?.(check) ?? base.verifyWithPublicKey(...check);
  };
  return { engine, checks };
}

async function devChain() {
  const { kit, clock } = await devKit();
  const served = parsePemChain(kit.chainPem).map((p) => p.certificate);
  const anchors = (await loadTrustAnchors(kit.anchorsPem)).certificates;
  return { served, anchors, clock };
}

describe("signature checks during chain validation", () => {
  it("computes each signature on the path once: two for leaf, issuing CA and anchor", async () => {
    const { served, anchors, clock } = await devChain();
    const { engine, checks } = recordingEngine();
    const result = await validateChainPath(served, anchors, clock, engine);
    expect(result.path).toHaveLength(2);
    expect(checks).toHaveLength(2);
    const [leaf, intermediate] = served;
    expect(checks.map(([data]) => data)).toEqual(expect.arrayContaining([leaf!.tbsView, intermediate!.tbsView]));
  });

  it("still fails the chain when the leaf's signature does not verify", async () => {
    const { served, anchors, clock } = await devChain();
    const leafTbs = served[0]!.tbsView;
    const { engine } = recordingEngine(([data]) => (data === leafTbs ? false : undefined));
    await expectRejection(validateChainPath(served, anchors, clock, engine), "chain-untrusted");
  });

  it("a failed anchor check is not remembered as a pass", async () => {
    const { served, anchors, clock } = await devChain();
    const intermediateTbs = served[1]!.tbsView;
    const { engine, checks } = recordingEngine(([data]) => (data === intermediateTbs ? false : undefined));
    await expectRejection(validateChainPath(served, anchors, clock, engine), "chain-untrusted");
    expect(checks.filter(([data]) => data === intermediateTbs).length).toBeGreaterThanOrEqual(1);
  });
});

describe("public key memo of the verifier's engine", () => {
  const [leaf, intermediate] = parsePemChain(ECHO_API_CHAINS.get("echo-api-cert-12_2023.pem") ?? "").map((p) => p.certificate);

  it("imports a key once per key and algorithm", async () => {
    const engine = createPkijsEngine();
    const first = await engine.getPublicKey(intermediate!.subjectPublicKeyInfo, leaf!.signatureAlgorithm);
    const again = await engine.getPublicKey(intermediate!.subjectPublicKeyInfo, leaf!.signatureAlgorithm);
    expect(again).toBe(first);
    expect(first.algorithm).toMatchObject({ name: "RSASSA-PKCS1-v1_5", hash: { name: "SHA-256" } });
  });

  it("a different key or a different hash is a different import", async () => {
    const engine = createPkijsEngine();
    const sha256 = await engine.getPublicKey(intermediate!.subjectPublicKeyInfo, leaf!.signatureAlgorithm);
    const otherKey = await engine.getPublicKey(leaf!.subjectPublicKeyInfo, leaf!.signatureAlgorithm);
    const sha384 = await engine.getPublicKey(intermediate!.subjectPublicKeyInfo, leaf!.signatureAlgorithm, {
      algorithm: { algorithm: { name: "RSASSA-PKCS1-v1_5", hash: { name: "SHA-384" } }, usages: ["verify"] },
    });
    expect(otherKey).not.toBe(sha256);
    expect(sha384).not.toBe(sha256);
    expect(sha384.algorithm).toMatchObject({ hash: { name: "SHA-384" } });
  });

  it("verifies with memoised keys exactly as without", async () => {
    const engine = createPkijsEngine();
    expect(await leaf!.verify(intermediate!, engine)).toBe(true);
    expect(await leaf!.verify(intermediate!, engine)).toBe(true);
    expect(await intermediate!.verify(leaf!, engine)).toBe(false);
  });
});
