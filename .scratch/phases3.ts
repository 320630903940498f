import { ServedChain } from "../src/verify/served-chain.js";
import { parseDevTrust } from "../src/http/dev-trust.js";
const tick = () => new Promise((r) => setTimeout(r, 0));
const trust = parseDevTrust((globalThis as any).process.env.SKILLFLARE_DEV_TRUST);
const pem = Object.values(trust.chains)[0]!;
const WARM = Number((globalThis as any).process.env.WARM ?? 0);
for (let i = 0; i < WARM; i++) { const s = ServedChain.fromPem(pem); s.certificate(0); s.certificate(1); }
export default {
  async fetch(request: Request) {
    await request.arrayBuffer();
    const marks: [string, number][] = [];
    let t = Date.now();
    const mark = async (label: string) => { await tick(); const now = Date.now(); marks.push([label, now - t]); t = now; };
    await mark("start");
    for (let i = 0; i < 3; i++) { const s = ServedChain.fromPem(pem); s.certificate(0); s.certificate(1); await mark(`parse${i}`); }
    return Response.json({ WARM, marks });
  },
};
