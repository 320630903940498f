// Loopback HTTPS servers for the doctor and URL tests: self-signed ECDSA and RSA certificates
// made with the openssl CLI in a temp dir (SAN localhost and 127.0.0.1, valid 2 days), and a
// tiny audio server on 127.0.0.1 with a random port that honours single byte ranges.

import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import https from "node:https";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface KeyAndCert {
  readonly key: string;
  readonly cert: string;
  readonly certPath: string;
}

export interface TestCertificates {
  readonly ecdsa: KeyAndCert;
  readonly rsa: KeyAndCert;
  readonly dir: string;
  cleanup(): void;
}

export function makeCertificates(): TestCertificates {
  const dir = mkdtempSync(join(tmpdir(), "skillflare-doctor-"));
  const make = (name: string, keyArgs: string[]): KeyAndCert => {
    const keyPath = join(dir, `${name}.key`);
    const certPath = join(dir, `${name}.pem`);
    execFileSync("openssl", ["req", "-x509", ...keyArgs, "-nodes", "-keyout", keyPath, "-out", certPath, "-days", "2",
      "-subj", `/CN=localhost ${name}`, "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1"], { stdio: "ignore", timeout: 30_000 });
    return { key: readFileSync(keyPath, "utf8"), cert: readFileSync(certPath, "utf8"), certPath };
  };
  return {
    ecdsa: make("ecdsa", ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1"]),
    rsa: make("rsa", ["-newkey", "rsa:2048"]),
    dir,
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export interface Route {
  readonly status?: number;
  readonly body?: Uint8Array;
  readonly contentType?: string;
  readonly headers?: Record<string, string>;
  /** Redirect target (sets Location and a 302). */
  readonly redirect?: string;
  /** Honour `Range: bytes=a-b` (default true). */
  readonly ranges?: boolean;
}

export interface TestServer {
  readonly origin: string;
  close(): Promise<void>;
}

export async function startAudioServer(tlsOptions: { key: string | string[]; cert: string | string[] }, routes: Record<string, Route>): Promise<TestServer> {
  const server = https.createServer({ key: tlsOptions.key, cert: tlsOptions.cert }, (request, response) => {
    const route = routes[request.url ?? ""];
    if (route === undefined) {
      response.writeHead(404, { "content-type": "text/plain" }).end("not found");
      return;
    }
    if (route.redirect !== undefined) {
      response.writeHead(302, { location: route.redirect }).end();
      return;
    }
    const body = route.body ?? new Uint8Array();
    const headers = { "content-type": route.contentType ?? "audio/mpeg", ...route.headers };
    const range = /^bytes=(\d+)-(\d*)$/.exec(request.headers.range ?? "");
    if (range !== null && route.ranges !== false) {
      const start = Number(range[1]);
      const end = Math.min(range[2] ? Number(range[2]) : body.length - 1, body.length - 1);
      response.writeHead(206, { ...headers, "content-range": `bytes ${start}-${end}/${body.length}`, "accept-ranges": "bytes" });
      response.end(body.subarray(start, end + 1));
      return;
    }
    response.writeHead(route.status ?? 200, headers).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `https://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
