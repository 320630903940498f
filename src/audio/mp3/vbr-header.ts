// Reads the encoder's summary frame at the start of a layer III stream: "Xing" (VBR) or
// "Info" (CBR) written by LAME/ffmpeg right after the side information, or Fraunhofer's "VBRI"
// 32 bytes after the header. Such a frame holds no audio; its frame count gives the declared
// duration. All reads are bounds-checked against both the frame and the buffer.

import { matches, readUint32BE } from "./bytes.js";
import { type FrameHeader } from "./frame-header.js";
import { layer3SideInfoBytes } from "./tables.js";
import type { VbrHeader } from "./report.js";

const XING_FRAMES_FLAG = 0x1;
const XING_BYTES_FLAG = 0x2;
const VBRI_OFFSET = 36;

export function readVbrHeader(bytes: Uint8Array, frameOffset: number, header: FrameHeader): VbrHeader | null {
  if (header.layer !== 3) return null;
  const frameEnd = Math.min(frameOffset + header.frameBytes, bytes.length);
  const xing = frameOffset + 4 + (header.crcProtected ? 2 : 0) + layer3SideInfoBytes(header.version, header.channelMode);
  const kind = matches(bytes, xing, "Xing") ? "xing" : matches(bytes, xing, "Info") ? "info" : null;
  if (kind !== null && xing + 8 <= frameEnd) {
    const flags = readUint32BE(bytes, xing + 4);
    let cursor = xing + 8;
    let frames: number | null = null;
    let streamBytes: number | null = null;
    if ((flags & XING_FRAMES_FLAG) !== 0 && cursor + 4 <= frameEnd) {
      frames = readUint32BE(bytes, cursor);
      cursor += 4;
    }
    if ((flags & XING_BYTES_FLAG) !== 0 && cursor + 4 <= frameEnd) {
      streamBytes = readUint32BE(bytes, cursor);
    }
    return { kind, frames, bytes: streamBytes };
  }
  const vbri = frameOffset + VBRI_OFFSET;
  if (matches(bytes, vbri, "VBRI") && vbri + 18 <= frameEnd) {
    return { kind: "vbri", bytes: readUint32BE(bytes, vbri + 10), frames: readUint32BE(bytes, vbri + 14) };
  }
  return null;
}
