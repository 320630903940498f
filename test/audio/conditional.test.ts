// Conditional requests: If-None-Match (weak compare, `*`, lists, precedence over
// If-Modified-Since), If-Modified-Since at second granularity, and If-Range.
import { describe, expect, it } from "vitest";
import {
  evaluatePreconditions,
  ifNoneMatchMatches,
  ifRangeAllowsPartial,
  parseEntityTag,
} from "../../src/audio/conditional.js";

const current = { etag: '"abc"', lastModified: new Date("2024-05-01T10:00:00.750Z") };
const headers = (init: Record<string, string>) => new Headers(init);

describe("If-None-Match", () => {
  it.each([
    ['"abc"', true],
    ['W/"abc"', true],
    ["*", true],
    [' "x" , W/"abc" ', true],
    ['"x","y"', false],
    ['"ab,c", "abc"', true],
    ["abc", false],
    ['"ABC"', false],
    ["", false],
  ])("%j matches %j: %s", (header, expected) => {
    expect(ifNoneMatchMatches(header, current.etag)).toBe(expected);
  });

  it("parses entity tags strictly", () => {
    expect(parseEntityTag('W/"a"')).toEqual({ weak: true, opaque: '"a"' });
    expect(parseEntityTag('"a b"')).toBeNull();
    expect(parseEntityTag("w/\"a\"")).toBeNull();
  });
});

describe("evaluatePreconditions", () => {
  it("answers not-modified for a matching tag", () => {
    expect(evaluatePreconditions(headers({ "If-None-Match": '"abc"' }), current)).toBe("not-modified");
  });

  it("lets If-None-Match win over If-Modified-Since", () => {
    const h = headers({ "If-None-Match": '"other"', "If-Modified-Since": "Wed, 01 May 2030 00:00:00 GMT" });
    expect(evaluatePreconditions(h, current)).toBe("proceed");
  });

  it("compares If-Modified-Since to the second", () => {
    const same = headers({ "If-Modified-Since": "Wed, 01 May 2024 10:00:00 GMT" });
    const earlier = headers({ "If-Modified-Since": "Wed, 01 May 2024 09:59:59 GMT" });
    expect(evaluatePreconditions(same, current)).toBe("not-modified");
    expect(evaluatePreconditions(earlier, current)).toBe("proceed");
  });

  it("ignores an invalid date and proceeds without conditionals", () => {
    expect(evaluatePreconditions(headers({ "If-Modified-Since": "yesterday" }), current)).toBe("proceed");
    expect(evaluatePreconditions(headers({}), current)).toBe("proceed");
  });
});

describe("If-Range", () => {
  it.each([
    [{}, true],
    [{ "If-Range": '"abc"' }, true],
    [{ "If-Range": 'W/"abc"' }, false],
    [{ "If-Range": '"old"' }, false],
    [{ "If-Range": "Wed, 01 May 2024 10:00:00 GMT" }, true],
    [{ "If-Range": "Wed, 01 May 2024 09:00:00 GMT" }, false],
    [{ "If-Range": "garbage" }, false],
  ])("%j allows a partial answer: %s", (init, expected) => {
    expect(ifRangeAllowsPartial(headers(init), current)).toBe(expected);
  });

  it("never matches a weak current tag", () => {
    expect(ifRangeAllowsPartial(headers({ "If-Range": '"abc"' }), { ...current, etag: 'W/"abc"' })).toBe(false);
  });
});
