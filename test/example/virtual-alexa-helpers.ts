/**
 * A virtual Alexa for the example skill: its own interaction model, the test run's dev kit (the
 * one the test Worker trusts through SKILLFLARE_DEV_TRUST), requests through the Worker's own
 * fetch at http://localhost:8787/, a fresh Alexa user per conversation (so D1 resume points
 * do not leak between tests), and stream lengths from the story catalog.
 */
import { exports } from "cloudflare:workers";
import { createVirtualAlexa, type VirtualAlexa, type VirtualAlexaOptions } from "skillflare/testing";
import { storyFromToken } from "../../src/example/index.js";
import model from "../../skill-package/interactionModels/custom/en-US.json";
import { kitPromise, LOCAL, newUserId } from "./helpers.js";
import type { InteractionModelJson } from "skillflare/testing";

export const storyModel = model as InteractionModelJson;

export async function storyAlexa(options: Partial<VirtualAlexaOptions> = {}): Promise<VirtualAlexa> {
  return createVirtualAlexa({
    model: storyModel,
    fetch: (request) => exports.default.fetch(request),
    url: LOCAL,
    kit: await kitPromise,
    userId: newUserId(),
    streamDurationMs: (stream) => storyFromToken(stream.token)?.durationMs,
    ...options,
  });
}
