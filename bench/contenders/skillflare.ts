/**
 * Our verifier (`verifyAlexaPayload`, what the Worker calls after reading the
 * body) in its three cache states, over the same headers and body bytes:
 * `warm` (a memory cache that already holds the validated chain), `cold`
 * (a fresh memory cache every verification, so every call downloads from the
 * stubbed network, parses the PEM and validates the chain with pkijs), and
 * KV-backed (a fresh memory layer in front of a KV namespace that already
 * holds the entry, so every call reads KV). Isolate-level memos inside the
 * verifier (parsed trust anchors, imported public keys) stay warm in all three,
 * as they would in a live isolate.
 */
import {
  AlexaVerificationError,
  createKvCertCache,
  createMemoryCertCache,
  verifyAlexaPayload,
  type CertCache,
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
  cacheForCall: () => CertCache,
  check: (downloads: number) => void,
): Contender {
  const network = countingFetch(createKitChainFetch(fixture.kit));
  const options = baseOptions(fixture, network.fetch);
  const verifyBytes = (bytes: Uint8Array) => verifyAlexaPayload(fixture.headers, bytes, { ...options, certCache: cacheForCall() });
  return {
    name,
    description,
    verify: async () => {
      await verifyBytes(fixture.bodyBytes);
    },
    rejectTampered: () =>
      expectRejection(name, () => verifyBytes(fixture.tamperedBytes), (e) => e instanceof AlexaVerificationError && e.reason === "bad-signature"),
    check: () => check(network.calls()),
  };
}

export function warmContender(fixture: BenchFixture): Contender {
  const cache = createMemoryCertCache();
  return contender("warm", "skillflare, validated chain in the memory cache", fixture, () => cache, (downloads) => {
    if (downloads !== 1) throw new Error(`warm: expected exactly 1 chain download, saw ${downloads}`);
  });
}

export function coldContender(fixture: BenchFixture): Contender {
  let calls = 0;
  return contender(
    "cold",
    "skillflare, fresh cache: download (stubbed) + PEM parse + pkijs chain validation every call",
    fixture,
    () => {
      calls++;
      return createMemoryCertCache();
    },
    (downloads) => {
      if (downloads !== calls) throw new Error(`cold: expected ${calls} chain downloads, saw ${downloads}`);
    },
  );
}

/**
 * KV warm, memory cold: a fresh memory layer per call, so every call reads the
 * entry from KV (seeded beforehand by `seedKv`) and never downloads.
 */
export function kvContender(name: string, description: string, fixture: BenchFixture, kv: KVNamespaceLike): Contender {
  return contender(name, description, fixture, () => createKvCertCache(kv), (downloads) => {
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
  await verifyAlexaPayload(fixture.headers, fixture.bodyBytes, { ...baseOptions(fixture, network.fetch), certCache });
  if (network.calls() !== 1) throw new Error(`seedKv: expected 1 chain download, saw ${network.calls()}`);
}
