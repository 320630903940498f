#!/usr/bin/env node
// npm "bin" entry for `skillflare`: registers tsx's ESM loader so the TypeScript CLI runs
// without a build step, then hands the arguments to cli/skillflare.ts and exits with its code.
import { register } from "tsx/esm/api";

register();
const { main } = await import("./skillflare.ts");
process.exitCode = await main(process.argv.slice(2));
