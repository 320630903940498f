// Ports for `skillflare dev`: whether the requested port is free on loopback, and a free port
// for wrangler's inspector (its default 9229 is taken as soon as a second dev server runs).
import { createServer } from "node:net";

/** Listens on `port` (0: any) on 127.0.0.1 and closes again; resolves the port, or null if taken. */
export function probePort(port: number): Promise<number | null> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(null));
    server.listen({ port, host: "127.0.0.1", exclusive: true }, () => {
      const address = server.address();
      const bound = typeof address === "object" && address !== null ? address.port : null;
      server.close(() => resolve(bound));
    });
  });
}

export async function freePort(): Promise<number> {
  const port = await probePort(0);
  if (port === null) throw new Error("no free TCP port on 127.0.0.1");
  return port;
}
