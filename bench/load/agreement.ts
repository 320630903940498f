/**
 * Before any timing, every side must answer the mix's requests the same way (the same words,
 * the same AudioPlayer directive, the same session ending) and must refuse a tampered body
 * with a 400, so a side that skips verification or answers an error cannot post a fast number.
 */
import { tamperBody } from "../../src/devkit/index.js";
import type { SignedRequest } from "./mixes.js";
import type { Side } from "./sides.js";

interface Answer {
  readonly status: number;
  readonly summary: string;
}

async function post(side: Side, request: SignedRequest, body = request.body): Promise<Answer> {
  const response = await fetch(side.url, { method: "POST", headers: request.headers, body, signal: AbortSignal.timeout(10_000) });
  const text = await response.text();
  return { status: response.status, summary: response.status === 200 ? summarise(text) : text.slice(0, 200) };
}

/** What a listener would get, independent of host names and SDK formatting. */
function summarise(text: string): string {
  const envelope = JSON.parse(text) as { response?: Record<string, unknown> };
  const response = envelope.response ?? {};
  const speech = (response["outputSpeech"] as { ssml?: string } | undefined)?.ssml?.replace(/<\/?speak>/g, "").trim();
  const directives = ((response["directives"] ?? []) as { type: string; audioItem?: { stream?: { token?: string; offsetInMilliseconds?: number; url?: string } } }[]).map(
    (d) => `${d.type}:${d.audioItem?.stream?.token ?? ""}@${d.audioItem?.stream?.offsetInMilliseconds ?? ""}:${d.audioItem?.stream?.url?.replace(/^https:\/\/[^/]+/, "") ?? ""}`,
  );
  return JSON.stringify({ speech, directives, end: response["shouldEndSession"] ?? null });
}

/** Throws unless every side gives the same answers to `requests` in order and refuses tampering. */
export async function checkAgreement(sides: readonly Side[], requests: readonly SignedRequest[]): Promise<void> {
  const [reference, ...others] = sides;
  if (reference === undefined) return;
  const answers = new Map<string, Answer[]>();
  for (const side of sides) {
    const list: Answer[] = [];
    for (const request of requests) list.push(await post(side, request));
    answers.set(side.name, list);
    const tampered = await post(side, requests[0] as SignedRequest, tamperBody((requests[0] as SignedRequest).body, "value"));
    if (tampered.status !== 400) throw new Error(`${side.name} answered a tampered body with ${tampered.status}, not 400`);
  }
  const expected = answers.get(reference.name) ?? [];
  for (const [i, answer] of expected.entries()) {
    if (answer.status !== 200) throw new Error(`${reference.name} ${requests[i]?.label}: HTTP ${answer.status} ${answer.summary}`);
  }
  for (const side of others) {
    for (const [i, answer] of (answers.get(side.name) ?? []).entries()) {
      const want = expected[i];
      if (answer.status !== want?.status || answer.summary !== want.summary) {
        throw new Error(`${side.name} ${requests[i]?.label} differs from ${reference.name}:\n  got  ${answer.status} ${answer.summary}\n  want ${want?.status} ${want?.summary}`);
      }
    }
  }
}
