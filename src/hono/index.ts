/**
 * `skillflare/hono`: mount the verified Alexa endpoint in a Hono app. `alexaHandler({ skill })`
 * is `createAlexaWorker`'s endpoint as a Hono handler (same verification, same bindings, same
 * errors); the rest of the app is yours. hono is an optional peer dependency: install it
 * yourself (`npm install hono`). Guide: docs/package.md "Hono".
 */
export { alexaHandler } from "./alexa-handler.js";
export type { AlexaHonoOptions } from "./alexa-handler.js";
