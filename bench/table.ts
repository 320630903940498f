/**
 * The console report: an aligned, markdown-compatible table of every row
 * (median µs/op, ops/s, fastest and slowest round, CPU µs/op of this process,
 * iterations), then the ratios, the bundle size, the targets as PASS/MISS and
 * the run's context. Pure: takes the measurements and the results object.
 */
import type { Measurement } from "./measure.js";
import { find, NODE_ROWS, WORKERD_ROWS, type Results } from "./results.js";

const HEADER = ["row", "median µs/op", "ops/s", "rounds min–max µs", "cpu µs/op", "iters × rounds", "what"];
const NUMERIC_COLUMNS = new Set([1, 2, 3, 4, 5]);

export function renderReport(measurements: readonly Measurement[], descriptions: Readonly<Record<string, string>>, results: Results): string {
  const row = (name: string) => {
    const m = find(measurements, name);
    return [
      name,
      m.medianUs.toFixed(1),
      Math.round(m.opsPerSecond).toLocaleString("en-US"),
      `${m.minRoundUs.toFixed(1)}–${m.maxRoundUs.toFixed(1)}`,
      Number.isFinite(m.cpuUs) ? m.cpuUs.toFixed(1) : "n/a",
      `${m.iterations} × ${m.rounds}`,
      descriptions[name] ?? "",
    ];
  };
  const nodeRows = NODE_ROWS.map(row);
  const workerdRows = WORKERD_ROWS.map(row);
  const widths = HEADER.map((h, i) => Math.max(h.length, ...[...nodeRows, ...workerdRows].map((r) => (r[i] ?? "").length)));
  const line = (cells: readonly string[]) =>
    `| ${cells.map((cell, i) => (NUMERIC_COLUMNS.has(i) ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0))).join(" | ")} |`;
  const rule = `|${widths.map((w, i) => (NUMERIC_COLUMNS.has(i) ? `${"-".repeat(w + 1)}:` : "-".repeat(w + 2))).join("|")}|`;
  const value = (key: string) => String(results[key]);
  const pass = (key: string) => (results.targets[key] ? "PASS" : "MISS");
  return [
    "",
    line(HEADER),
    rule,
    ...nodeRows.map(line),
    ...workerdRows.map(line),
    "",
    `ratios: warm/limit ${value("ratio_warm_over_limit")}x, ask_sdk/warm ${value("ratio_ask_sdk_over_warm")}x, ` +
      `alexa_verifier/warm ${value("ratio_alexa_verifier_over_warm")}x; in workerd warm/limit ${value("ratio_warm_over_limit_workerd")}x`,
    `floor ratios: warm/floor ${value("ratio_warm_over_floor")}x (Node), ${value("ratio_warm_over_floor_workerd")}x (workerd)`,
    `bundle: ${value("bundle_raw_kb")} KiB raw, ${value("bundle_gzip_kb")} KiB gzip = ${value("bundle_gzip_kb_decimal")} kB (node:zlib default level 6; ` +
      `wrangler says ${value("bundle_wrangler_summary")}); with --minify ${value("bundle_minified_gzip_kb")} KiB gzip`,
    "",
    `target warm <= 1.5 x limit (Node):  ${pass("warm_within_1_5x_limit")}   (in workerd: ${pass("warm_within_1_5x_limit_in_workerd")})`,
    `target warm faster than ask_sdk:    ${pass("warm_faster_than_ask_sdk")}`,
    `target warm faster than alexa_ver.: ${pass("warm_faster_than_alexa_verifier")}`,
    `target cold < 5 ms:                 ${pass("cold_under_5_ms")}   (in workerd: ${pass("cold_under_5_ms_in_workerd")})`,
    `target warm <= 1.1 x floor (workerd): ${pass("warm_within_1_1x_floor_in_workerd")}   (Node: ${pass("warm_within_1_1x_floor")})`,
    `target bundle < 150 KiB gzip:       ${pass("bundle_under_150_kb_gzip")}   (< 150 kB decimal: ${pass("bundle_under_150_kb_decimal_gzip")})`,
    "",
    `node ${value("node_version")}, ${value("cores")} cores (${value("cpu")}), load ${value("load_average_1m")}, ` +
      `${value("duration_s")} s; body ${value("body_bytes")} bytes; rounds interleaved, order reversed every other round`,
  ].join("\n");
}
