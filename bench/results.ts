/**
 * The shape of bench/results.json, built from the measurements and the bundle
 * size. Flat keys for the headline numbers (median µs per verification unless
 * the name says otherwise: `warm_us`, `kv_us`, `kv_inprocess_us`, `cold_us`,
 * `limit_us`, `floor_us`, `floor_workerd_us`, `ask_sdk_us`, `alexa_verifier_us`, `<row>_ops_per_s`, ratios,
 * `bundle_gzip_kb`, `bundle_raw_kb`), the targets as booleans, and per-row
 * detail plus the run's context (node version, date, load, iterations).
 */
import { availableParallelism, cpus, loadavg } from "node:os";
import type { BundleSize } from "./bundle-size.js";
import type { Measurement } from "./measure.js";

export const NODE_ROWS = ["warm", "kv", "kv_inprocess", "cold", "limit", "floor", "ask_sdk", "alexa_verifier"] as const;
export const WORKERD_ROWS = ["warm_workerd", "cold_workerd", "limit_workerd", "floor_workerd"] as const;
export const ROW_ORDER = [...NODE_ROWS, ...WORKERD_ROWS] as const;
export type RowName = (typeof ROW_ORDER)[number];

export interface ResultsInput {
  readonly measurements: readonly Measurement[];
  readonly descriptions: Readonly<Record<string, string>>;
  readonly bundle: BundleSize;
  readonly minifiedBundle: BundleSize | undefined;
  readonly workerdBatches: Readonly<Record<string, number>>;
  readonly bodyBytes: number;
  readonly startedAt: Date;
  readonly durationMs: number;
}

export type Results = Record<string, unknown> & { readonly targets: Readonly<Record<string, boolean>> };

export function buildResults(input: ResultsInput): Results {
  const us = (name: RowName) => find(input.measurements, name).medianUs;
  const flat: Record<string, number> = {};
  for (const name of ROW_ORDER) {
    flat[`${name}_us`] = round(us(name), 2);
    flat[`${name}_ops_per_s`] = Math.round(find(input.measurements, name).opsPerSecond);
  }
  const ratios = {
    ratio_warm_over_limit: round(us("warm") / us("limit"), 3),
    ratio_ask_sdk_over_warm: round(us("ask_sdk") / us("warm"), 3),
    ratio_alexa_verifier_over_warm: round(us("alexa_verifier") / us("warm"), 3),
    ratio_warm_over_limit_workerd: round(us("warm_workerd") / us("limit_workerd"), 3),
    ratio_warm_over_floor: round(us("warm") / us("floor"), 3),
    ratio_warm_over_floor_workerd: round(us("warm_workerd") / us("floor_workerd"), 3),
  };
  const targets = {
    warm_within_1_5x_limit: us("warm") <= 1.5 * us("limit"),
    warm_faster_than_ask_sdk: us("warm") < us("ask_sdk"),
    warm_faster_than_alexa_verifier: us("warm") < us("alexa_verifier"),
    cold_under_5_ms: us("cold") < 5000,
    bundle_under_150_kb_gzip: input.bundle.gzipKb < 150,
    bundle_under_150_kb_decimal_gzip: input.bundle.gzipBytes < 150_000,
    /** Informational: the same ratio inside workerd. */
    warm_within_1_5x_limit_in_workerd: us("warm_workerd") <= 1.5 * us("limit_workerd"),
    cold_under_5_ms_in_workerd: us("cold_workerd") < 5000,
    warm_within_1_1x_floor_in_workerd: us("warm_workerd") <= 1.1 * us("floor_workerd"),
    /** Informational: the same ratio in Node. */
    warm_within_1_1x_floor: us("warm") <= 1.1 * us("floor"),
  };
  return {
    ...flat,
    ...ratios,
    bundle_gzip_kb: round(input.bundle.gzipKb, 2),
    bundle_raw_kb: round(input.bundle.rawKb, 2),
    /** The same in decimal kB (1000 bytes), for a target read that way. */
    bundle_gzip_kb_decimal: round(input.bundle.gzipBytes / 1000, 2),
    bundle_gzip_bytes: input.bundle.gzipBytes,
    bundle_raw_bytes: input.bundle.rawBytes,
    bundle_files: input.bundle.files,
    bundle_wrangler_summary: input.bundle.wranglerSummary ?? null,
    bundle_minified_gzip_kb: input.minifiedBundle === undefined ? null : round(input.minifiedBundle.gzipKb, 2),
    bundle_minified_raw_kb: input.minifiedBundle === undefined ? null : round(input.minifiedBundle.rawKb, 2),
    targets,
    rows: Object.fromEntries(
      input.measurements.map((m) => [
        m.name,
        {
          description: input.descriptions[m.name] ?? "",
          median_us: round(m.medianUs, 2),
          ops_per_s: Math.round(m.opsPerSecond),
          fastest_round_us: round(m.minRoundUs, 2),
          slowest_round_us: round(m.maxRoundUs, 2),
          cpu_us: Number.isFinite(m.cpuUs) ? round(m.cpuUs, 2) : null,
          iterations_per_round: m.iterations,
          rounds: m.rounds,
        },
      ]),
    ),
    iterations: Object.fromEntries(input.measurements.map((m) => [m.name, { per_round: m.iterations, rounds: m.rounds }])),
    workerd_batches: input.workerdBatches,
    body_bytes: input.bodyBytes,
    node_version: process.version,
    platform: `${process.platform} ${process.arch}`,
    cpu: cpus()[0]?.model ?? "unknown",
    cores: availableParallelism(),
    load_average_1m: round(loadavg()[0] ?? 0, 2),
    date: input.startedAt.toISOString(),
    duration_s: round(input.durationMs / 1000, 1),
  };
}

export function find(measurements: readonly Measurement[], name: string): Measurement {
  const found = measurements.find((m) => m.name === name);
  if (found === undefined) throw new Error(`no measurement for ${name}`);
  return found;
}

export function round(value: number, digits: number): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}
