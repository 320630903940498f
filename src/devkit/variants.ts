/**
 * Named negative variants of a dev signing kit, each expressed as options of
 * `createDevSigningKit` relative to a base kit (same clock, same chain URL,
 * and the base's key pairs wherever reusing them keeps the variant honest):
 * an expired or not-yet-valid leaf, a leaf whose SAN is not echo-api, a leaf
 * without any SAN, a chain to a root nobody trusts, and requests signed with a
 * key that is not the leaf's.
 */
import { createDevSigningKit, type DevSigningKit, type DevSigningKitOptions } from "./kit.js";

/**
 * A dev kit that is wrong in one way (expired leaf, wrong SAN, untrusted root, ...), or valid.
 */
export type DevKitVariant =
  | "valid"
  | "expired-leaf"
  | "not-yet-valid-leaf"
  | "wrong-san"
  | "no-san"
  | "untrusted-root"
  | "wrong-signing-key";

/**
 * Every negative dev kit variant, for table-driven tests.
 * @example
 * it.each(DEV_KIT_VARIANTS.filter((v) => v !== "valid"))("refuses %s", async (variant) => expectRefused(variant));
 */
export const DEV_KIT_VARIANTS: readonly DevKitVariant[] = [
  "valid",
  "expired-leaf",
  "not-yet-valid-leaf",
  "wrong-san",
  "no-san",
  "untrusted-root",
  "wrong-signing-key",
];

/** SAN of the "wrong-san" leaf (its CN stays echo-api.amazon.com, to catch CN-only checks). */
export const WRONG_SAN_DNS_NAME = "echo-api.amazon.com.skillflare-dev.invalid";
/** Name prefix of the "untrusted-root" CA. */
export const UNTRUSTED_NAME_PREFIX = "skillflare dev untrusted";

const DAY_MS = 86_400_000;

/**
 * The `createDevSigningKit` options that make `variant` from `base`.
 * @example
 * const kit2 = await createDevSigningKit(devKitVariantOptions("wrong-san", kit));
 */
export function devKitVariantOptions(variant: DevKitVariant, base: DevSigningKit): DevSigningKitOptions {
  const now = base.createdAt.getTime();
  const shared = { now, chainUrl: base.chainUrl, ...(base.keyPairs ? { keyPairs: base.keyPairs } : {}) };
  switch (variant) {
    case "valid":
      return shared;
    case "expired-leaf":
      return { ...shared, leaf: { notBefore: now - 366 * DAY_MS, notAfter: now - DAY_MS } };
    case "not-yet-valid-leaf":
      return { ...shared, leaf: { notBefore: now + DAY_MS, notAfter: now + 366 * DAY_MS } };
    case "wrong-san":
      return { ...shared, leaf: { dnsNames: [WRONG_SAN_DNS_NAME] } };
    case "no-san":
      return { ...shared, leaf: { dnsNames: [] } };
    case "untrusted-root": {
      // Fresh CA keys and names: the base kit's anchors can neither name nor verify this chain.
      const keyPairs = base.keyPairs ? { leaf: base.keyPairs.leaf } : {};
      return { now, chainUrl: base.chainUrl, keyPairs, namePrefix: UNTRUSTED_NAME_PREFIX };
    }
    case "wrong-signing-key":
      return { ...shared, signWith: "foreign" };
  }
}

/**
 * Creates `variant` of `base` (cheap when `base` carries its key pairs).
 * @example
 * const expired = await createDevSigningKitVariant("expired-leaf", kit); // the Worker must refuse its requests
 */
export function createDevSigningKitVariant(
  variant: DevKitVariant,
  base: DevSigningKit,
  options: Pick<DevSigningKitOptions, "crypto"> = {},
): Promise<DevSigningKit> {
  return createDevSigningKit({ ...devKitVariantOptions(variant, base), ...options });
}
