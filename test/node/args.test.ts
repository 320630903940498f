// The CLI argument parser and the wrangler.toml bucket lookup: the small pure pieces the
// commands stand on.

import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { lastString, parseArgs } from "../../cli/args.js";
import { defaultKeyFor, keyProblem } from "../../cli/audio-upload.js";
import { audioBucketFromWranglerToml, r2PutArgs } from "../../cli/wrangler.js";

describe("parseArgs", () => {
  const spec = { json: "boolean", ca: "string", "no-convert": "boolean" } as const;

  it("separates positionals, booleans and repeatable string options in both spellings", () => {
    const result = parseArgs(["a.mp3", "--json", "--ca", "one.pem", "--ca=two.pem", "--no-convert", "--", "--literal"], spec);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.args.positionals).toEqual(["a.mp3", "--literal"]);
    expect([...result.args.booleans]).toEqual(["json", "no-convert"]);
    expect(result.args.strings.get("ca")).toEqual(["one.pem", "two.pem"]);
    expect(lastString(result.args, "ca")).toBe("two.pem");
  });

  it.each([
    [["--nope"], "unknown option --nope"],
    [["-x"], "unknown option -x"],
    [["--ca"], "--ca needs a value"],
    [["--ca="], "--ca needs a value"],
    [["--json=yes"], "--json takes no value"],
  ])("rejects %j: %s", (argv, message) => {
    expect(parseArgs(argv, spec)).toEqual({ ok: false, message });
  });
});

describe("R2 helpers", () => {
  it("finds the AUDIO bucket in this project's wrangler.toml", () => {
    const toml = readFileSync(new URL("../../wrangler.toml", import.meta.url), "utf8");
    expect(audioBucketFromWranglerToml(toml)).toBe("skillflare-audio");
  });

  it("picks the AUDIO binding among several buckets and ignores comments", () => {
    const toml = `[[r2_buckets]]\nbinding = "OTHER"\nbucket_name = "x"\n\n[[r2_buckets]] # audio\nbucket_name = "sounds" # prod\nbinding = "AUDIO"\n[vars]\nA = "b"\n`;
    expect(audioBucketFromWranglerToml(toml)).toBe("sounds");
    expect(audioBucketFromWranglerToml("[vars]\nX = \"y\"\n")).toBeNull();
  });

  it("builds the wrangler command, --remote unless local", () => {
    const base = { bucket: "b", key: "k.mp3", file: "/tmp/f.mp3", contentType: "audio/mpeg" };
    expect(r2PutArgs({ ...base, local: false })).toEqual(["wrangler", "r2", "object", "put", "b/k.mp3", "--file", "/tmp/f.mp3", "--content-type", "audio/mpeg", "--remote"]);
    expect(r2PutArgs({ ...base, local: true, persistTo: "/p" }).slice(-3)).toEqual(["--local", "--persist-to", "/p"]);
  });

  it("derives keys from file names and refuses unsafe keys", () => {
    expect(defaultKeyFor("/x/greeting.wav")).toBe("greeting.mp3");
    expect(keyProblem("sounds/greeting.mp3")).toBeNull();
    for (const bad of ["", "/abs.mp3", "../up.mp3", "a//b.mp3", "a\\b.mp3", "a\nb"]) expect(keyProblem(bad)).not.toBeNull();
  });
});
