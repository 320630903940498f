#!/usr/bin/env bash
# Regenerates the example skill's story MP3s (assets/stories/<id>.mp3) from the texts in
# stories.txt: espeak-ng reads each story slowly, ffmpeg encodes it with Amazon's documented
# command (MPEG-2 layer III, 48 kbps CBR, 24000 Hz, no Xing header), which suits both SSML
# <audio> and AudioPlayer. Output is reproducible (no tags, no encoder metadata).
# Needs espeak-ng and ffmpeg (Debian/Ubuntu: apt-get install espeak-ng ffmpeg).
# After changing a story, update its durationMs in src/example/catalog.ts (printed below).
set -euo pipefail
cd "$(dirname "$0")"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

while IFS='|' read -r id text; do
  [[ -z "$id" || "$id" == \#* ]] && continue
  espeak-ng -v en-us -s 135 -p 40 -w "$work/$id.wav" "$text"
  ffmpeg -nostdin -hide_banner -loglevel error -y -i "$work/$id.wav" \
    -fflags +bitexact -flags:a +bitexact -map_metadata -1 \
    -ac 2 -codec:a libmp3lame -b:a 48k -ar 24000 -write_xing 0 -id3v2_version 0 "$id.mp3"
  ms="$(ffprobe -v error -show_entries format=duration -of csv=p=0 "$id.mp3" | awk '{ printf "%d", $1 * 1000 }')"
  echo "$id.mp3: ${ms} ms, $(wc -c < "$id.mp3") bytes"
done < stories.txt
