/**
 * Runs one chain validation at a Worker's startup, on Amazon's own public data, so that the
 * first request's validation runs on compiled code instead of paying V8's lazy compilation
 * of asn1js, pkijs and our checks: the signing chain Amazon served in 2023 (leaf
 * echo-api.amazon.com, valid 2023-03-16 .. 2023-12-23, and its issuing CA Amazon RSA 2048
 * M01), checked as a served chain is (PEM, leaf dates and SAN, the path to Amazon Root CA 1
 * in pkijs, the leaf key's import and one signature check) at a clock inside that validity.
 * The PEM is the first two certificates of https://s3.amazonaws.com/echo.api/echo-api-cert-12.pem
 * (test/fixtures/alexa-real/certs/echo-api-cert-12_2023.pem, where its provenance is noted).
 * Global scope runs against Cloudflare's 1 s startup limit, not the 10 ms of CPU the free
 * plan allows a request. Nothing here does I/O (workerd's WebCrypto answers at once, so the
 * work is done before the first request arrives); it uses its own pkijs engine and touches
 * no verifier's state, except that the chain check gives the shared Amazon Root CA 1 object
 * the byte-equal name comparison (chain-path.ts) that the first request would give it anyway,
 * with the same answers. A failure only means the first request runs cold, so it is
 * swallowed.
 */
import { validateChainPath } from "./chain-path.js";
import { buildPkijsEngine } from "./crypto-engine.js";
import { requireEchoApiSan } from "./leaf-checks.js";
import { ServedChain } from "./served-chain.js";
import { importSigningKey } from "./signature.js";
import type { TrustAnchorSet } from "./trust-anchors.js";
import { requireValidAt, validityOf } from "./validity.js";
import { encodeBase64 } from "../shared/base64.js";

const AMAZON_SIGNING_CHAIN_2023 = `
-----BEGIN CERTIFICATE-----
MIIF1DCCBLygAwIBAgIQBN+8chNo1Sj7b0tM5snCVjANBgkqhkiG9w0BAQsFADA8
MQswCQYDVQQGEwJVUzEPMA0GA1UEChMGQW1hem9uMRwwGgYDVQQDExNBbWF6b24g
UlNBIDIwNDggTTAxMB4XDTIzMDMxNjAwMDAwMFoXDTIzMTIyMzIzNTk1OVowHjEc
MBoGA1UEAxMTZWNoby1hcGkuYW1hem9uLmNvbTCCASIwDQYJKoZIhvcNAQEBBQAD
ggEPADCCAQoCggEBAKIQEkLs9APyNk6eV9X1QXh+ca8XtooQy6BiSpzMY6HKtg13
G5cL/hCkXNUbsJYsO47BKsBcYKOhrI9Tlz3aMwFPX/Y2rK32WgeIs1jf0Et7UXQ5
hvUm9CQ5eCmpUWL69rkDoN8ig8pnaO/5CXWA/3hEJi/ChhI/u0VTLljClH7ZKTmu
uVLmFEthUc3Zk9kGa7hmBx3Dy/Pj7eqZUEq7KrRqzqvGXSSh22fp2IJ8QcOyTNt6
wNtOmepdYUUB1EWaoIcc2WiBlC/fsB8yJbGlC6r+JRoXEaJexW8BMN1/McIFsXx0
pg0hovlN68kyuz5hKPwVZ9aQHrEKyl3bf5VtF8kCAwEAAaOCAu4wggLqMB8GA1Ud
IwQYMBaAFIG4DmOKiRIY5fo7O1CVn+blkBOFMB0GA1UdDgQWBBQo1dfksXQFwRBS
gCVWr5gZCuM51jAeBgNVHREEFzAVghNlY2hvLWFwaS5hbWF6b24uY29tMA4GA1Ud
DwEB/wQEAwIFoDAdBgNVHSUEFjAUBggrBgEFBQcDAQYIKwYBBQUHAwIwOwYDVR0f
BDQwMjAwoC6gLIYqaHR0cDovL2NybC5yMm0wMS5hbWF6b250cnVzdC5jb20vcjJt
MDEuY3JsMBMGA1UdIAQMMAowCAYGZ4EMAQIBMHUGCCsGAQUFBwEBBGkwZzAtBggr
BgEFBQcwAYYhaHR0cDovL29jc3AucjJtMDEuYW1hem9udHJ1c3QuY29tMDYGCCsG
AQUFBzAChipodHRwOi8vY3J0LnIybTAxLmFtYXpvbnRydXN0LmNvbS9yMm0wMS5j
ZXIwDAYDVR0TAQH/BAIwADCCAYAGCisGAQQB1nkCBAIEggFwBIIBbAFqAHYA6D7Q
2j71BjUy51covIlryQPTy9ERa+zraeF3fW0GvW4AAAGG7FRdNgAABAMARzBFAiEA
/YIL1U8CP30wrUhqg3ILfVSkVAfQ/Eo3SGNjvz8VEwMCIG38MeCoXQN3hvE77uPR
sTE59GxdeozFwZqPcGaZSYp+AHcAs3N3B+GEUPhjhtYFqdwRCUp5LbFnDAuH3PAD
Dnk2pZoAAAGG7FRdZgAABAMASDBGAiEAyubrDupeOQjRFs7oGz+he0X1S6k03xZ/
6x0w5b7xkmICIQDY6IkaeoEFrMMv3vl2PlE2c6MxEhJt+t54vXnWcwkPGgB3ALc+
+yTfnE26dfI5xbpY9Gxd/ELPep81xJ4dCYEl7bSZAAABhuxUXRgAAAQDAEgwRgIh
AO+JM3fQLGKncD8qGCiYCS73jWOvhRq94zsxiXjUdTNfAiEAxIryCWuVSLN+S1+K
21tTWBhWi4Q9ndjPVEltqxpnym8wDQYJKoZIhvcNAQELBQADggEBAIrd0C+BEmLX
iEPMjHByEYmT4Ho/WSZSjn7VYzzn5D2SqsRHYG6NkMTLbxcdjmMlsAk8ZD+jqJii
HTXmYcKOohH5My70l8YekFpiSP91eEziYSdFsCmXwzH5OmxOkVwvFwa5ZZI93aaQ
djoMI8RhG3TiQGsCFe7gXMpD4/Gh3N1CRDEepVadujEv4hBf0FfBjUFzxuxQVvGa
6epG1P55BMR3UPgVSJ1TLNBhxSN2CQKhYMdeA1ncfb6zc6cJ7h0WGEq3iwBr9WD4
fjGn8nMFXV9a5yVoIN2riHAgROjPa7SibLGouof8Ydyu8aOhdhBehcSTpjJ7EzOQ
QlES8QSw3UE=
-----END CERTIFICATE-----
-----BEGIN CERTIFICATE-----
MIIEXjCCA0agAwIBAgITB3MSOAudZoijOx7Zv5zNpo4ODzANBgkqhkiG9w0BAQsF
ADA5MQswCQYDVQQGEwJVUzEPMA0GA1UEChMGQW1hem9uMRkwFwYDVQQDExBBbWF6
b24gUm9vdCBDQSAxMB4XDTIyMDgyMzIyMjEyOFoXDTMwMDgyMzIyMjEyOFowPDEL
MAkGA1UEBhMCVVMxDzANBgNVBAoTBkFtYXpvbjEcMBoGA1UEAxMTQW1hem9uIFJT
QSAyMDQ4IE0wMTCCASIwDQYJKoZIhvcNAQEBBQADggEPADCCAQoCggEBAOtxLKnL
H4gokjIwr4pXD3i3NyWVVYesZ1yX0yLI2qIUZ2t88Gfa4gMqs1YSXca1R/lnCKeT
epWSGA+0+fkQNpp/L4C2T7oTTsddUx7g3ZYzByDTlrwS5HRQQqEFE3O1T5tEJP4t
f+28IoXsNiEzl3UGzicYgtzj2cWCB41eJgEmJmcf2T8TzzK6a614ZPyq/w4CPAff
nAV4coz96nW3AyiE2uhuB4zQUIXvgVSycW7sbWLvj5TDXunEpNCRwC4kkZjK7rol
jtT2cbb7W2s4Bkg3R42G3PLqBvt2N32e/0JOTViCk8/iccJ4sXqrS1uUN4iB5Nmv
JK74csVl+0u0UecCAwEAAaOCAVowggFWMBIGA1UdEwEB/wQIMAYBAf8CAQAwDgYD
VR0PAQH/BAQDAgGGMB0GA1UdJQQWMBQGCCsGAQUFBwMBBggrBgEFBQcDAjAdBgNV
HQ4EFgQUgbgOY4qJEhjl+js7UJWf5uWQE4UwHwYDVR0jBBgwFoAUhBjMhTTsvAyU
lC4IWZzHshBOCggwewYIKwYBBQUHAQEEbzBtMC8GCCsGAQUFBzABhiNodHRwOi8v
b2NzcC5yb290Y2ExLmFtYXpvbnRydXN0LmNvbTA6BggrBgEFBQcwAoYuaHR0cDov
L2NydC5yb290Y2ExLmFtYXpvbnRydXN0LmNvbS9yb290Y2ExLmNlcjA/BgNVHR8E
ODA2MDSgMqAwhi5odHRwOi8vY3JsLnJvb3RjYTEuYW1hem9udHJ1c3QuY29tL3Jv
b3RjYTEuY3JsMBMGA1UdIAQMMAowCAYGZ4EMAQIBMA0GCSqGSIb3DQEBCwUAA4IB
AQCtAN4CBSMuBjJitGuxlBbkEUDeK/pZwTXv4KqPK0G50fOHOQAd8j21p0cMBgbG
kfMHVwLU7b0XwZCav0h1ogdPMN1KakK1DT0VwA/+hFvGPJnMV1Kx2G4S1ZaSk0uU
5QfoiYIIano01J5k4T2HapKQmmOhS/iPtuo00wW+IMLeBuKMn3OLn005hcrOGTad
hcmeyfhQP7Z+iKHvyoQGi1C0ClymHETx/chhQGDyYSWqB/THwnN15AwLQo0E5V9E
SJlbe4mBlqeInUsNYugExNf+tOiybcrswBy8OFsd34XOW3rjSUtsuafd9AWySa3h
xRRrwszrzX/WWGm6wyB+f7C4
-----END CERTIFICATE-----
`;
const INSIDE_ITS_VALIDITY_MS = Date.parse("2023-06-01T00:00:00Z");

let warmed: Promise<boolean> | undefined;

/**
 * Validates the 2023 chain to Amazon Root CA 1, once per isolate (later calls share the
 * first), off any request. Resolves `true` when the whole check passed, `false` when
 * something failed (never rejects): either way the first request verifies as it always does.
 *
 * @example
 * ```ts
 * void warmUpChainValidation(loadTrustAnchors(DEFAULT_TRUST_ANCHORS)); // at global scope
 * ```
 */
export function warmUpChainValidation(anchors: Promise<TrustAnchorSet>, subtle: SubtleCrypto = crypto.subtle): Promise<boolean> {
  warmed ??= validateWarmUpChain(anchors, subtle);
  return warmed;
}

/** The check itself, every time it is called: `true` when the 2023 chain validated and its key imported. */
export async function validateWarmUpChain(anchors: Promise<TrustAnchorSet>, subtle: SubtleCrypto = crypto.subtle): Promise<boolean> {
  try {
    const served = ServedChain.fromPem(AMAZON_SIGNING_CHAIN_2023);
    const leaf = served.certificate(0);
    requireValidAt(validityOf(leaf), INSIDE_ITS_VALIDITY_MS, "warm-up leaf");
    requireEchoApiSan(leaf);
    await validateChainPath(served.certificates(), await anchors, INSIDE_ITS_VALIDITY_MS, buildPkijsEngine());
    const key = await importSigningKey(encodeBase64(served.subjectPublicKeyInfo(0)), "SHA-256", subtle);
    await subtle.verify("RSASSA-PKCS1-v1_5", key, new Uint8Array(256), new Uint8Array(0));
    return true;
  } catch {
    return false;
  }
}
