/**
 * A free loopback port, for tools that cannot take port 0 and report back (`wrangler dev`'s
 * --port and --inspector-port): bind port 0 on 127.0.0.1, read the port, close.
 */
import { createServer, type AddressInfo } from "node:net";

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
