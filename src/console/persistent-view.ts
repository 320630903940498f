/**
 * Persistent attributes for the console's side panel, read after each turn from where the
 * skill stored them. By default that is the Worker's `DB` binding through the same D1 adapter
 * the skill runtime uses (`createD1Persistence`, partition key = the user id, its default); a
 * skill that stores elsewhere passes `console.persistentAttributes` to createAlexaWorker. A
 * read that fails is shown with its reason, never hidden and never a failed turn.
 */
import type { PersistentReader } from "../http/console-hook.js";
import { createD1Persistence } from "../skill/persistence/d1.js";

export type { PersistentReader };

export type PersistentView =
  | { readonly ok: true; readonly attributes: Readonly<Record<string, unknown>> }
  | { readonly ok: false; readonly reason: string };

function isD1(value: unknown): value is D1Database {
  return typeof value === "object" && value !== null && typeof (value as { prepare?: unknown }).prepare === "function";
}

/** The default reader: the `DB` binding's skill_attributes table, when there is a D1 `DB`. */
export async function readD1Attributes(env: unknown, userId: string): Promise<Record<string, unknown> | undefined> {
  const database = (env as { DB?: unknown } | null)?.DB;
  if (!isD1(database)) return undefined;
  const stored = await createD1Persistence({ database }).load(userId);
  return Object.fromEntries([...stored].map(([name, json]) => [name, JSON.parse(json) as unknown]));
}

export async function persistentView<E>(read: PersistentReader<E>, env: E, userId: string): Promise<PersistentView> {
  try {
    const attributes = await read(env, userId);
    return attributes === undefined ? { ok: false, reason: "no persistence store this console can read (no D1 DB binding)" } : { ok: true, attributes };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}
