/**
 * A Worker that makes only the storage calls `?storage=` names (`kv`: a KV read and a deferred
 * KV write, as the cert cache does on a fresh isolate; `d1`: one trivial D1 query) and answers
 * `{}`. Under the fresh-isolate bench it is the baseline whose CPU is Miniflare's share of a
 * first request (its HTTP entry and its KV and D1 simulators, services in production); under
 * the load bench, with `?storage=d1`, it is the `d1_ceiling` reference side: how many requests
 * per second local D1 serves when each request makes the D1 queries the example makes for it
 * and nothing else: one trivial query, except for a resume whose device reports its stream in
 * context.AudioPlayer, which the example answers without storage (round-trips.test.ts). It
 * checks only that a token is there, not the example's whole rule (ours, not FINISHED): that
 * matches the example's queries for the bench's own mix, not for any request.
 */
/** Makes the storage calls `?storage=` names (KV read and deferred write, D1 read), then answers `{}`. */
export const STORAGE_ONLY_SCRIPT = `function resumesFromContext(body) {
  try {
    const envelope = JSON.parse(body);
    return envelope.request?.intent?.name === "AMAZON.ResumeIntent" && typeof envelope.context?.AudioPlayer?.token === "string";
  } catch {
    return false;
  }
}
export default {
  async fetch(request, env, ctx) {
    const body = await request.text();
    const storage = new URL(request.url).searchParams.get("storage") ?? "";
    if (storage.includes("kv")) {
      await env.CERT_CACHE.get("bench-storage-only");
      ctx.waitUntil(env.CERT_CACHE.put("bench-storage-only", "{}", { expirationTtl: 3600 }));
    }
    if (storage.includes("d1") && !resumesFromContext(body)) await env.DB.prepare("SELECT 1 AS one").all();
    return Response.json({});
  },
};`;

