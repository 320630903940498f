import { createAlexaVerifier } from "../src/verify/create-verifier.js";
import { devTrustVerifyOptions, parseDevTrust } from "../src/http/dev-trust.js";
import { createSkill } from "skillflare/skill";
import worker from "../src/worker.ts";
const tick = () => new Promise((r) => setTimeout(r, 0));
export default {
  async fetch(request: Request, env: Env, ctx: ExecutionContext) {
    const marks: [string, number][] = [];
    let t = Date.now();
    const mark = async (label: string) => { await tick(); const now = Date.now(); marks.push([label, now - t]); t = now; };
    await mark("start");
    const bodyBytes = new Uint8Array(await request.clone().arrayBuffer());
    await mark("body");
    const verifier = createAlexaVerifier({ ...devTrustVerifyOptions(parseDevTrust((env as any).SKILLFLARE_DEV_TRUST), fetch), skillIds: [(env as any).SKILL_IDS] });
    await mark("create");
    await verifier.verifyPayload(request.headers, bodyBytes);
    await mark("verify-cold");
    await verifier.verifyPayload(request.headers, bodyBytes);
    await mark("verify-again");
    const res = await worker.fetch!(request as any, env, ctx);
    await res.text();
    await mark("worker-fetch");
    const res2 = await worker.fetch!(new Request(request.url, { method: "POST", headers: request.headers, body: bodyBytes }) as any, env, ctx);
    await res2.text();
    await mark("worker-fetch-again");
    return Response.json(marks);
  },
};
