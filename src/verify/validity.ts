/**
 * Certificate dates at the request's clock. A validity window is the span in
 * which a certificate (or a whole validated path: the intersection of its
 * certificates' windows) may be used; checking one at `nowMs` fails with
 * `cert-not-yet-valid` or `cert-expired`. Cache hits use the same check, so a
 * cached chain is held to exactly the dates a fresh one would be.
 */
import type * as pkijs from "pkijs";
import { fail } from "./errors.js";

export interface ValidityWindow {
  /** Milliseconds since the epoch; the window includes both ends (RFC 5280). */
  readonly notBefore: number;
  readonly notAfter: number;
}

export function validityOf(certificate: pkijs.Certificate): ValidityWindow {
  return {
    notBefore: certificate.notBefore.value.getTime(),
    notAfter: certificate.notAfter.value.getTime(),
  };
}

/** The span in which every given certificate is valid (may be empty). */
export function intersectWindows(windows: readonly ValidityWindow[]): ValidityWindow {
  return {
    notBefore: Math.max(...windows.map((w) => w.notBefore)),
    notAfter: Math.min(...windows.map((w) => w.notAfter)),
  };
}

export function requireValidAt(window: ValidityWindow, nowMs: number, what: string): void {
  if (nowMs < window.notBefore) {
    fail("cert-not-yet-valid", `${what} is valid from ${iso(window.notBefore)}, request clock ${iso(nowMs)}`);
  }
  if (nowMs > window.notAfter) {
    fail("cert-expired", `${what} expired ${iso(window.notAfter)}, request clock ${iso(nowMs)}`);
  }
}

function iso(ms: number): string {
  return Number.isFinite(ms) ? new Date(ms).toISOString() : String(ms);
}
