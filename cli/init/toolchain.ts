/**
 * The two toolchains `skillflare init` can write, and which one a Node version gets. Wrangler
 * 4.87 and later (and Miniflare 4.20260430 and later) refuse Node 20, so a project made on Node
 * 20 gets the last set that runs there; Node 22.12 and later get the newest releases that fit
 * together. @cloudflare/vitest-pool-workers was renamed @cloudflare/vitest-plugin (0.23, the last
 * pool release, warns so and caps vitest at 4.x; the plugin takes vitest 5), so the package
 * name is part of the set. Every version is exact, so `npm install` resolves the same tree
 * everywhere. The compatibility date is at most the oldest workerd in the set: the test plugin
 * bundles an older workerd than wrangler, and workerd refuses a date newer than itself
 * ("requires compatibility date 2026-11-17, but the newest ... is 2026-11-09"). Both sets were
 * tried end to end (docs/init.md has the measurements).
 */

export type ToolchainId = "node20" | "current";

export interface Toolchain {
  readonly id: ToolchainId;
  /** Said to the user: which set and why. */
  readonly label: string;
  /** `engines.node` of the new project. */
  readonly nodeRange: string;
  readonly compatibilityDate: string;
  /** The Workers test integration's package (imported by vitest.config.mts, typed in tsconfig). */
  readonly vitestPlugin: "@cloudflare/vitest-pool-workers" | "@cloudflare/vitest-plugin";
  readonly devDependencies: Readonly<Record<string, string>>;
}

export const NODE20_TOOLCHAIN: Toolchain = {
  id: "node20",
  label: "the Node 20 toolchain (wrangler 4.86.0, the last release that runs on Node 20)",
  nodeRange: ">=20.19",
  compatibilityDate: "2026-04-20",
  vitestPlugin: "@cloudflare/vitest-pool-workers",
  devDependencies: {
    "@cloudflare/vitest-pool-workers": "0.15.1",
    "@cloudflare/workers-types": "4.20260702.1",
    typescript: "5.9.3",
    vitest: "4.1.12",
    wrangler: "4.86.0",
  },
};

export const CURRENT_TOOLCHAIN: Toolchain = {
  id: "current",
  label: "the current toolchain (wrangler 4.164.0, needs Node >= 22.12)",
  nodeRange: ">=22.12",
  compatibilityDate: "2026-11-02",
  vitestPlugin: "@cloudflare/vitest-plugin",
  devDependencies: {
    "@cloudflare/vitest-plugin": "1.5.0",
    "@cloudflare/workers-types": "5.20261117.1",
    typescript: "5.9.3",
    vitest: "5.1.2",
    wrangler: "4.164.0",
  },
};

/** Node's version string ("v22.23.5" or "22.23.5") as [major, minor]; undefined if unreadable. */
function majorMinor(version: string): readonly [number, number] | undefined {
  const match = /^v?(\d+)\.(\d+)/.exec(version.trim());
  return match === null ? undefined : [Number(match[1]), Number(match[2])];
}

/** The toolchain for a Node version: current on 22.12 and later, the Node 20 set otherwise. */
export function toolchainForNode(version: string): Toolchain {
  const parsed = majorMinor(version);
  if (parsed === undefined) return NODE20_TOOLCHAIN;
  const [major, minor] = parsed;
  return major > 22 || (major === 22 && minor >= 12) ? CURRENT_TOOLCHAIN : NODE20_TOOLCHAIN;
}

/** `--toolchain node20|current` as given on the command line, or undefined when unknown. */
export function toolchainById(id: string): Toolchain | undefined {
  return [NODE20_TOOLCHAIN, CURRENT_TOOLCHAIN].find((toolchain) => toolchain.id === id);
}
