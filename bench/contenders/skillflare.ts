/**
 * Our verifier (`verifyPayload` of `createAlexaVerifier`, what the Worker calls
 * after reading the body) in its three cache states, over the same headers and
 * body bytes: `warm` (one verifier, built once as the Worker builds it per
 * isolate, that already validated the chain), `cold` (a fresh verifier with a
 * fresh memory cache every verification, so every call downloads from the
 * stubbed network, parses the PEM, imports the CA keys and validates the chain
 * with pkijs: a new isolate's first request), and KV-backed (a fresh verifier
 * in front of a KV namespace that already holds the entry, so every call reads
 * KV and re-validates the stored PEM offline, as a new isolate does). Parsed
 * trust anchors stay memoised by content across verifiers.
 */
import {
  AlexaVerificationError,
  createAlexaVerifier,
  createKvCertCache,
  createMemoryCertCache,
  type AlexaVerifier,
  type KVNamespaceLike,
  type VerifyOptions,
} from "../../src/index.js";
import { createKitChainFetch } from "../../src/devkit/index.js";
import type { BenchFixture } from "../fixtures.js";
import { countingFetch, expectRejection, type Contender } from "./contender.js";

function baseOptions(fixture: BenchFixture, fetch: VerifyOptions["fetch"]): VerifyOptions {
  return { skillIds: [fixture.skillId], trustAnchors: fixture.kit.anchorsPem, fetch };
}

function contender(
  name: string,
  description: string,
  fixture: BenchFixture,
  verifierForCall: (options: VerifyOptions) => AlexaVerifier,
  check: (downloads: number) => void,
): Contender {
  const network = countingFetch(createKitChainFetch(fixture.kit));
  const options = baseOptions(fixture, network.fetch);
  const verifyBytes = (bytes: Uint8Array) => verifierForCall(options).verifyPayload(fixture.headers, bytes);
  return {
    name,
    description,
    verify: async () => {
      await verifyBytes(fixture.bodyBytes);
    },
    rejectTampered: () =>
      expectRejection(name, () => verifyBytes(fixture.tamperedBytes), (e) => e instanceof AlexaVerificationError && e.code === "bad-signature"),
    check: () => check(network.calls()),
  };
}

export function warmContender(fixture: BenchFixture): Contender {
  let verifier: AlexaVerifier | undefined;
  const once = (options: VerifyOptions) => (verifier ??= createAlexaVerifier(options));
  return contender("warm", "skillflare, one verifier per isolate, validated chain in its memory", fixture, once, (downloads) => {
    if (downloads !== 1) throw new Error(`warm: expected exactly 1 chain download, saw ${downloads}`);
  });
}

export function coldContender(fixture: BenchFixture): Contender {
  let calls = 0;
  return contender(
    "cold",
    "skillflare, fresh verifier: download (stubbed) + PEM parse + CA key imports + pkijs chain validation every call",
    fixture,
    (options) => {
      calls++;
      return createAlexaVerifier({ ...options, certCache: createMemoryCertCache() });
    },
    (downloads) => {
      if (downloads !== calls) throw new Error(`cold: expected ${calls} chain downloads, saw ${downloads}`);
    },
  );
}

/**
 * KV warm, memory cold: a fresh verifier per call, so every call reads the
 * entry from KV (seeded beforehand by `seedKv`), re-validates its PEM and never downloads.
 */
export function kvContender(name: string, description: string, fixture: BenchFixture, kv: KVNamespaceLike): Contender {
  return contender(name, description, fixture, (options) => createAlexaVerifier({ ...options, certCache: createKvCertCache(kv) }), (downloads) => {
    if (downloads !== 0) throw new Error(`${name}: expected every chain from KV, saw ${downloads} downloads`);
  });
}

/**
 * Lets the verifier itself write the validated entry into `kv` (one download
 * and validation through a KV-backed cache). Done once per process: the KV
 * cache writes a key at most once per second, so further namespaces are
 * filled by copying what this one received (see `copyKv`).
 */
export async function seedKv(fixture: BenchFixture, kv: KVNamespaceLike): Promise<void> {
  const network = countingFetch(createKitChainFetch(fixture.kit));
  const certCache = createKvCertCache(kv);
  const writes: Promise<unknown>[] = [];
  await createAlexaVerifier({ ...baseOptions(fixture, network.fetch), certCache }).verifyPayload(fixture.headers, fixture.bodyBytes, { waitUntil: (p) => writes.push(p) });
  await Promise.all(writes); // the KV write is deferred off the request path
  if (network.calls() !== 1) throw new Error(`seedKv: expected 1 chain download, saw ${network.calls()}`);
}
