/**
 * Child-process entry that hosts the example Worker on Miniflare for the load bench, so the
 * Worker side's CPU (this Node process plus its workerd) is measured apart from the load
 * generator. Reads its options (the bundle and the dev trust) from the JSON file named by
 * argv[2], prints `listening <url>` once ready, and disposes Miniflare on SIGTERM.
 */
import { readFile } from "node:fs/promises";
import { startWorkerOnMiniflare, type WorkerOnMiniflareOptions } from "./miniflare-worker.js";

const options = JSON.parse(await readFile(process.argv[2] ?? "", "utf8")) as WorkerOnMiniflareOptions;
const worker = await startWorkerOnMiniflare(options);
console.log(`listening ${worker.url}`);
const stop = () => {
  worker.dispose().finally(() => process.exit(0));
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
