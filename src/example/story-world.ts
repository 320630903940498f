/**
 * What the example skill's handlers see as `input.env`: the Worker's bindings, the origin of
 * the request Alexa sent (the Worker's own custom domain, where `/audio/<key>` is served, so
 * audio URLs point at the host whose certificate Alexa already accepted), and the Worker's
 * structured logger. Built per request by worker-handler.ts.
 */
import type { SkillLogger } from "../skill/index.js";

/** The bindings the example skill reads (the Worker's `Env` satisfies it). */
export interface StoryBindings {
  readonly DB: D1Database;
  /** When non-empty, audio URLs are signed (the audio route then refuses unsigned ones). */
  readonly AUDIO_URL_SECRET?: string;
}

export interface StoryWorld {
  readonly bindings: StoryBindings;
  /** e.g. "https://skill.example.com" or "http://localhost:8787". */
  readonly origin: string;
  readonly log: SkillLogger;
  /** Milliseconds since epoch, for signed URL expiry. */
  readonly now: () => number;
}
