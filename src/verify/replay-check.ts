/**
 * The replay step of verification, run last (only a request that passed every
 * other check is recorded). The id is kept until the request would be stale
 * anyway: its timestamp plus the allowed age (an hour for skill events), and
 * never less than the tolerance from now. The guard is bounded by a timeout;
 * a guard that fails or hangs refuses the request (`replay-check-failed`),
 * because a guard that silently lets requests through guards nothing.
 */
import type { RequestEnvelope } from "ask-sdk-model";
import { fail } from "./errors.js";
import type { ReplayGuard } from "./replay-guard.js";
import { maxAgeSecondsFor, parseAlexaTimestamp } from "./timestamp.js";

export async function requireNewRequestId(
  envelope: RequestEnvelope,
  nowMs: number,
  toleranceSeconds: number,
  guard: ReplayGuard,
  timeoutMs: number,
): Promise<void> {
  const request = envelope.request as { type: string; requestId?: unknown; timestamp?: unknown };
  const requestId = request.requestId;
  if (typeof requestId !== "string" || requestId === "") fail("envelope-invalid", "request.requestId is missing (replay guard)");
  const timestampMs = parseAlexaTimestamp(request.timestamp);
  const expiresAtMs = Math.max(timestampMs + maxAgeSecondsFor(request.type, toleranceSeconds) * 1000, nowMs + toleranceSeconds * 1000);

  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`replay guard took longer than ${timeoutMs} ms`)), timeoutMs);
  });
  let seen: boolean;
  try {
    seen = await Promise.race([Promise.resolve().then(() => guard.checkAndRecord(requestId, nowMs, expiresAtMs)), timeout]);
  } catch (error) {
    return fail("replay-check-failed", `replay guard failed: ${String(error)}`, error);
  } finally {
    if (timer !== undefined) clearTimeout(timer);
  }
  if (seen) fail("replayed-request", `request id ${requestId} was already verified within its window`);
}
