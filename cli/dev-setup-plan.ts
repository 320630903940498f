/**
 * The decisions `npm start` makes before `wrangler dev`, as pure functions (no I/O, no Node
 * imports) so they are unit-tested in workerd: whether the dev signing kit must be renewed,
 * the SKILLFLARE_DEV_TRUST value, the new `.dev.vars` text (our two keys replaced or added,
 * every other line the user wrote kept as it was), the SKILL_IDS list (the dev skill id added
 * to what is there), reading wrangler.toml's [vars], and which story MP3s still need seeding.
 * The AUDIO bucket's name is read by cli/wrangler.ts, the same reader the upload command uses.
 */
import * as pkijs from "pkijs";
import { DEV_KIT_FORMAT, DEV_SKILL_ID, pemToDerBlocks, type DevSigningKitJson } from "skillflare/testing";

/** Renew the kit when its leaf certificate has less than this left. */
export const KIT_RENEW_BEFORE_MS = 7 * 86_400_000;

export type KitRenewalReason = "missing" | "unreadable" | "not-yet-valid" | "expiring";

function leafValidity(json: DevSigningKitJson): { notBefore: Date; notAfter: Date } | undefined {
  try {
    const der = pemToDerBlocks(json.certificatesPem.leaf)[0];
    if (der === undefined) return undefined;
    const leaf = pkijs.Certificate.fromBER(der);
    return { notBefore: leaf.notBefore.value, notAfter: leaf.notAfter.value };
  } catch {
    return undefined;
  }
}

/** Why the stored kit (parsed JSON, or undefined when there is no file) cannot be used, or null. */
export function kitRenewalReason(json: unknown, now: Date): KitRenewalReason | null {
  if (json === undefined) return "missing";
  const record = json as Partial<DevSigningKitJson> | null;
  if (typeof record !== "object" || record === null || record.format !== DEV_KIT_FORMAT || typeof record.certificatesPem?.leaf !== "string") {
    return "unreadable";
  }
  const validity = leafValidity(record as DevSigningKitJson);
  if (validity === undefined) return "unreadable";
  if (validity.notBefore.getTime() > now.getTime()) return "not-yet-valid";
  if (validity.notAfter.getTime() - now.getTime() < KIT_RENEW_BEFORE_MS) return "expiring";
  return null;
}

/** What the Worker reads from SKILLFLARE_DEV_TRUST (see src/http/dev-trust.ts). */
export function devTrustValue(kit: Pick<DevSigningKitJson, "anchorsPem" | "chainUrl" | "chainPem">): string {
  return JSON.stringify({ anchors: kit.anchorsPem, chains: { [kit.chainUrl]: kit.chainPem } });
}

function unquote(value: string): string {
  const trimmed = value.trim();
  const quote = trimmed[0];
  return (quote === '"' || quote === "'") && trimmed.endsWith(quote) && trimmed.length >= 2 ? trimmed.slice(1, -1) : trimmed;
}

const lineKey = (line: string): string | undefined => /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=/.exec(line)?.[1];

/** The (unquoted) value of `name` in dotenv text, or undefined. */
export function devVarsValue(text: string, name: string): string | undefined {
  const line = text.split(/\r?\n/).find((candidate) => lineKey(candidate) === name);
  return line === undefined ? undefined : unquote(line.slice(line.indexOf("=") + 1));
}

/** wrangler.toml's SKILL_IDS until the user fills in their own. */
export const PLACEHOLDER_SKILL_ID = "amzn1.ask.skill.00000000-0000-0000-0000-000000000000";

/** `existing` (comma-separated) plus the dev skill id, without duplicates or the placeholder, in order. */
export function skillIdsWithDev(existing: string | undefined): string {
  const ids = (existing ?? "")
    .split(",")
    .map((id) => id.trim())
    .filter((id) => id !== "" && id !== PLACEHOLDER_SKILL_ID);
  return [...new Set([...ids, DEV_SKILL_ID])].join(",");
}

export const DEV_VARS_HEADER =
  "# Local-only settings for `wrangler dev` (gitignored, never deployed). `npm start` manages\n" +
  "# SKILLFLARE_DEV_TRUST and SKILL_IDS here; add your own lines freely, they are kept.\n";

/**
 * `.dev.vars` with `values` set: an existing line for a key is replaced in place, a new key is
 * appended; every other line stays. Values are single-quoted (dotenv then takes them
 * literally, so the JSON's `\n` escapes survive); a value containing `'` is refused.
 */
export function updateDevVars(text: string | undefined, values: Readonly<Record<string, string>>): string {
  for (const [name, value] of Object.entries(values)) {
    if (value.includes("'") || /[\r\n]/.test(value)) throw new TypeError(`${name} cannot be written to .dev.vars on one quoted line`);
  }
  const lines = text === undefined || text === "" ? DEV_VARS_HEADER.trimEnd().split("\n") : text.replace(/\r?\n$/, "").split(/\r?\n/);
  const pending = new Map(Object.entries(values));
  const updated = lines.flatMap((line) => {
    const key = lineKey(line);
    if (key === undefined || !Object.hasOwn(values, key)) return [line];
    const value = pending.get(key);
    pending.delete(key);
    return value === undefined ? [] : [`${key}='${value}'`];
  });
  for (const [key, value] of pending) updated.push(`${key}='${value}'`);
  return `${updated.join("\n")}\n`;
}

/** `NAME = "value"` from wrangler.toml's [vars] table. */
export function wranglerVar(toml: string, name: string): string | undefined {
  const vars = /^\[vars\][^\S\n]*$([\s\S]*?)(?=^\s*\[|(?![\s\S]))/m.exec(toml)?.[1] ?? "";
  return new RegExp(`^\\s*${name}\\s*=\\s*"([^"]*)"`, "m").exec(vars)?.[1];
}

export interface SeedObject {
  readonly key: string;
  readonly sha256: string;
}

/** What the seed stamp records: bucket and key -> sha256 of what was put there. */
export interface SeedStamp {
  readonly bucket: string;
  readonly objects: Readonly<Record<string, string>>;
}

/** The objects whose content is not yet in the local bucket according to the stamp. */
/** A seed stamp that is missing or not JSON means "seed everything again", never a crash. */
export function parseSeedStamp(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

export function objectsToSeed<T extends SeedObject>(stamp: unknown, bucket: string, objects: readonly T[]): T[] {
  const recorded = stamp as Partial<SeedStamp> | null | undefined;
  const seeded = recorded?.bucket === bucket && typeof recorded.objects === "object" && recorded.objects !== null ? recorded.objects : {};
  return objects.filter((object) => seeded[object.key] !== object.sha256);
}
