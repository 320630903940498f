/**
 * When Amazon's genuine chains changed root, for the fixtures of test/fixtures/alexa-real:
 * before 2018-06-28 they lead to VeriSign Class 3 Public Primary CA G5 (not bundled, so a
 * test or scan of those requests trusts it explicitly), from then on to Amazon Root CA 1.
 * Plain TypeScript without Vite, so the tests' fixture loader and scripts/scan-chain-mutations.ts
 * (run by tsx) share the one date.
 */

/** Amazon switched from the Symantec/VeriSign chain to Amazon Root CA 1 on this date. */
export const AMAZON_TRUST_SERVICES_SINCE = Date.parse("2018-06-28T00:00:00Z");

/** The file under test/fixtures/alexa-real/certs/roots/ of the root the older chains lead to. */
export const VERISIGN_G5_ROOT_FILE = "VeriSign_Class_3_Public_Primary_CA_G5.pem";
