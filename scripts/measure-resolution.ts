/**
 * Measures `resolveUtterance` on real interaction models: `npx tsx scripts/measure-resolution.ts
 * <folder> [--json out.json] [--failures N]`. For every model file in the folder (identical files
 * counted once), every sample utterance of every intent is filled with values from its slot
 * types (a custom type's values and synonyms in turn, spoken numbers, dates, times, plausible
 * words for other built-in types) and resolved; it counts as right when it resolves to its own
 * intent and each filled slot has the expected value (for custom types the expected
 * entity-resolution id and name). Filled samples that another intent's sample of the same
 * pattern fits just as well (same words, slots in the same places, every value valid there
 * too) are ambiguous by construction and counted apart; the share is given with and without
 * them. Prints a table (per locale and in total) and writes JSON.
 * The models themselves are not part of the repo: fetch public skills and point this at them.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { compileModel, type CompiledModel, type CompiledSample } from "../src/testing/virtual-alexa/model.js";
import { fitSample } from "../src/testing/virtual-alexa/sample-match.js";
import { wordsOf } from "../src/testing/virtual-alexa/text.js";
import { numberToWords } from "../src/testing/virtual-alexa/number-words.js";
import { resolveUtterance } from "../src/testing/virtual-alexa/resolve-utterance.js";
import { normaliseText } from "../src/testing/virtual-alexa/text.js";
import type { InteractionModelJson } from "../src/testing/virtual-alexa/types.js";

const NOW = new Date("2026-12-01T12:00:00Z");
const FREE_WORDS: Readonly<Record<string, string>> = {
  "AMAZON.SearchQuery": "the tallest mountain in europe",
  "AMAZON.US_CITY": "seattle",
  "AMAZON.City": "paris",
  "AMAZON.Country": "france",
  "AMAZON.US_STATE": "ohio",
  "AMAZON.FirstName": "anna",
  "AMAZON.US_FIRST_NAME": "anna",
  "AMAZON.Person": "marie curie",
  "AMAZON.Color": "blue",
  "AMAZON.Animal": "otter",
  "AMAZON.Food": "pizza",
  "AMAZON.Language": "spanish",
  "AMAZON.Sport": "tennis",
  "AMAZON.Movie": "casablanca",
  "AMAZON.Genre": "jazz",
  "AMAZON.Room": "kitchen",
  "AMAZON.Month": "march",
  "AMAZON.DayOfWeek": "friday",
};
/** [spoken, expected value] per typed built-in. */
const TYPED: Readonly<Record<string, readonly (readonly [string, string])[]>> = {
  "AMAZON.NUMBER": [[numberToWords(7), "7"], [numberToWords(42), "42"], [numberToWords(3), "3"]],
  "AMAZON.FOUR_DIGIT_NUMBER": [["1234", "1234"]],
  "AMAZON.Ordinal": [["third", "3"]],
  "AMAZON.DATE": [["tomorrow", "2026-12-02"], ["december fifth", "2026-12-05"]],
  "AMAZON.TIME": [["three pm", "15:00"]],
  "AMAZON.DURATION": [["five minutes", "PT5M"]],
};

/** A sample with its slots anonymous: two intents with "watch a {x}" and "watch a {y}" may share it. */
function patternKey(sample: CompiledSample): string {
  return sample.parts.map((part) => (part.kind === "word" ? part.word : "{}")).join(" ");
}

/** The filled words fit another intent's sample of the same pattern just as well (every slot value valid there too). */
function ambiguous(model: CompiledModel, sample: CompiledSample, text: string, others: readonly CompiledSample[]): boolean {
  const words = wordsOf(text);
  return others.some((other) => {
    if (other.intent === sample.intent) return false;
    const fit = fitSample(model, other, model.intents.get(other.intent)?.slots ?? new Map(), words, { now: NOW, skillId: "measure" });
    return fit !== undefined && [...fit.slots.values()].every((reading) => reading.matched);
  });
}

interface Expected { readonly value: string; readonly id?: string; readonly name?: string }

function fill(model: CompiledModel, sample: CompiledSample, turn: number): { text: string; expected: Map<string, Expected> } | undefined {
  const expected = new Map<string, Expected>();
  const words: string[] = [];
  for (const part of sample.parts) {
    if (part.kind === "word") {
      words.push(part.word);
      continue;
    }
    const type = model.intents.get(sample.intent)?.slots.get(part.name);
    if (type === undefined) return undefined; // a sample slot the intent does not declare: the model is broken
    const custom = model.types.get(type);
    const phrases = custom?.values.flatMap((value) => [value.name, ...value.synonyms]).filter((p) => normaliseText(p) !== "") ?? [];
    if (phrases.length > 0) {
      const phrase = phrases[turn % phrases.length] ?? "";
      const entry = custom?.entries.get(normaliseText(phrase));
      words.push(normaliseText(phrase));
      expected.set(part.name, { value: normaliseText(phrase), ...(entry ? { name: entry.name, ...(entry.id ? { id: entry.id } : {}) } : {}) });
    } else if (TYPED[type]) {
      const options = TYPED[type] ?? [];
      const [spoken, value] = options[turn % options.length] ?? ["", ""];
      words.push(spoken);
      expected.set(part.name, { value });
    } else {
      const spoken = FREE_WORDS[type] ?? "banana";
      words.push(spoken);
      expected.set(part.name, { value: spoken });
    }
  }
  return { text: words.join(" "), expected };
}

interface Tally { models: number; utterances: number; right: number; shared: number; skipped: number }
const tally = (): Tally => ({ models: 0, utterances: 0, right: 0, shared: 0, skipped: 0 });

function main(argv: readonly string[]): void {
  const folder = argv[0];
  if (folder === undefined) {
    console.error("usage: tsx scripts/measure-resolution.ts <folder of interaction model JSON files> [--json out.json] [--failures N]");
    process.exit(2);
  }
  const jsonOut = argv.includes("--json") ? argv[argv.indexOf("--json") + 1] : undefined;
  const showFailures = argv.includes("--failures") ? Number(argv[argv.indexOf("--failures") + 1]) : 0;
  const seen = new Set<string>();
  const byLocale = new Map<string, Tally>();
  const total = tally();
  const failures: string[] = [];
  for (const file of readdirSync(folder).filter((f) => f.endsWith(".json")).sort()) {
    const text = readFileSync(join(folder, file), "utf8");
    const hash = createHash("sha256").update(text).digest("hex");
    if (seen.has(hash)) continue;
    seen.add(hash);
    let json: InteractionModelJson;
    let model: CompiledModel;
    try {
      json = JSON.parse(text) as InteractionModelJson;
      model = compileModel(json);
    } catch {
      continue;
    }
    const locale = /([a-z]{2}-[A-Z]{2})\.json$/.exec(file)?.[1] ?? "unknown";
    const bucket = byLocale.get(locale) ?? tally();
    byLocale.set(locale, bucket);
    bucket.models += 1;
    total.models += 1;
    const byPattern = new Map<string, CompiledSample[]>();
    for (const sample of model.samples.filter((s) => s.source === "model")) {
      const key = patternKey(sample);
      byPattern.set(key, [...(byPattern.get(key) ?? []), sample]);
    }
    let turn = 0;
    for (const sample of model.samples) {
      if (sample.source !== "model") continue;
      const filled = fill(model, sample, turn++);
      for (const t of [bucket, total]) t.utterances += 1;
      if (filled === undefined) {
        for (const t of [bucket, total]) t.skipped += 1;
        continue;
      }
      if (ambiguous(model, sample, filled.text, byPattern.get(patternKey(sample)) ?? [])) {
        for (const t of [bucket, total]) t.shared += 1;
        continue;
      }
      const result = resolveUtterance(json, filled.text, { now: NOW });
      const intent = result.kind === "intent" || result.kind === "launch-with-intent" ? result.intent : undefined;
      const ok =
        intent?.name === sample.intent &&
        [...filled.expected].every(([name, want]) => {
          const slot = intent.slots?.[name];
          const match = slot?.resolutions?.resolutionsPerAuthority?.[0]?.values?.[0]?.value;
          if (want.name !== undefined) return match?.name === want.name && (want.id === undefined || match.id === want.id);
          return slot?.value === want.value;
        });
      if (ok) for (const t of [bucket, total]) t.right += 1;
      else failures.push(`${file}: "${filled.text}" (${sample.intent}: ${sample.text}) -> ${intent ? `${intent.name} ${JSON.stringify(Object.fromEntries(Object.entries(intent.slots ?? {}).map(([k, v]) => [k, v.value])))}` : result.kind}`);
    }
  }
  const rate = (t: Tally) => (t.utterances - t.shared - t.skipped === 0 ? "-" : `${((100 * t.right) / (t.utterances - t.shared - t.skipped)).toFixed(2)}%`);
  console.log("| locale | models | utterances | ambiguous (another intent fits as well) | broken samples | right | share right of the rest |");
  console.log("|---|---:|---:|---:|---:|---:|---:|");
  for (const [locale, t] of [...byLocale].sort()) console.log(`| ${locale} | ${t.models} | ${t.utterances} | ${t.shared} | ${t.skipped} | ${t.right} | ${rate(t)} |`);
  console.log(`| all | ${total.models} | ${total.utterances} | ${total.shared} | ${total.skipped} | ${total.right} | ${rate(total)} |`);
  console.log(`\n${total.right} of ${total.utterances} (${((100 * total.right) / Math.max(1, total.utterances)).toFixed(2)}%) counting shared and broken samples as misses; ${rate(total)} of the ${total.utterances - total.shared - total.skipped} that one intent owns.`);
  for (const failure of failures.slice(0, showFailures)) console.log(`  miss: ${failure}`);
  if (jsonOut) writeFileSync(jsonOut, `${JSON.stringify({ now: NOW.toISOString(), total, byLocale: Object.fromEntries(byLocale), failures }, null, 2)}\n`);
}

main(process.argv.slice(2));
