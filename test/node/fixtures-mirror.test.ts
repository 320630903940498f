// The base64 mirror that workerd tests import must be byte-identical to the committed .mp3
// fixtures, and every fixture must be documented in the folder's README.

import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { MP3_FIXTURES_BASE64, mp3Fixture, type Mp3FixtureName } from "../fixtures/audio/mp3-fixtures.js";

const dir = new URL("../fixtures/audio/", import.meta.url);
const files = readdirSync(dir).filter((name) => name.endsWith(".mp3")).sort();

describe("test/fixtures/audio", () => {
  it("mirrors exactly the .mp3 files", () => {
    expect(Object.keys(MP3_FIXTURES_BASE64).sort()).toEqual(files);
  });

  it.each(files)("%s matches its base64 mirror byte for byte", (name) => {
    expect(Buffer.from(mp3Fixture(name as Mp3FixtureName)).equals(readFileSync(new URL(name, dir)))).toBe(true);
  });

  it("documents every fixture in README.md", () => {
    const readme = readFileSync(new URL("README.md", dir), "utf8");
    for (const name of files) expect(readme).toContain(name);
  });
});
