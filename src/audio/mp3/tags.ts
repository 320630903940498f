// Finds the metadata tags around the audio so the frame walk sees only audio bytes: ID3v2 tags
// at the start (syncsafe size, optional 10-byte footer, several in a row), and ID3v1 ("TAG",
// last 128 bytes) and APEv2 ("APETAGEX" footer, optional header) at the end. Malformed tags are
// reported as notes, never thrown; the frame search then treats their bytes as junk.

import { matches, readUint32LE } from "./bytes.js";
import type { Mp3Note } from "./report.js";

export interface TagLayout {
  /** First byte after the leading ID3v2 tag(s). */
  readonly audioStart: number;
  /** One past the last byte before trailing ID3v1/APEv2 tags. */
  readonly audioEnd: number;
  readonly id3v2Bytes: number;
  readonly id3v1: boolean;
  readonly apeBytes: number;
  readonly notes: readonly Mp3Note[];
}

const MAX_LEADING_TAGS = 16;

export function locateTags(bytes: Uint8Array): TagLayout {
  const notes: Mp3Note[] = [];
  let audioStart = 0;
  for (let i = 0; i < MAX_LEADING_TAGS; i++) {
    const size = id3v2SizeAt(bytes, audioStart);
    if (size === "absent") break;
    if (size === "malformed") {
      notes.push({ code: "malformed-id3v2", message: `ID3v2 tag at byte ${audioStart} has an invalid header; treated as junk` });
      break;
    }
    if (audioStart + size > bytes.length) {
      notes.push({ code: "truncated-id3v2", message: `ID3v2 tag at byte ${audioStart} claims ${size} bytes but the file ends first` });
      audioStart = bytes.length;
      break;
    }
    audioStart += size;
  }

  let audioEnd = bytes.length;
  let id3v1 = false;
  if (audioEnd - 128 >= audioStart && matches(bytes, audioEnd - 128, "TAG")) {
    id3v1 = true;
    audioEnd -= 128;
  }
  const apeBytes = apeTagBytesEndingAt(bytes, audioEnd, audioStart);
  audioEnd -= apeBytes;
  return { audioStart, audioEnd, id3v2Bytes: audioStart, id3v1, apeBytes, notes };
}

/** Total size of an ID3v2 tag starting at offset (header + body + footer). */
function id3v2SizeAt(bytes: Uint8Array, offset: number): number | "absent" | "malformed" {
  if (offset + 10 > bytes.length || !matches(bytes, offset, "ID3")) return "absent";
  const major = bytes[offset + 3] ?? 0xff;
  const minor = bytes[offset + 4] ?? 0xff;
  const flags = bytes[offset + 5] ?? 0;
  if (major === 0xff || minor === 0xff) return "malformed";
  let body = 0;
  for (let i = 6; i < 10; i++) {
    const b = bytes[offset + i] ?? 0x80;
    if (b >= 0x80) return "malformed"; // syncsafe bytes keep their top bit clear
    body = body * 128 + b;
  }
  const footer = major >= 4 && (flags & 0x10) !== 0 ? 10 : 0;
  return 10 + body + footer;
}

/** Size of an APEv2 tag whose 32-byte footer ends at `end`, or 0 when there is none. */
function apeTagBytesEndingAt(bytes: Uint8Array, end: number, floor: number): number {
  const footer = end - 32;
  if (footer < floor || !matches(bytes, footer, "APETAGEX")) return 0;
  const size = readUint32LE(bytes, footer + 12); // items + footer, header excluded
  const hasHeader = ((bytes[footer + 23] ?? 0) & 0x80) !== 0;
  const total = size + (hasHeader ? 32 : 0);
  if (size < 32 || end - total < floor) return 0;
  return total;
}
