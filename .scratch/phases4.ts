import { ServedChain } from "../src/verify/served-chain.js";
import { parseDevTrust } from "../src/http/dev-trust.js";
import { findPathToAnchor, runPkijs } from "../src/verify/chain-path.js";
import { buildPkijsEngine } from "../src/verify/crypto-engine.js";
import { loadTrustAnchors } from "../src/verify/trust-anchors.js";
import { DEFAULT_TRUST_ANCHORS } from "../src/verify/anchors.js";
import { warmUpChainValidation } from "../src/verify/warm-up.js";
import { prepareTrustAnchors } from "../src/verify/trust-anchors.js";
import { validateChainPath } from "../src/verify/chain-path.js";
const tick = () => new Promise((r) => setTimeout(r, 0));
const trust = parseDevTrust((globalThis as any).process.env.SKILLFLARE_DEV_TRUST);
const pem = Object.values(trust.chains)[0]!;
const WARM = Number((globalThis as any).process.env.WARM ?? 0);
prepareTrustAnchors(DEFAULT_TRUST_ANCHORS);
prepareTrustAnchors(trust.anchors);
if (WARM === 1) void warmUpChainValidation(loadTrustAnchors(DEFAULT_TRUST_ANCHORS));
if (WARM === 2) void (async () => { const s = ServedChain.fromPem(pem); await validateChainPath(s.certificates(), await loadTrustAnchors(trust.anchors), Date.now(), buildPkijsEngine()); })();
export default {
  async fetch(request: Request) {
    await request.arrayBuffer();
    const marks: [string, number][] = [];
    let t = Date.now();
    const mark = async (label: string) => { await tick(); const now = Date.now(); marks.push([label, now - t]); t = now; };
    await mark("start");
    const anchors = await loadTrustAnchors([...DEFAULT_TRUST_ANCHORS, ...trust.anchors]);
    await mark("anchors");
    for (let i = 0; i < 3; i++) {
      const s = ServedChain.fromPem(pem); s.certificate(0); s.certificate(1); await mark(`parse${i}`);
      const engine = buildPkijsEngine();
      const { path, anchor } = await findPathToAnchor(s.certificates(), anchors, engine); await mark(`walk${i}`);
      await runPkijs(path, anchor, Date.now(), engine); await mark(`pkijs${i}`);
    }
    return Response.json({ WARM, marks });
  },
};
