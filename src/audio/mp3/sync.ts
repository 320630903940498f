// Frame-sync search with lock-on. A lone 0xFFE pattern is common in garbage, cover art and
// tag bodies, so a candidate only counts once it is followed by further headers of the same
// stream exactly where its frame length says (or the chain ends exactly at the end of the
// audio). This keeps false syncs out of both the first-frame search and resynchronisation.

import { type FrameHeader, parseFrameHeader, sameStream } from "./frame-header.js";

export const DEFAULT_LOCK_FRAMES = 3;

export interface LockedFrame {
  readonly offset: number;
  readonly header: FrameHeader;
}

/** First offset in [from, end) where `lockFrames` consistent frames chain together. */
export function findLockedFrame(
  bytes: Uint8Array,
  from: number,
  end: number,
  lockFrames: number = DEFAULT_LOCK_FRAMES,
): LockedFrame | null {
  const limit = Math.min(end, bytes.length) - 4;
  for (let offset = Math.max(0, from); offset <= limit; offset++) {
    if (bytes[offset] !== 0xff) continue;
    const header = parseFrameHeader(bytes, offset);
    if (header !== null && chainHolds(bytes, offset, header, end, lockFrames)) {
      return { offset, header };
    }
  }
  return null;
}

function chainHolds(
  bytes: Uint8Array,
  offset: number,
  first: FrameHeader,
  end: number,
  lockFrames: number,
): boolean {
  let next = offset + first.frameBytes;
  for (let seen = 1; seen < lockFrames; seen++) {
    if (next === end) return true; // a short stream that ends cleanly on a frame boundary
    if (next > end) return seen >= 2; // the last frame is cut short, but earlier ones chained
    const header = parseFrameHeader(bytes, next);
    if (header === null || !sameStream(first, header)) return false;
    next += header.frameBytes;
  }
  return true;
}
