/**
 * The bindings the example skill reads, which its handlers see as `input.env` (the Worker's
 * generated `Env` satisfies it). The request's origin, the logger and the clock come from
 * the handler input itself (`input.origin`, `input.logger`, `input.now()`), set by
 * `createAlexaWorker`, so the example needs no glue of its own between Worker and skill.
 */

/** The bindings the example skill reads (the Worker's `Env` satisfies it). */
export interface StoryBindings {
  readonly DB: D1Database;
  /** When non-empty, audio URLs are signed (the audio route then refuses unsigned ones). */
  readonly AUDIO_URL_SECRET?: string;
}
