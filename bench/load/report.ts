/**
 * The load bench's outputs: the table printed to the terminal and bench/load.json. The JSON
 * keeps the headline keys the issue asks for (worker_rps, express_rps, worker_p99_ms,
 * express_p99_ms, errors, cold_isolate_ms: Worker = the bundle on Miniflare directly,
 * headline mix = persistence) next to every phase and every fresh-isolate sample.
 */
import type { FreshIsolateResult } from "./fresh-isolate.js";
import type { LoadSettings, PhaseResult } from "./load-phase.js";

export interface LoadReport {
  readonly phases: readonly PhaseResult[];
  readonly fresh: readonly FreshIsolateResult[];
  readonly settings: LoadSettings;
  readonly startedAt: Date;
  readonly mixes: Readonly<Record<string, string>>;
}

const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : "n/a");

function phase(report: LoadReport, side: string, mix: string): PhaseResult | undefined {
  return report.phases.find((p) => p.side === side && p.mix === mix);
}

export function renderTable(report: LoadReport): string {
  const header = ["mix", "side", "req/s", "p50 ms", "p99 ms", "max ms", "errors", "requests", "cpu ms/req"];
  const rows = report.phases.map((p) => [p.mix, p.side, fmt(p.rps, 0), fmt(p.p50Ms), fmt(p.p99Ms), fmt(p.maxMs), String(p.errors), String(p.requests), fmt(p.cpuMsPerRequest, 2)]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: readonly string[]) => `| ${cells.map((c, i) => (i < 2 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join(" | ")} |`;
  const out = [line(header), `|${widths.map((w, i) => (i < 2 ? `:${"-".repeat(w + 1)}` : `${"-".repeat(w + 1)}:`)).join("|")}|`, ...rows.map(line)];
  out.push("");
  for (const mix of Object.keys(report.mixes)) {
    const worker = phase(report, "worker_miniflare", mix);
    const express = phase(report, "express", mix);
    if (worker && express) {
      out.push(`${mix}: worker/express req/s ${fmt(worker.rps / express.rps, 2)}x, cpu/req worker/express ${fmt(worker.cpuMsPerRequest / express.cpuMsPerRequest, 2)}x`);
    }
    const ceiling = phase(report, "d1_ceiling", mix);
    if (worker && ceiling) {
      out.push(`${mix}: d1_ceiling (a Worker making the example's D1 queries for this mix, nothing else) ${fmt(ceiling.rps, 0)} req/s; worker at ${fmt((100 * worker.rps) / ceiling.rps, 0)}% of it`);
    }
  }
  for (const f of report.fresh) {
    out.push(
      `fresh isolate, first ${f.request}: median ${fmt(f.medianFirstMs)} ms, ${fmt(f.medianFirstCpuMs)} ms workerd CPU over ${f.samples.length} ` +
        `(net of a storage-only Worker's ${fmt(f.medianBaselineFirstCpuMs)} ms: ${fmt(f.medianNetFirstCpuMs)} ms, ${fmt(f.medianNetFirstMainCpuMs)} ms of it on workerd's main thread; second request ${fmt(f.medianSecondMs)} ms, ` +
        `${fmt(f.medianSecondCpuMs)} ms CPU; start-up ${fmt(f.medianStartupCpuMs)} ms CPU, ${fmt(f.medianNetStartupCpuMs)} ms more than the storage-only Worker's)`,
    );
  }
  return out.join("\n");
}

export function loadJson(report: LoadReport): Record<string, unknown> {
  const worker = phase(report, "worker_miniflare", "persistence");
  const express = phase(report, "express", "persistence");
  const cold = report.fresh.find((f) => f.request === "launch") ?? report.fresh[0];
  const amazon = report.fresh.find((f) => f.request === "amazon-launch");
  return {
    worker_rps: worker?.rps ?? null,
    express_rps: express?.rps ?? null,
    worker_p99_ms: worker?.p99Ms ?? null,
    express_p99_ms: express?.p99Ms ?? null,
    errors: Object.fromEntries(report.phases.map((p) => [`${p.side}/${p.mix}`, p.errors])),
    cold_isolate_ms: cold?.medianFirstMs ?? null,
    cold_isolate_cpu_ms: cold?.medianFirstCpuMs ?? null,
    cold_isolate_net_cpu_ms: cold?.medianNetFirstCpuMs ?? null,
    cold_isolate_startup_net_cpu_ms: cold?.medianNetStartupCpuMs ?? null,
    d1_ceiling_rps: phase(report, "d1_ceiling", "persistence")?.rps ?? null,
    cold_isolate_amazon_ms: amazon?.medianFirstMs ?? null,
    cold_isolate_amazon_net_cpu_ms: amazon?.medianNetFirstCpuMs ?? null,
    cold_isolate_amazon_net_main_thread_cpu_ms: amazon?.medianNetFirstMainCpuMs ?? null,
    headline: "worker = the example bundle on Miniflare directly, express = the ask-sdk peer; mix = persistence; cold = first launch on a fresh isolate",
    mixes: report.mixes,
    phases: report.phases,
    fresh_isolate: report.fresh,
    settings: report.settings,
    started_at: report.startedAt.toISOString(),
    node: process.version,
  };
}
