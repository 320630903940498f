// Just enough of wrangler.toml for the deploy checks: top-level keys, [vars], and the
// [[kv_namespaces]] / [[d1_databases]] / [[r2_buckets]] tables, each key's value as its raw
// TOML text (a multi-line array is joined until its brackets close). Comments are dropped.
// Not a TOML parser: anything it does not understand is left out, and the checks then say
// what is missing rather than guessing.

export interface TomlTable {
  /** "" for the top level, "vars", or "[[d1_databases]]"-style array tables as "d1_databases". */
  readonly name: string;
  readonly entries: ReadonlyMap<string, string>;
}

export interface WranglerConfig {
  readonly top: ReadonlyMap<string, string>;
  readonly tables: readonly TomlTable[];
}

function stripComment(line: string): string {
  let quote: string | null = null;
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (quote !== null) {
      if (char === "\\" && quote === '"') i++;
      else if (char === quote) quote = null;
    } else if (char === '"' || char === "'") quote = char;
    else if (char === "#") return line.slice(0, i);
  }
  return line;
}

const depth = (text: string) => (text.match(/[[{]/g)?.length ?? 0) - (text.match(/[\]}]/g)?.length ?? 0);

export function readWranglerConfig(toml: string): WranglerConfig {
  const top = new Map<string, string>();
  const tables: { name: string; entries: Map<string, string> }[] = [];
  let current: Map<string, string> = top;
  let pending: { key: string; value: string } | null = null;
  for (const raw of toml.split(/\r?\n/)) {
    const line = stripComment(raw).trim();
    if (pending !== null) {
      pending.value += ` ${line}`;
      if (depth(pending.value) <= 0) {
        current.set(pending.key, pending.value.trim());
        pending = null;
      }
      continue;
    }
    if (line === "") continue;
    const header = /^\[\[?\s*([A-Za-z0-9_.-]+)\s*\]\]?$/.exec(line);
    if (header !== null) {
      current = new Map();
      tables.push({ name: header[1] ?? "", entries: current });
      continue;
    }
    const pair = /^([A-Za-z0-9_-]+)\s*=\s*(.*)$/.exec(line);
    if (pair === null) continue;
    const [, key = "", value = ""] = pair;
    if (depth(value) > 0) pending = { key, value };
    else current.set(key, value);
  }
  return { top, tables };
}

/** A TOML basic or literal string's content, or undefined for anything else. */
export function tomlString(raw: string | undefined): string | undefined {
  const match = raw === undefined ? null : /^"((?:[^"\\]|\\.)*)"$|^'([^']*)'$/.exec(raw.trim());
  return match === null ? undefined : (match[1] ?? match[2]);
}

/** Every table of that name (e.g. all [[d1_databases]]). */
export function tablesNamed(config: WranglerConfig, name: string): TomlTable[] {
  return config.tables.filter((table) => table.name === name);
}

/** The route host patterns: `route = "..."`, `routes = ["...", { pattern = "..." }]`. */
export function routePatterns(config: WranglerConfig): string[] {
  const raw = [config.top.get("route"), config.top.get("routes")].filter((value): value is string => value !== undefined).join(" ");
  const patterns = [...raw.matchAll(/pattern\s*=\s*"([^"]*)"/g)].map((match) => match[1] ?? "");
  const bare = [...raw.replace(/pattern\s*=\s*"[^"]*"|zone_name\s*=\s*"[^"]*"|zone_id\s*=\s*"[^"]*"/g, "").matchAll(/"([^"]*)"/g)].map((match) => match[1] ?? "");
  return [...patterns, ...bare].filter((pattern) => pattern.trim() !== "");
}
