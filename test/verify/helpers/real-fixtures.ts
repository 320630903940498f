/**
 * Loads the 18 genuine Alexa requests of test/fixtures/alexa-real (body bytes
 * exactly as signed, headers, served chain) and the echo-api chains and roots
 * under certs/, via Vite `?raw` globs so every byte is preserved.
 */
/// <reference types="vite/client" />
import { VERISIGN_G5_ROOT_FILE } from "./trust-history.js";

const folderOf = (path: string): string => path.split("/").at(-2) ?? path;
const fileOf = (path: string): string => path.split("/").at(-1) ?? path;

function byFolder(files: Record<string, string>): Map<string, string> {
  return new Map(Object.entries(files).map(([path, text]) => [folderOf(path), text]));
}

const bodies = byFolder(import.meta.glob<string>("../../fixtures/alexa-real/*/body.json", { query: "?raw", import: "default", eager: true }));
const headerFiles = byFolder(import.meta.glob<string>("../../fixtures/alexa-real/*/headers.json", { query: "?raw", import: "default", eager: true }));
const chains = byFolder(import.meta.glob<string>("../../fixtures/alexa-real/*/chain.pem", { query: "?raw", import: "default", eager: true }));
const extraBodies = import.meta.glob<string>("../../fixtures/alexa-real/*/body-*.json", { query: "?raw", import: "default", eager: true });
const certFiles = import.meta.glob<string>("../../fixtures/alexa-real/certs/*.pem", { query: "?raw", import: "default", eager: true });
const rootFiles = import.meta.glob<string>("../../fixtures/alexa-real/certs/roots/*.pem", { query: "?raw", import: "default", eager: true });

export { AMAZON_TRUST_SERVICES_SINCE } from "./trust-history.js";

export interface RealRequest {
  readonly name: string;
  readonly body: string;
  readonly signature: string;
  /** The header as Amazon sent it (may carry :443). */
  readonly certUrl: string;
  readonly chainPem: string;
  readonly type: string;
  readonly timestampMs: number;
}

export const REAL_REQUESTS: readonly RealRequest[] = [...bodies.keys()].sort().map((name) => {
  const body = required(bodies.get(name), name);
  const headers = JSON.parse(required(headerFiles.get(name), name)) as { Signature: string; SignatureCertChainUrl: string };
  const request = (JSON.parse(body) as { request: { type: string; timestamp: string } }).request;
  return {
    name,
    body,
    signature: headers.Signature,
    certUrl: headers.SignatureCertChainUrl,
    chainPem: required(chains.get(name), name),
    type: request.type,
    timestampMs: Date.parse(request.timestamp),
  };
});

/** Negative extras shipped beside some fixtures: signed by nobody for this body. */
export const REAL_NEGATIVE_BODIES: readonly { name: string; file: string; body: string }[] = Object.entries(extraBodies)
  .map(([path, body]) => ({ name: folderOf(path), file: fileOf(path), body }))
  .sort((a, b) => `${a.name}/${a.file}`.localeCompare(`${b.name}/${b.file}`));

/** certs/echo-api-cert-*.pem keyed by file name. */
export const ECHO_API_CHAINS: ReadonlyMap<string, string> = new Map(Object.entries(certFiles).map(([path, pem]) => [fileOf(path), pem]));

export function rootPem(fileName: string): string {
  const entry = Object.entries(rootFiles).find(([path]) => fileOf(path) === fileName);
  return required(entry?.[1], fileName);
}

export const VERISIGN_G5_ROOT = rootPem(VERISIGN_G5_ROOT_FILE);

export function realRequestNamed(name: string): RealRequest {
  return required(REAL_REQUESTS.find((r) => r.name === name), name);
}

function required<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`fixture missing: ${what}`);
  return value;
}
