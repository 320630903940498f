/**
 * What must be true before `skillflare deploy` calls wrangler, as pure checks over wrangler.toml
 * and the list of migration files: real KV and D1 ids (not the template's zeros), a real skill
 * id in SKILL_IDS, migrations for the D1 database, and a route (the custom domain Alexa calls).
 * Each problem says what to run or edit. Nothing here touches the network.
 */
import { PLACEHOLDER_SKILL_ID } from "../dev-setup-plan.js";
import { readWranglerConfig, routePatterns, tablesNamed, tomlString, type WranglerConfig } from "./wrangler-config.js";

export type DeployProblemCode = "kv-id" | "d1-id" | "skill-id" | "migrations" | "route";

export interface DeployProblem {
  readonly code: DeployProblemCode;
  /** What is wrong and how to fix it, for the skill developer. */
  readonly message: string;
}

export interface DeployFacts {
  readonly toml: string;
  /** File names in the D1 migrations folder (empty when the folder does not exist). */
  readonly migrationFiles: (dir: string) => readonly string[];
}

const zeros = (id: string | undefined) => id === undefined || id.trim() === "" || /^[0-]+$/.test(id);
const EXAMPLE_HOSTS = /(^|\.)example\.(com|org|net)$/i;

function kvProblems(config: WranglerConfig): DeployProblem[] {
  return tablesNamed(config, "kv_namespaces").flatMap((table) => {
    const binding = tomlString(table.entries.get("binding")) ?? "?";
    if (!zeros(tomlString(table.entries.get("id")))) return [];
    return [{ code: "kv-id" as const, message: `KV namespace ${binding} has the placeholder id: run \`npx wrangler kv namespace create ${binding}\` and put its id in wrangler.toml` }];
  });
}

function d1Problems(config: WranglerConfig, facts: DeployFacts): DeployProblem[] {
  return tablesNamed(config, "d1_databases").flatMap((table) => {
    const problems: DeployProblem[] = [];
    const name = tomlString(table.entries.get("database_name")) ?? "<name>";
    const binding = tomlString(table.entries.get("binding")) ?? "?";
    if (zeros(tomlString(table.entries.get("database_id")))) {
      problems.push({ code: "d1-id", message: `D1 database ${binding} has the placeholder database_id: run \`npx wrangler d1 create ${name}\` and put its id in wrangler.toml` });
    }
    const dir = tomlString(table.entries.get("migrations_dir")) ?? "migrations";
    if (!facts.migrationFiles(dir).some((file) => file.endsWith(".sql"))) {
      problems.push({ code: "migrations", message: `D1 database ${binding} has no migrations in ${dir}/: the tables the skill needs would not exist (skillflare init writes ${dir}/0001_skill_attributes.sql)` });
    }
    return problems;
  });
}

function skillIdProblems(config: WranglerConfig): DeployProblem[] {
  const vars = config.tables.find((table) => table.name === "vars");
  const ids = (tomlString(vars?.entries.get("SKILL_IDS")) ?? "").split(",").map((id) => id.trim()).filter((id) => id !== "");
  if (ids.length > 0 && !ids.includes(PLACEHOLDER_SKILL_ID)) return [];
  return [{ code: "skill-id", message: `SKILL_IDS in wrangler.toml [vars] ${ids.length === 0 ? "is empty" : "still has the placeholder skill id"}: put your skill's id there (developer console > your skill > Build > Endpoint, "Your Skill ID")` }];
}

function routeProblems(config: WranglerConfig): DeployProblem[] {
  const patterns = routePatterns(config);
  if (patterns.length === 0) {
    return [{ code: "route", message: 'wrangler.toml has no route: Alexa calls your skill on a custom domain, e.g. routes = [{ pattern = "skill.yourdomain.com", custom_domain = true }]' }];
  }
  const placeholders = patterns.filter((pattern) => EXAMPLE_HOSTS.test(pattern.replace(/\/.*$/, "")));
  return placeholders.map((pattern) => ({ code: "route" as const, message: `the route ${pattern} is the template's placeholder: use a host on a zone in your Cloudflare account` }));
}

/** Every problem that would make the deployed skill fail; empty when it is ready. */
export function deployProblems(facts: DeployFacts): DeployProblem[] {
  const config = readWranglerConfig(facts.toml);
  return [...kvProblems(config), ...d1Problems(config, facts), ...skillIdProblems(config), ...routeProblems(config)];
}

/** The D1 bindings deploy applies migrations to (`wrangler d1 migrations apply <binding> --remote`). */
export function d1Bindings(toml: string): string[] {
  return tablesNamed(readWranglerConfig(toml), "d1_databases")
    .map((table) => tomlString(table.entries.get("binding")))
    .filter((binding): binding is string => binding !== undefined);
}
