/**
 * The skill-id allowlist. The id is `context.System.application.applicationId`;
 * requests from 2015-2017 predate `context` and carry it only in
 * `session.application.applicationId`, which is read only when `context` is
 * absent altogether. With no allowlist configured the check is skipped; an
 * empty allowlist accepts nothing.
 */
import type { RequestEnvelope } from "ask-sdk-model";
import { fail } from "./errors.js";
import { isRecord } from "./envelope.js";

function applicationIdOf(envelope: RequestEnvelope): string | undefined {
  const raw = envelope as unknown as Record<string, unknown>;
  const context = raw["context"];
  const id = context === undefined ? applicationIdUnder(raw["session"]) : applicationIdUnder(field(context, "System"));
  return typeof id === "string" ? id : undefined;
}

/** `<parent>.application.applicationId`, whatever the parent is. */
function applicationIdUnder(parent: unknown): unknown {
  return field(field(parent, "application"), "applicationId");
}

function field(value: unknown, key: string): unknown {
  return isRecord(value) ? value[key] : undefined;
}

export function requireAllowedSkillId(envelope: RequestEnvelope, skillIds: readonly string[] | undefined): void {
  if (skillIds === undefined) return;
  const id = applicationIdOf(envelope);
  if (id === undefined) fail("missing-skill-id", "no applicationId in context.System.application (or session, without context)");
  if (!skillIds.includes(id)) fail("wrong-skill-id", `applicationId ${id} is not configured`);
}
