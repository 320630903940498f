// `skillflare doctor <https-url> [--ca <pem>] [--player] [--json] [--timeout S]`: the check
// the seed thread needed. Fetches the URL (redirects, status, Content-Type, ranges), runs both TLS handshakes
// against every host on the way, checks the audio bytes against Alexa's rules, and ends with a
// verdict. Exit 0 when Alexa should be able to play the URL, 1 when not, 2 for usage errors.

import { checkAlexaAudio, type AlexaAudioTarget, type AudioCheckResult } from "skillflare/audio";
import { lastString, parseArgs } from "../args.js";
import { readCaFiles } from "../audio-check.js";
import { type CliIo, EXIT_CHECK_FAILED, EXIT_OK, EXIT_USAGE, type ExitCode } from "../io.js";
import { type HttpProbeResult, probeHttp } from "./http-probe.js";
import { doctorReportJson, renderDoctorReport } from "./render.js";
import { probeTls } from "./tls-probe.js";
import { decideVerdict, type DoctorVerdict, type HostTlsReport } from "./verdict.js";

export const DOCTOR_USAGE = "usage: skillflare doctor <https-url> [--ca <pem-file>] [--player] [--json] [--timeout SECONDS]";

export interface DoctorOptions {
  readonly extraCaPems?: readonly string[];
  readonly target?: AlexaAudioTarget;
  readonly timeoutMs?: number;
  readonly now?: Date;
}

export interface DoctorReport {
  readonly url: string;
  readonly target: AlexaAudioTarget;
  readonly tls: readonly HostTlsReport[];
  readonly http: HttpProbeResult;
  readonly audio: AudioCheckResult | null;
  readonly verdict: DoctorVerdict;
}

export async function diagnoseUrl(url: URL, options: DoctorOptions = {}): Promise<DoctorReport> {
  const extraCaPems = options.extraCaPems ?? [];
  const timeoutMs = options.timeoutMs ?? 10_000;
  const target = options.target ?? "ssml";
  const http = await probeHttp(url, { extraCaPems, timeoutMs });
  const tls: HostTlsReport[] = [];
  for (const { host, port } of hostsOnTheWay(url, http)) {
    const probe = { host, port, extraCaPems, timeoutMs };
    const [conservative, modern] = await Promise.all([probeTls("conservative", probe), probeTls("modern", probe)]);
    tls.push({ host, port, conservative, modern });
  }
  const audio = http.status === 200 && http.body !== null ? checkAlexaAudio(http.body, target) : null;
  const verdict = decideVerdict(tls, http, audio, options.now ?? new Date());
  return { url: url.href, target, tls, http, audio, verdict };
}

/** The start host and every https host a redirect led to, each once. */
function hostsOnTheWay(start: URL, http: HttpProbeResult): { host: string; port: number }[] {
  const urls = [start, ...http.hops.map((hop) => (URL.canParse(hop.location, hop.url) ? new URL(hop.location, hop.url) : null))];
  const seen = new Map<string, { host: string; port: number }>();
  for (const url of urls) {
    if (url === null || url.protocol !== "https:") continue;
    const host = url.hostname.replace(/^\[(.*)\]$/, "$1");
    const port = url.port === "" ? 443 : Number(url.port);
    seen.set(`${host}:${port}`, { host, port });
  }
  return [...seen.values()];
}

export async function doctorCommand(argv: readonly string[], io: CliIo, now: Date = new Date()): Promise<ExitCode> {
  const parsed = parseArgs(argv, { ca: "string", player: "boolean", json: "boolean", timeout: "string" });
  if (!parsed.ok || parsed.args.positionals.length !== 1) {
    io.err(parsed.ok ? DOCTOR_USAGE : `skillflare: ${parsed.message}\n${DOCTOR_USAGE}`);
    return EXIT_USAGE;
  }
  const raw = parsed.args.positionals[0] ?? "";
  if (!URL.canParse(raw) || new URL(raw).protocol !== "https:") {
    io.err(`skillflare: ${raw} is not an https URL (Alexa only fetches audio over HTTPS)\n${DOCTOR_USAGE}`);
    return EXIT_USAGE;
  }
  const timeoutSeconds = Number(lastString(parsed.args, "timeout") ?? "10");
  if (!(timeoutSeconds > 0 && timeoutSeconds <= 120)) {
    io.err("skillflare: --timeout must be 1-120 seconds");
    return EXIT_USAGE;
  }
  const extraCaPems = await readCaFiles(parsed.args.strings.get("ca") ?? [], io);
  if (extraCaPems === null) return EXIT_USAGE;
  const report = await diagnoseUrl(new URL(raw), {
    extraCaPems,
    target: parsed.args.booleans.has("player") ? "audio-player" : "ssml",
    timeoutMs: timeoutSeconds * 1000,
    now,
  });
  if (parsed.args.booleans.has("json")) io.out(JSON.stringify(doctorReportJson(report), null, 2));
  else for (const line of renderDoctorReport(report)) io.out(line);
  return report.verdict.playable ? EXIT_OK : EXIT_CHECK_FAILED;
}
