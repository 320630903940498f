/**
 * Where the listener is: the story and the offset playback stopped at, kept per Alexa user in
 * the persistent attributes (D1, table skill_attributes) under one attribute, `playback`.
 * Written when playback starts, stops or is paused; cleared when a story finishes. Reading
 * validates the stored shape, so a stale or hand-edited record is treated as "nothing saved".
 */
import type { PersistentAttributes } from "skillflare/skill";
import { storyById, type Story } from "./catalog.js";

export const PLAYBACK_ATTRIBUTE = "playback";

export interface SavedPlayback {
  readonly storyId: string;
  readonly token: string;
  readonly offsetInMilliseconds: number;
}

export interface ResumePoint {
  readonly story: Story;
  readonly offsetInMilliseconds: number;
  readonly token: string;
}

function isSavedPlayback(value: unknown): value is SavedPlayback {
  const record = value as Partial<SavedPlayback> | null | undefined;
  return (
    typeof record === "object" &&
    record !== null &&
    typeof record.storyId === "string" &&
    typeof record.token === "string" &&
    typeof record.offsetInMilliseconds === "number" &&
    Number.isFinite(record.offsetInMilliseconds) &&
    record.offsetInMilliseconds >= 0
  );
}

/** The saved resume point, if there is a valid one for a story still in the catalog. */
export async function loadResumePoint(persistent: PersistentAttributes): Promise<ResumePoint | undefined> {
  const saved = await persistent.get(PLAYBACK_ATTRIBUTE);
  if (!isSavedPlayback(saved)) return undefined;
  const story = storyById(saved.storyId);
  return story === undefined ? undefined : { story, token: saved.token, offsetInMilliseconds: saved.offsetInMilliseconds };
}

export function saveResumePoint(persistent: PersistentAttributes, story: Story, token: string, offsetInMilliseconds: number): void {
  const saved: SavedPlayback = { storyId: story.id, token, offsetInMilliseconds: Math.max(0, Math.round(offsetInMilliseconds)) };
  persistent.set(PLAYBACK_ATTRIBUTE, saved);
}

/** Forgets the resume point, but only if it still belongs to `token` (a later story may have started). */
export async function clearResumePointFor(persistent: PersistentAttributes, token: string): Promise<void> {
  const saved = await persistent.get(PLAYBACK_ATTRIBUTE);
  if (isSavedPlayback(saved) && saved.token === token) persistent.delete(PLAYBACK_ATTRIBUTE);
}
