/**
 * The decisions `npm start` makes (cli/dev-setup-plan.ts): renewing the dev kit by its leaf
 * certificate's dates, the SKILLFLARE_DEV_TRUST value the Worker parses, rewriting .dev.vars
 * without losing the user's lines, SKILL_IDS, reading the committed wrangler.toml, and which
 * story MP3s still need seeding.
 */
import { describe, expect, inject, it } from "vitest";
import {
  DEV_VARS_HEADER,
  devTrustValue,
  devVarsValue,
  kitRenewalReason,
  objectsToSeed,
  parseSeedStamp,
  PLACEHOLDER_SKILL_ID,
  skillIdsWithDev,
  updateDevVars,
  wranglerVar,
} from "../../cli/dev-setup-plan.js";
import { audioBucketFromWranglerToml } from "../../cli/wrangler.js";
import { DEV_SKILL_ID } from "../../src/devkit/index.js";
import { parseDevTrust } from "../../src/http/dev-trust.js";
import wranglerToml from "../../wrangler.toml?raw";

const DAY = 86_400_000;
const kit = inject("devKit");
const created = new Date(kit.createdAt).getTime();

describe("kitRenewalReason", () => {
  it("keeps a kit whose leaf is valid for more than a week", () => {
    expect(kitRenewalReason(kit, new Date(created))).toBeNull();
    expect(kitRenewalReason(kit, new Date(created + 300 * DAY))).toBeNull();
  });

  it("renews a kit that is missing, unreadable, not yet valid or about to expire", () => {
    expect(kitRenewalReason(undefined, new Date())).toBe("missing");
    expect(kitRenewalReason(null, new Date())).toBe("unreadable");
    expect(kitRenewalReason({ ...kit, format: "other" }, new Date())).toBe("unreadable");
    expect(kitRenewalReason({ ...kit, certificatesPem: { ...kit.certificatesPem, leaf: "garbage" } }, new Date())).toBe("unreadable");
    expect(kitRenewalReason(kit, new Date(created - 2 * DAY))).toBe("not-yet-valid");
    expect(kitRenewalReason(kit, new Date(created + 360 * DAY))).toBe("expiring");
    expect(kitRenewalReason(kit, new Date(created + 400 * DAY))).toBe("expiring");
  });
});

describe("devTrustValue", () => {
  it("is what the Worker's dev trust parses: the kit's anchors and its chain at its URL", () => {
    expect(parseDevTrust(devTrustValue(kit))).toEqual({ anchors: kit.anchorsPem, chains: { [kit.chainUrl]: kit.chainPem } });
  });
});

describe(".dev.vars", () => {
  const trust = devTrustValue(kit);

  it("is created with a header and single-quoted values that keep the JSON's \\n escapes", () => {
    const text = updateDevVars(undefined, { SKILLFLARE_DEV_TRUST: trust, SKILL_IDS: DEV_SKILL_ID });
    expect(text.startsWith(DEV_VARS_HEADER)).toBe(true);
    expect(text).toContain(`SKILLFLARE_DEV_TRUST='${trust}'\n`);
    expect(text.endsWith(`SKILL_IDS='${DEV_SKILL_ID}'\n`)).toBe(true);
    expect(devVarsValue(text, "SKILLFLARE_DEV_TRUST")).toBe(trust);
  });

  it("replaces our keys in place and keeps every other line, comment and blank line", () => {
    const before = [
      "# my settings",
      "AUDIO_URL_SECRET=shh",
      "",
      'SKILL_IDS="amzn1.ask.skill.mine"',
      "export SKILLFLARE_DEV_TRUST='old'",
      "OTHER = 'x' # note",
    ].join("\n");
    const after = updateDevVars(before, { SKILLFLARE_DEV_TRUST: trust, SKILL_IDS: "a,b" });
    expect(after.split("\n")).toEqual([
      "# my settings",
      "AUDIO_URL_SECRET=shh",
      "",
      "SKILL_IDS='a,b'",
      `SKILLFLARE_DEV_TRUST='${trust}'`,
      "OTHER = 'x' # note",
      "",
    ]);
    expect(updateDevVars(after, { SKILLFLARE_DEV_TRUST: trust, SKILL_IDS: "a,b" })).toBe(after);
  });

  it("reads values with or without quotes, and refuses values it cannot quote", () => {
    expect(devVarsValue('A="x,y"\nB=plain\n', "A")).toBe("x,y");
    expect(devVarsValue('A="x,y"\nB=plain\n', "B")).toBe("plain");
    expect(devVarsValue("A=1", "C")).toBeUndefined();
    expect(() => updateDevVars("", { A: "it's" })).toThrow(TypeError);
  });

  it("SKILL_IDS keeps the user's ids, adds the dev skill id once, drops the placeholder", () => {
    expect(skillIdsWithDev(undefined)).toBe(DEV_SKILL_ID);
    expect(skillIdsWithDev(" amzn1.ask.skill.a , amzn1.ask.skill.b ")).toBe(`amzn1.ask.skill.a,amzn1.ask.skill.b,${DEV_SKILL_ID}`);
    expect(skillIdsWithDev(`${DEV_SKILL_ID},amzn1.ask.skill.a`)).toBe(`${DEV_SKILL_ID},amzn1.ask.skill.a`);
    expect(skillIdsWithDev(PLACEHOLDER_SKILL_ID)).toBe(DEV_SKILL_ID);
  });
});

describe("reading wrangler.toml", () => {
  it("finds SKILL_IDS and the AUDIO bucket in the committed file", () => {
    expect(wranglerVar(wranglerToml, "SKILL_IDS")).toBe(PLACEHOLDER_SKILL_ID);
    expect(audioBucketFromWranglerToml(wranglerToml)).toBe("skillflare-audio");
  });

  it("does not read a var from another table, nor a bucket of another binding", () => {
    const toml = '[vars]\nA = "1"\n\n[other]\nB = "2"\n\n[[r2_buckets]]\nbinding = "X"\nbucket_name = "x"\n';
    expect(wranglerVar(toml, "A")).toBe("1");
    expect(wranglerVar(toml, "B")).toBeUndefined();
    expect(audioBucketFromWranglerToml(toml)).toBeNull();
    expect(audioBucketFromWranglerToml(toml.replace('binding = "X"', 'binding = "AUDIO"'))).toBe("x");
  });
});

describe("parseSeedStamp", () => {
  it("reads a stamp, and treats a missing or corrupt one as no stamp (seed again, no crash)", () => {
    expect(parseSeedStamp('{"bucket":"b","objects":{}}')).toEqual({ bucket: "b", objects: {} });
    expect(parseSeedStamp(undefined)).toBeUndefined();
    expect(parseSeedStamp("{garbage")).toBeUndefined();
    const objects = [{ key: "stories/a.mp3", sha256: "aa" }];
    expect(objectsToSeed(parseSeedStamp("{garbage"), "bucket", objects)).toEqual(objects);
  });
});

describe("objectsToSeed", () => {
  const objects = [
    { key: "stories/a.mp3", sha256: "aa" },
    { key: "stories/b.mp3", sha256: "bb" },
  ];

  it("seeds everything without a stamp, nothing when the stamp matches, only what changed otherwise", () => {
    expect(objectsToSeed(undefined, "bucket", objects)).toEqual(objects);
    expect(objectsToSeed({ bucket: "bucket", objects: { "stories/a.mp3": "aa", "stories/b.mp3": "bb" } }, "bucket", objects)).toEqual([]);
    expect(objectsToSeed({ bucket: "bucket", objects: { "stories/a.mp3": "aa", "stories/b.mp3": "old" } }, "bucket", objects)).toEqual([
      objects[1],
    ]);
  });

  it("reseeds everything for another bucket or a malformed stamp", () => {
    expect(objectsToSeed({ bucket: "other", objects: { "stories/a.mp3": "aa" } }, "bucket", objects)).toEqual(objects);
    expect(objectsToSeed({ bucket: "bucket", objects: null }, "bucket", objects)).toEqual(objects);
    expect(objectsToSeed("junk", "bucket", objects)).toEqual(objects);
  });
});
