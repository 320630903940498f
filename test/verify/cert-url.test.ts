/**
 * SignatureCertChainUrl validation. Every example URL of Amazon's page (seed
 * 002, "Check the request signature", step 1) is here with its expected
 * outcome, followed by the escapes a lax check lets through: dot segments,
 * percent-encoded dots and slashes, userinfo, query strings, odd ports,
 * whitespace and garbage.
 */
import { describe, expect, it } from "vitest";
import { normaliseCertChainUrl, removeDotSegments } from "../../src/verify/cert-url.js";
import { AlexaVerificationError } from "../../src/verify/errors.js";

const CANONICAL = "https://s3.amazonaws.com/echo.api/echo-api-cert.pem";

function rejectionOf(url: string): AlexaVerificationError | undefined {
  try {
    normaliseCertChainUrl(url);
    return undefined;
  } catch (error) {
    if (error instanceof AlexaVerificationError) return error;
    throw error;
  }
}

describe("Amazon's examples (seed 002)", () => {
  it.each([
    "https://s3.amazonaws.com/echo.api/echo-api-cert.pem",
    "https://s3.amazonaws.com:443/echo.api/echo-api-cert.pem",
    "https://s3.amazonaws.com/echo.api/../echo.api/echo-api-cert.pem",
  ])("accepts %s and normalises it", (url) => {
    expect(normaliseCertChainUrl(url)).toBe(CANONICAL);
  });

  it.each([
    ["http://s3.amazonaws.com/echo.api/echo-api-cert.pem", "invalid protocol"],
    ["https://notamazon.com/echo.api/echo-api-cert.pem", "invalid hostname"],
    ["https://s3.amazonaws.com/EcHo.aPi/echo-api-cert.pem", "invalid path"],
    ["https://s3.amazonaws.com/invalid.path/echo-api-cert.pem", "invalid path"],
    ["https://s3.amazonaws.com:563/echo.api/echo-api-cert.pem", "invalid port"],
  ])("rejects %s (%s)", (url) => {
    expect(rejectionOf(url)?.reason).toBe("invalid-cert-url");
  });
});

describe("normalisation", () => {
  it.each([
    ["HTTPS://S3.AMAZONAWS.COM/echo.api/echo-api-cert.pem", CANONICAL],
    ["hTTpS://s3.AmazonAWS.com:443/echo.api/echo-api-cert.pem", CANONICAL],
    ["https://s3.amazonaws.com//echo.api//echo-api-cert.pem", CANONICAL],
    ["https://s3.amazonaws.com/echo.api/./echo-api-cert.pem", CANONICAL],
    ["https://s3.amazonaws.com/../echo.api/echo-api-cert.pem", CANONICAL],
    ["https://s3.amazonaws.com/echo.api/echo-api-cert.pem#fragment", CANONICAL],
    ["https://s3.amazonaws.com/echo.api/echo-api-cert.pem#", CANONICAL],
    ["https://s3.amazonaws.com/echo.api/x/../echo-api-cert.pem", CANONICAL],
    ["https://s3.amazonaws.com/echo.api/echo-api-cert-12.pem", "https://s3.amazonaws.com/echo.api/echo-api-cert-12.pem"],
  ])("%s -> %s", (url, expected) => {
    expect(normaliseCertChainUrl(url)).toBe(expected);
  });

  it.each([
    ["/a/b/../c", "/a/c"],
    ["/a/./b/.", "/a/b/"],
    ["/a/..", "/"],
    ["/../../a", "/a"],
    ["/a/b/..", "/a/"],
    ["", ""],
  ])("removeDotSegments(%s) = %s", (path, expected) => {
    expect(removeDotSegments(path)).toBe(expected);
  });
});

describe("rejected escapes and junk", () => {
  it.each([
    ["dot segments leaving /echo.api/", "https://s3.amazonaws.com/echo.api/../evil.pem"],
    ["dot segments leaving after a duplicate slash", "https://s3.amazonaws.com/echo.api//../evil.pem"],
    ["dot segment at the end", "https://s3.amazonaws.com/echo.api/.."],
    ["encoded dots", "https://s3.amazonaws.com/echo.api/%2e%2e/evil.pem"],
    ["upper-case encoded dots", "https://s3.amazonaws.com/echo.api/%2E%2E/evil.pem"],
    ["half-encoded dots", "https://s3.amazonaws.com/echo.api/.%2e/evil.pem"],
    ["encoded slash", "https://s3.amazonaws.com/echo.api%2fevil.pem"],
    ["encoded slash inside /echo.api/", "https://s3.amazonaws.com/echo.api/..%2fevil.pem"],
    ["upper-case encoded slash", "https://s3.amazonaws.com/echo.api/..%2Fevil.pem"],
    ["encoded backslash", "https://s3.amazonaws.com/echo.api/..%5cevil.pem"],
    ["encoded dot in the prefix", "https://s3.amazonaws.com/echo%2eapi/echo-api-cert.pem"],
    ["backslash", "https://s3.amazonaws.com/echo.api\\..\\evil.pem"],
    ["backslash after the host", "https://s3.amazonaws.com\\echo.api/echo-api-cert.pem"],
    ["malformed percent escape", "https://s3.amazonaws.com/echo.api/%zz.pem"],
    ["userinfo pointing elsewhere", "https://s3.amazonaws.com@evil.com/echo.api/x"],
    ["userinfo before the right host", "https://evil.com@s3.amazonaws.com/echo.api/x"],
    ["userinfo with password", "https://user:pass@s3.amazonaws.com/echo.api/echo-api-cert.pem"],
    ["query string", "https://s3.amazonaws.com/echo.api/echo-api-cert.pem?x=1"],
    ["empty query string", "https://s3.amazonaws.com/echo.api/echo-api-cert.pem?"],
    ["query string that looks like a path", "https://s3.amazonaws.com/echo.api/echo-api-cert.pem?/echo.api/"],
    ["port 80", "https://s3.amazonaws.com:80/echo.api/echo-api-cert.pem"],
    ["port 0443", "https://s3.amazonaws.com:0443/echo.api/echo-api-cert.pem"],
    ["empty port", "https://s3.amazonaws.com:/echo.api/echo-api-cert.pem"],
    ["port that is not a number", "https://s3.amazonaws.com:https/echo.api/echo-api-cert.pem"],
    ["host with trailing dot", "https://s3.amazonaws.com./echo.api/echo-api-cert.pem"],
    ["host suffix", "https://s3.amazonaws.com.evil.com/echo.api/echo-api-cert.pem"],
    ["host prefix", "https://evils3.amazonaws.com/echo.api/echo-api-cert.pem"],
    ["regional S3 host", "https://s3.us-east-1.amazonaws.com/echo.api/echo-api-cert.pem"],
    ["virtual-hosted bucket", "https://echo.api.s3.amazonaws.com/echo-api-cert.pem"],
    ["IP address", "https://52.216.0.1/echo.api/echo-api-cert.pem"],
    ["scheme-relative", "//s3.amazonaws.com/echo.api/echo-api-cert.pem"],
    ["no scheme", "s3.amazonaws.com/echo.api/echo-api-cert.pem"],
    ["ftp", "ftp://s3.amazonaws.com/echo.api/echo-api-cert.pem"],
    ["https with one slash", "https:/s3.amazonaws.com/echo.api/echo-api-cert.pem"],
    ["three slashes", "https:///s3.amazonaws.com/echo.api/echo-api-cert.pem"],
    ["path without trailing slash on the prefix", "https://s3.amazonaws.com/echo.api"],
    ["prefix as a longer segment", "https://s3.amazonaws.com/echo.apix/echo-api-cert.pem"],
    ["no path", "https://s3.amazonaws.com"],
    ["leading space", " https://s3.amazonaws.com/echo.api/echo-api-cert.pem"],
    ["trailing newline", "https://s3.amazonaws.com/echo.api/echo-api-cert.pem\n"],
    ["tab inside", "https://s3.amazonaws.com/echo.\tapi/echo-api-cert.pem"],
    ["space inside", "https://s3.amazonaws.com/echo.api/echo api.pem"],
    ["non-ASCII host", "https://s3.amazonаws.com/echo.api/echo-api-cert.pem"],
    ["non-ASCII path", "https://s3.amazonaws.com/echo.api/é.pem"],
    ["empty", ""],
    ["garbage", "not a url"],
    ["javascript", "javascript:alert(1)"],
    ["data URL", "data:text/plain,-----BEGIN CERTIFICATE-----"],
    ["too long", `https://s3.amazonaws.com/echo.api/${"a".repeat(2000)}.pem`],
  ])("rejects %s: %s", (_why, url) => {
    const failure = rejectionOf(url);
    expect(failure?.reason).toBe("invalid-cert-url");
    expect(failure?.detail).toBeTruthy();
  });

  it("accepts what the official Node SDK accepts only when it stays under /echo.api/", () => {
    expect(normaliseCertChainUrl("https://s3.amazonaws.com/echo.api/../echo.api/x.pem")).toBe("https://s3.amazonaws.com/echo.api/x.pem");
    expect(rejectionOf("https://s3.amazonaws.com/echo.api/../anything")?.reason).toBe("invalid-cert-url");
  });

  it("the URL it returns is what WHATWG URL makes of it (what fetch will request)", () => {
    for (const url of ["https://s3.amazonaws.com:443/echo.api/a%41b.pem", "https://S3.amazonaws.com/echo.api/~x_y-z.pem"]) {
      const normalised = normaliseCertChainUrl(url);
      expect(new URL(normalised).href).toBe(normalised);
      expect(new URL(normalised).host).toBe("s3.amazonaws.com");
    }
  });
});
