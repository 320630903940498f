/**
 * The load bench's peer server: the example skill on Express with ask-sdk-express-adapter,
 * its verifiers ON (SkillRequestSignatureVerifier + TimestampVerifier, passed explicitly),
 * SQLite persistence. The signature verifier's certificate cache (a Map of chain URL -> PEM)
 * is preloaded with the dev kit's chain, the same way bench/contenders/ask-sdk.ts does: it
 * then checks every request's signature against that chain without downloading it, which is
 * its warm path and the fair match for the Worker's warm memory cache. Config comes as JSON
 * in PEER_CONFIG; it listens on 127.0.0.1 on a port the OS picks and prints `listening <port>`.
 */
import express from "express";
import { ExpressAdapter, SkillRequestSignatureVerifier, TimestampVerifier } from "ask-sdk-express-adapter";
import type { AddressInfo } from "node:net";
import { createPeerSkill } from "./skill.js";
import { createSqlitePersistence } from "./sqlite-persistence.js";

interface PeerConfig {
  readonly chainUrl: string;
  readonly chainPem: string;
  readonly sqliteFile: string;
}

const config = JSON.parse(process.env["PEER_CONFIG"] ?? "") as PeerConfig;
const signatureVerifier = new SkillRequestSignatureVerifier();
const certCache = (signatureVerifier as unknown as { certCache: Map<string, string> }).certCache;
if (!(certCache instanceof Map)) throw new Error("express peer: SkillRequestSignatureVerifier has no certCache Map");
certCache.set(config.chainUrl, config.chainPem);

const persistence = createSqlitePersistence(config.sqliteFile);
const app = express();
const server = app.listen(0, "127.0.0.1", () => {
  const { port } = server.address() as AddressInfo;
  const skill = createPeerSkill(persistence, `http://127.0.0.1:${port}`);
  const adapter = new ExpressAdapter(skill, false, false, [signatureVerifier, new TimestampVerifier()]);
  app.post("/", adapter.getRequestHandlers());
  console.log(`listening ${port}`);
});

const stop = () => server.close(() => persistence.close());
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
