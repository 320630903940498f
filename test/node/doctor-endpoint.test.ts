// `skillflare doctor` on a skill endpoint, against loopback HTTPS servers that answer as a
// skillflare Worker does (GET 405, an unsigned POST 400) or as a broken one would (an unsigned
// POST accepted with 200, a 500). A 405 to GET is reported as right, not as a failure; the
// endpoint is recognised by it without a flag; the report uses no internal codes.
import https from "node:https";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { diagnoseEndpoint } from "../../cli/doctor/endpoint.js";
import { doctorCommand } from "../../cli/doctor/run-doctor.js";
import { memoryIo } from "../../cli/io.js";
import { makeCertificates, type TestCertificates } from "./helpers/tls-servers.js";

type Answer = (method: string) => number;
let certs: TestCertificates;
const servers: https.Server[] = [];

async function endpointServer(answer: Answer): Promise<string> {
  const server = https.createServer({ key: certs.rsa.key, cert: certs.rsa.cert }, (request, response) => {
    request.resume();
    request.on("end", () => response.writeHead(answer(request.method ?? "GET"), { "content-type": "text/plain" }).end("x"));
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `https://127.0.0.1:${(server.address() as AddressInfo).port}/`;
}

let good: string;
let open: string;
let failing: string;

beforeAll(async () => {
  certs = makeCertificates();
  good = await endpointServer((method) => (method === "GET" ? 405 : 400));
  open = await endpointServer((method) => (method === "GET" ? 405 : 200));
  failing = await endpointServer(() => 500);
});

afterAll(async () => {
  for (const server of servers) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
  certs?.cleanup();
});

const portOf = (url: string) => Number(new URL(url).port);

describe("skillflare doctor on a skill endpoint", () => {
  it("passes an endpoint that answers GET with 405 and refuses an unsigned POST with 400", async () => {
    const report = await diagnoseEndpoint(new URL(good), { extraCaPems: [certs.rsa.cert], alexaPort: portOf(good) });
    expect(report.ready).toBe(true);
    expect(report.checks.map((check) => check.text)).toEqual([
      "the certificate is trusted and names 127.0.0.1",
      expect.stringMatching(/^the certificate expires on /), // the test certificate lives 2 days: a warning only
      "GET answers 405 Method Not Allowed: right, Alexa only sends POST requests",
      "a POST without Alexa's signature is refused with 400: the endpoint checks that requests come from Alexa",
    ]);
  });

  it("fails an endpoint that answers unsigned requests, or fails itself", async () => {
    const accepting = await diagnoseEndpoint(new URL(open), { extraCaPems: [certs.rsa.cert], alexaPort: portOf(open) });
    expect(accepting.ready).toBe(false);
    expect(accepting.checks.find((check) => !check.ok)?.text).toContain("must refuse requests Alexa did not sign");
    const broken = await diagnoseEndpoint(new URL(failing), { extraCaPems: [certs.rsa.cert], alexaPort: portOf(failing) });
    expect(broken.checks.filter((check) => !check.ok).map((check) => check.text)).toEqual([
      "GET answers HTTP 500: the Worker fails; see `npx wrangler tail`",
      "POST answers HTTP 500: the Worker fails; see `npx wrangler tail`",
    ]);
  });

  it("recognises the endpoint by its 405 without a flag; off port 443 it says Alexa will not call it", async () => {
    const io = memoryIo();
    expect(await doctorCommand([good, "--ca", certs.rsa.certPath], io)).toBe(1);
    const text = io.stdout.join("\n");
    expect(text).toContain("(skill endpoint)");
    expect(text).toContain("✓ GET answers 405 Method Not Allowed: right");
    expect(text).toContain(`✗ the endpoint is on port ${portOf(good)}; Alexa calls skills on port 443 only`);
    expect(text).not.toMatch(/\[[a-z-]+\]/); // no internal codes
  });

  it("fails an untrusted certificate, and --endpoint with --player is a usage error", async () => {
    const untrusted = await diagnoseEndpoint(new URL(good), { alexaPort: portOf(good) });
    expect(untrusted.ready).toBe(false);
    expect(untrusted.checks[0]?.text).toContain("the certificate is not trusted");
    expect(await doctorCommand([good, "--endpoint", "--player"], memoryIo())).toBe(2);
  });
});
