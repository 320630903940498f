// The fixed tables of ISO 11172-3 / ISO 13818-3 (MPEG-1, MPEG-2 and the unofficial MPEG-2.5
// extension) that turn a frame header's index fields into bitrates, sample rates, samples per
// frame and side-information sizes. Pure data plus tiny lookups; index 0 of a bitrate row is
// "free format" and index 15 is forbidden, both returned as null.

/**
 * MPEG audio versions (2.5 is the unofficial extension).
 */
export type MpegVersion = "1" | "2" | "2.5";
/**
 * MPEG audio layers.
 */
export type MpegLayer = 1 | 2 | 3;
/**
 * MPEG audio channel modes.
 */
export type ChannelMode = "stereo" | "joint-stereo" | "dual-channel" | "mono";

const MPEG1_LAYER1 = [32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448];
const MPEG1_LAYER2 = [32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384];
const MPEG1_LAYER3 = [32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320];
const MPEG2_LAYER1 = [32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256];
const MPEG2_LAYER2_3 = [8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160];

const SAMPLE_RATES: Record<MpegVersion, readonly number[]> = {
  "1": [44100, 48000, 32000],
  "2": [22050, 24000, 16000],
  "2.5": [11025, 12000, 8000],
};

/** Bitrate in kbps for a header's 4-bit index; null for free format (0) and the forbidden 15. */
export function bitrateKbps(version: MpegVersion, layer: MpegLayer, index: number): number | null {
  if (index < 1 || index > 14) return null;
  const row =
    version === "1"
      ? layer === 1
        ? MPEG1_LAYER1
        : layer === 2
          ? MPEG1_LAYER2
          : MPEG1_LAYER3
      : layer === 1
        ? MPEG2_LAYER1
        : MPEG2_LAYER2_3;
  return row[index - 1] ?? null;
}

/** Sample rate in Hz for a header's 2-bit index; null for the reserved value 3. */
export function sampleRateHz(version: MpegVersion, index: number): number | null {
  return SAMPLE_RATES[version][index] ?? null;
}

/** PCM samples (per channel) one frame decodes to. */
export function samplesPerFrame(version: MpegVersion, layer: MpegLayer): number {
  if (layer === 1) return 384;
  if (layer === 2) return 1152;
  return version === "1" ? 1152 : 576;
}

/** Bytes of layer III side information that follow the header (and CRC), before main data. */
export function layer3SideInfoBytes(version: MpegVersion, channelMode: ChannelMode): number {
  const mono = channelMode === "mono";
  if (version === "1") return mono ? 17 : 32;
  return mono ? 9 : 17;
}
