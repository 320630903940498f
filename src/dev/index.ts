/**
 * `skillflare/dev`: what only local development runs. `withLocalConsole` puts the local console
 * (/_skillflare/, docs/console.md) in front of a createAlexaWorker Worker; `skillflare dev`
 * applies it through a generated entry, so a deployed Worker never bundles the console or the
 * virtual Alexa it runs (docs/dev-entry.md). Runs in workerd, under `wrangler dev`.
 */
export { withLocalConsole } from "./with-local-console.js";
