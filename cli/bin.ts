#!/usr/bin/env node
// npm "bin" entry for `skillflare`: built to dist/cli/bin.js and run on plain Node >= 20.19
// (no tsx). It hands the arguments to the command router and exits with its code.
import { main } from "./skillflare.js";

process.exitCode = await main(process.argv.slice(2));
