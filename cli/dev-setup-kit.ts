/**
 * The dev signing kit on disk, `.skillflare/dev-kit.json` (gitignored): `ensureDevKitFile`
 * creates it when it is missing, unreadable, or its leaf certificate is (nearly) expired, and
 * `readDevKitFile` loads it for `npm run simulate`. The same kit's anchors and chain go to
 * `.dev.vars`, so what simulate signs is exactly what the local Worker trusts. Node only.
 */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import {
  createDevSigningKit,
  exportDevSigningKit,
  importDevSigningKit,
  type DevSigningKit,
  type DevSigningKitJson,
} from "skillflare/testing";
import { kitRenewalReason, type KitRenewalReason } from "./dev-setup-plan.js";

export const DEV_KIT_PATH = ".skillflare/dev-kit.json";

async function readJson(path: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

export interface EnsuredKit {
  readonly kit: DevSigningKitJson;
  /** Why a new kit was made, or null when the stored one was kept. */
  readonly renewed: KitRenewalReason | null;
}

export async function ensureDevKitFile(path: string = DEV_KIT_PATH, now: Date = new Date()): Promise<EnsuredKit> {
  const stored = await readJson(path);
  let reason = kitRenewalReason(stored, now);
  if (reason === null) {
    try {
      await importDevSigningKit(stored);
      return { kit: stored as DevSigningKitJson, renewed: null };
    } catch {
      reason = "unreadable";
    }
  }
  const kit = exportDevSigningKit(await createDevSigningKit({ now }));
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, `${JSON.stringify(kit, null, 2)}\n`, { mode: 0o600 });
  return { kit, renewed: reason };
}

export type DevKitFileProblem = "missing" | "unreadable";

export class DevKitFileError extends Error {
  override readonly name = "DevKitFileError";
  constructor(readonly problem: DevKitFileProblem, readonly path: string) {
    super(
      problem === "missing"
        ? `no dev signing kit at ${path}: run \`npm start\` once (it creates the kit and trusts it in .dev.vars)`
        : `the dev signing kit at ${path} is unreadable: delete it and run \`npm start\` again`,
    );
  }
}

export async function readDevKitFile(path: string = DEV_KIT_PATH): Promise<DevSigningKit> {
  const stored = await readJson(path);
  if (stored === undefined) throw new DevKitFileError("missing", path);
  try {
    return await importDevSigningKit(stored);
  } catch {
    throw new DevKitFileError("unreadable", path);
  }
}
