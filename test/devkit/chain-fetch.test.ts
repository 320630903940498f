import { describe, expect, it } from "vitest";
import { createChainFetch, createKitChainFetch, getSharedDevSigningKit } from "../../src/devkit/index.js";

describe("chain fetch", () => {
  it("serves PEMs at exact URLs and 404s otherwise", async () => {
    const serve = createChainFetch({ "https://s3.amazonaws.com/echo.api/a.pem": "PEM-A" });
    const hit = await serve("https://s3.amazonaws.com/echo.api/a.pem");
    expect(hit.status).toBe(200);
    expect(hit.headers.get("content-type")).toBe("application/x-pem-file");
    expect(await hit.text()).toBe("PEM-A");
    expect((await serve(new Request("https://S3.amazonaws.com/echo.api/a.pem"))).status).toBe(200);
    expect((await serve(new URL("https://s3.amazonaws.com/echo.api/b.pem"))).status).toBe(404);
    expect((await serve("https://s3.amazonaws.com/echo.api/A.pem")).status).toBe(404);
    expect((await serve("not a url")).status).toBe(404);
  });

  it("serves a kit's chain at its chain URL", async () => {
    const kit = await getSharedDevSigningKit();
    const response = await createKitChainFetch(kit)(kit.chainUrl);
    expect(await response.text()).toBe(kit.chainPem);
  });
});
