/**
 * Process-wide (isolate-wide in workerd) memoised kits, so test files do not
 * each pay for RSA key generation. The shared kit is created on first use
 * with the clock of that moment; variants reuse its key pairs. A failed
 * creation is forgotten so the next call retries.
 */
import { createDevSigningKit, type DevSigningKit } from "./kit.js";
import { createDevSigningKitVariant, type DevKitVariant } from "./variants.js";

let sharedKit: Promise<DevSigningKit> | undefined;
const sharedVariants = new Map<DevKitVariant, Promise<DevSigningKit>>();

/**
 * The memoised default kit (valid chain, leaf signing key, default chain URL).
 * @example
 * const kit = await getSharedDevSigningKit(); // the same kit for every test in this isolate
 */
export function getSharedDevSigningKit(): Promise<DevSigningKit> {
  sharedKit ??= createDevSigningKit().catch((error: unknown) => {
    sharedKit = undefined;
    throw error;
  });
  return sharedKit;
}

/**
 * A memoised variant of the shared kit (same clock and chain URL).
 * @example
 * const untrusted = await getSharedDevSigningKitVariant("untrusted-root");
 */
export function getSharedDevSigningKitVariant(variant: DevKitVariant): Promise<DevSigningKit> {
  if (variant === "valid") return getSharedDevSigningKit();
  let kit = sharedVariants.get(variant);
  if (!kit) {
    kit = getSharedDevSigningKit()
      .then((base) => createDevSigningKitVariant(variant, base))
      .catch((error: unknown) => {
        sharedVariants.delete(variant);
        throw error;
      });
    sharedVariants.set(variant, kit);
  }
  return kit;
}
