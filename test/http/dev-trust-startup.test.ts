/**
 * The dev anchors built at startup (dev-trust.ts `prepareDevTrustAtStartup`, called when the
 * Worker is made): with `SKILLFLARE_DEV_TRUST` in workerd's `process.env` they are built
 * then, so the first local request finds them ready; a value that is not valid dev trust is
 * left alone (no throw at startup: the first local request reports it, as before), and with
 * no value nothing happens.
 */
import * as pkijs from "pkijs";
import { afterEach, describe, expect, it, vi } from "vitest";
import { prepareDevTrustAtStartup } from "../../src/http/dev-trust.js";
import { loadTrustAnchors } from "../../src/verify/trust-anchors.js";
import { devKit } from "../verify/helpers/dev-requests.js";

const env = (globalThis as unknown as { process: { env: Record<string, string | undefined> } }).process.env;
const saved = env["SKILLFLARE_DEV_TRUST"];

describe("dev anchors at startup", () => {
  afterEach(() => {
    vi.restoreAllMocks();
    if (saved === undefined) delete env["SKILLFLARE_DEV_TRUST"];
    else env["SKILLFLARE_DEV_TRUST"] = saved;
  });

  it("builds the anchors SKILLFLARE_DEV_TRUST names, so loading them later builds nothing", async () => {
    const { kit } = await devKit();
    // Texts no other test built (anchors are memoised by their exact PEM text).
    const anchors = kit.anchorsPem.map((pem) => `${pem}\n\n\n\n\n`);
    env["SKILLFLARE_DEV_TRUST"] = JSON.stringify({ anchors, chains: {} });
    const builds = vi.spyOn(pkijs.Certificate.prototype, "fromSchema");
    prepareDevTrustAtStartup();
    expect(builds).toHaveBeenCalledTimes(anchors.length);
    expect((await loadTrustAnchors(anchors)).certificates).toHaveLength(anchors.length);
    expect(builds).toHaveBeenCalledTimes(anchors.length);
  });

  it.each(["not json", JSON.stringify({ anchors: "x", chains: {} }), JSON.stringify({ anchors: ["not a PEM"], chains: {} })])(
    "leaves a malformed value (%s) to the first request, without throwing",
    (value) => {
      env["SKILLFLARE_DEV_TRUST"] = value;
      expect(() => prepareDevTrustAtStartup()).not.toThrow();
    },
  );

  it("does nothing without the variable", () => {
    delete env["SKILLFLARE_DEV_TRUST"];
    const builds = vi.spyOn(pkijs.Certificate.prototype, "fromSchema");
    prepareDevTrustAtStartup();
    expect(builds).not.toHaveBeenCalled();
  });
});
