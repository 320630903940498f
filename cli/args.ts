// A small, strict command-line parser: positionals plus declared `--flag` (boolean) and
// `--name value` / `--name=value` (string, repeatable) options; `--` ends options. Unknown or
// malformed options come back as a usage message rather than an exception, so the dispatcher
// can print it and exit 2.

export type OptionKind = "boolean" | "string";
export type OptionSpec = Readonly<Record<string, OptionKind>>;

export interface ParsedArgs {
  readonly positionals: readonly string[];
  /** Every value given for each string option, in order. */
  readonly strings: ReadonlyMap<string, readonly string[]>;
  readonly booleans: ReadonlySet<string>;
}

export type ArgsResult = { readonly ok: true; readonly args: ParsedArgs } | { readonly ok: false; readonly message: string };

export function parseArgs(argv: readonly string[], spec: OptionSpec): ArgsResult {
  const positionals: string[] = [];
  const strings = new Map<string, string[]>();
  const booleans = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    if (arg === "--") {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith("--") || arg === "-") {
      if (arg.startsWith("-") && arg !== "-") return { ok: false, message: `unknown option ${arg}` };
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf("=");
    const name = arg.slice(2, eq === -1 ? undefined : eq);
    const kind = spec[name];
    if (kind === undefined) return { ok: false, message: `unknown option --${name}` };
    if (kind === "boolean") {
      if (eq !== -1) return { ok: false, message: `--${name} takes no value` };
      booleans.add(name);
      continue;
    }
    const value = eq !== -1 ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined || value === "") return { ok: false, message: `--${name} needs a value` };
    strings.set(name, [...(strings.get(name) ?? []), value]);
  }
  return { ok: true, args: { positionals, strings, booleans } };
}

/** The last value given for a string option, or undefined. */
export function lastString(args: ParsedArgs, name: string): string | undefined {
  const values = args.strings.get(name);
  return values === undefined ? undefined : values[values.length - 1];
}
