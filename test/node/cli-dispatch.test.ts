// The `skillflare` router: every command answers --help (anywhere before `--`) with its own
// usage on stdout and exit 0; no command, an unknown one, or `audio` without a subcommand is a
// usage error (exit 2) with the command list on stderr.
import { describe, expect, it } from "vitest";
import { memoryIo } from "../../cli/io.js";
import { main, USAGE } from "../../cli/skillflare.js";

describe("skillflare <command> --help", () => {
  it.each([
    [["init", "--help"], "usage: skillflare init <dir>"],
    [["dev", "--help"], "usage: skillflare dev [--port N]"],
    [["simulate", "-h"], "Usage: skillflare simulate <request>"],
    [["audio", "check", "--help"], "usage: skillflare audio check"],
    [["audio", "upload", "x.mp3", "--help"], "usage: skillflare audio upload"],
    [["doctor", "--help"], "usage: skillflare doctor <https-url>"],
    [["deploy", "--help"], "usage: skillflare deploy"],
    [["--help"], "usage: skillflare <command>"],
  ])("%j prints its usage, exit 0", async (argv, usage) => {
    const io = memoryIo();
    expect(await main(argv, io)).toBe(0);
    expect(io.stdout.join("\n")).toContain(usage);
  });

  it.each([[[]], [["deploi"]], [["audio"]], [["audio", "play"]]])("%j is a usage error (exit 2)", async (argv) => {
    const io = memoryIo();
    expect(await main(argv, io)).toBe(2);
    expect(io.stderr.join("\n")).toContain(USAGE);
  });

  it("passes --help after -- on to the command instead of answering it", async () => {
    const io = memoryIo();
    expect(await main(["deploy", "--bogus", "--", "--help"], io)).toBe(2); // --bogus is deploy's usage error
    expect(io.stderr.join("\n")).toContain("unknown option --bogus");
  });
});
