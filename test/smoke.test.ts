import { env, exports } from "cloudflare:workers";
import * as pkijs from "pkijs";
import { describe, expect, it } from "vitest";

describe("smoke", () => {
  it("runs pkijs and KV in workerd", async () => {
    await env.CERT_CACHE.put("k", "v");
    expect(await env.CERT_CACHE.get("k")).toBe("v");
    expect(typeof pkijs.CertificateChainValidationEngine).toBe("function");
    const res = await exports.default.fetch("https://x/");
    expect(await res.text()).toBe("ok");
  });
});
