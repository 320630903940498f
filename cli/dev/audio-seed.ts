// Which files of the project's audio folder go into the local R2 bucket, and under which keys:
// every file with an audio extension (the types the audio route serves), keyed by its path
// inside the folder with `/` separators, so assets/stories/moon.mp3 is /audio/stories/moon.mp3.
import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import { contentTypeForKey } from "skillflare/audio";

export interface AudioFile {
  readonly key: string;
  readonly file: string;
  readonly contentType: string;
  readonly sha256: string;
}

async function walk(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.filter((entry) => !entry.name.startsWith(".")).map((entry) => (entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)])),
  );
  return nested.flat();
}

/** The audio files under `dir`, sorted by key; other files (README, scripts) are left out. */
export async function audioFilesIn(dir: string): Promise<AudioFile[]> {
  const files = await walk(dir);
  const audio = await Promise.all(
    files.map(async (file) => {
      const key = relative(dir, file).split(sep).join("/");
      const contentType = contentTypeForKey(key);
      if (contentType === "application/octet-stream" || contentType.startsWith("video/")) return [];
      return [{ key, file, contentType, sha256: createHash("sha256").update(await readFile(file)).digest("hex") }];
    }),
  );
  return audio.flat().sort((a, b) => a.key.localeCompare(b.key));
}
