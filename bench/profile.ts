/**
 * `npx tsx bench/profile.ts [ablation] [steps] [cold] [workerd] [ladder]`: where the
 * time of one verification goes (default: every section). `ablation` replays
 * the warm path with one step at a time replaced by its precomputed result
 * (warm-replica.ts), so each difference to the full replica is that step's
 * cost inside the call; `steps` times each step alone; `ladder` builds the
 * warm path up from the floor inside workerd, one step per rung (CPU of the
 * workerd process, /proc); `cold` times the chain
 * work of a cache miss; `workerd` repeats ablation and steps inside workerd.
 * Everything runs interleaved (measure.ts) next to the whole call and the raw
 * `crypto.subtle.verify` floor; columns are median wall, fastest round wall
 * and median CPU µs/op (CPU n/a in workerd, another process).
 */
import { fileURLToPath } from "node:url";
import { createKitChainFetch } from "../src/devkit/index.js";
import { createMemoryCertCache, verifyAlexaPayload } from "../src/index.js";
import { normaliseCertChainUrl } from "../src/verify/cert-url.js";
import { validateChainPath } from "../src/verify/chain-path.js";
import { createPkijsEngine } from "../src/verify/crypto-engine.js";
import { DEFAULT_DOWNLOAD_LIMITS, downloadChain } from "../src/verify/download-chain.js";
import { requireEchoApiSan } from "../src/verify/leaf-checks.js";
import { parsePemChain } from "../src/verify/pem.js";
import { ServedChain } from "../src/verify/served-chain.js";
import { limitContender } from "./contenders/limit.js";
import { coldContender, warmContender } from "./contenders/skillflare.js";
import { measureInWorkerd, startBenchWorker } from "./contenders/workerd.js";
import { createBenchFixture } from "./fixtures.js";
import { measureInterleaved, type Measurement, type MeasureOptions, type Timed } from "./measure.js";
import { ABLATIONS, ladderOps, prepareReplica, stepOps, warmReplica } from "./warm-replica.js";
import { decodeBase64Strict } from "../src/shared/base64.js";

const wanted = new Set(process.argv.slice(2));
const wants = (section: string) => wanted.size === 0 || wanted.has(section);
const options = (targetRoundMs: number): MeasureOptions => ({ rounds: 9, warmupMs: 100, targetRoundMs, minIterations: 5, maxIterations: 20_000 });

const fixture = await createBenchFixture();
const warm = warmContender(fixture);
const limit = await limitContender(fixture);
await Promise.all([warm.verify(), limit.verify()]);
const chainFetch = createKitChainFetch(fixture.kit);
const cache = createMemoryCertCache();
await verifyAlexaPayload(fixture.headers, fixture.bodyBytes, { trustAnchors: fixture.kit.anchorsPem, certCache: cache, fetch: chainFetch });
const replica = await prepareReplica({
  headers: fixture.headers,
  bytes: fixture.bodyBytes,
  anchorsPem: fixture.kit.anchorsPem,
  skillIds: [fixture.skillId],
  cache,
  fetch: chainFetch,
});
const floor: Timed[] = [
  { name: "whole warm call", op: warm.verify },
  { name: "limit: subtle.verify", op: limit.verify },
];

if (wants("ablation")) {
  const ablations = Object.entries(ABLATIONS).map(([name, skip]) => ({ name, op: () => warmReplica(replica, new Set(skip)) }));
  print("Node: warm path ablation", await measureInterleaved([...floor, ...ablations], options(60)));
}
if (wants("steps")) {
  const steps = Object.entries(stepOps(replica)).map(([name, op]) => ({ name, op }));
  print("Node: warm path steps alone", await measureInterleaved([...floor, ...steps], options(40)));
}
if (wants("cold")) {
  const cold = coldContender(fixture);
  const url = normaliseCertChainUrl(fixture.chainUrl);
  const served = parsePemChain(fixture.chainPem).map((parsed) => parsed.certificate);
  const [leaf, intermediate] = served;
  if (leaf === undefined || intermediate === undefined) throw new Error("chain too short");
  const anchors = replica.anchors;
  const engine = createPkijsEngine();
  const steps: Timed[] = [
    { name: "whole cold call", op: cold.verify },
    { name: "downloadChain (stub fetch)", op: () => downloadChain(url, chainFetch, DEFAULT_DOWNLOAD_LIMITS) },
    { name: "parsePemChain (4 certs)", op: async () => parsePemChain(fixture.chainPem) },
    {
      name: "ServedChain: shape 4, build 2",
      op: async () => {
        const chain = ServedChain.fromPem(fixture.chainPem);
        return [chain.certificate(0), chain.certificate(1)];
      },
    },
    { name: "requireEchoApiSan", op: async () => requireEchoApiSan(leaf) },
    { name: "validateChainPath", op: () => validateChainPath(served, anchors, Date.now(), engine) },
    { name: "1 x pkijs Certificate.verify", op: () => leaf.verify(intermediate, engine) },
  ];
  print("Node: cold path steps", await measureInterleaved(steps, options(150)));
}
if (wants("ladder")) {
  const worker = await startBenchWorker(fixture, fileURLToPath(new URL("..", import.meta.url)));
  try {
    const key = await crypto.subtle.importKey("spki", decodeBase64Strict(replica.spki) ?? new Uint8Array(), { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" }, false, ["verify"]);
    const rungs = Object.keys(ladderOps(replica, key, new Uint8Array())).map((name) => ({ name, what: `ladder:${name}`, batch: 1000 }));
    const ops = [...rungs, { name: "5 verifier.verifyPayload", what: "warm:verifier", batch: 1000 }, { name: "6 verifyAlexaPayload (warm row)", what: "warm", batch: 1000 }];
    print("workerd: the warm path built up from the floor (batches of 1000)", await measureInWorkerd(worker, ops, { ...options(100), rounds: 21 }), true);
  } finally {
    await worker.dispose();
  }
}
if (wants("workerd")) {
  const worker = await startBenchWorker(fixture, fileURLToPath(new URL("..", import.meta.url)));
  try {
    const ops = [
      { name: "whole warm call", what: "warm", batch: 500 },
      { name: "limit: subtle.verify", what: "limit", batch: 500 },
      ...Object.keys(ABLATIONS).map((name) => ({ name, what: `replica:${name}`, batch: 500 })),
      ...Object.keys(stepOps(replica)).map((name) => ({ name, what: `step:${name}`, batch: 500 })),
    ];
    print("workerd: warm path ablation and steps (batches of 500)", await measureInWorkerd(worker, ops, options(60)));
  } finally {
    await worker.dispose();
  }
}

function print(title: string, results: readonly Measurement[], lowestCpu = false): void {
  console.log(`\n${title}; µs/op: median wall | fastest round | median CPU${lowestCpu ? " | lowest-round CPU" : ""}`);
  for (const m of results) {
    const values = [m.medianUs, m.minRoundUs, m.cpuUs, ...(lowestCpu ? [Math.min(...m.roundsCpuUs)] : [])];
    const cells = values.map((v) => (Number.isFinite(v) ? v.toFixed(2) : "n/a").padStart(9));
    console.log(`  ${m.name.padEnd(34)} ${cells.join(" |")}`);
  }
}
