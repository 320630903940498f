/**
 * Issue #12, permanent proof: the adversarial corpus (test/http/corpus/) through the Worker,
 * each entry with the status it must get and, for every verification failure, the exact
 * reason the Worker logs; every rejection carries the same generic body. README's
 * conformance section gives the count. Real WebCrypto and dev-kit certificates throughout.
 */
import { describe, expect, it } from "vitest";
import { REJECTION_BODY } from "../../src/verify/rejection-response.js";
import { CHAIN_ENTRIES } from "./corpus/chain-entries.js";
import { REQUEST_ENTRIES, type CorpusEntry } from "./corpus/request-entries.js";
import { sendToWorker } from "./corpus/send.js";

export const CORPUS: readonly CorpusEntry[] = [...REQUEST_ENTRIES, ...CHAIN_ENTRIES];

describe(`the adversarial corpus (${CORPUS.length} entries) through the Worker`, () => {
  it.each(CORPUS.map((entry) => [entry.name, entry] as const))("%s", async (_, entry) => {
    const { request, trust, replayOf } = await entry.build();
    if (replayOf === true) expect((await sendToWorker(request.clone(), trust)).status).toBe(200);
    const outcome = await sendToWorker(request, trust);
    expect(outcome.status).toBe(entry.status);
    if (entry.reason !== null) {
      expect(outcome.reasons).toEqual([entry.reason]);
      expect(outcome.body).toBe(REJECTION_BODY);
    } else {
      expect(outcome.reasons).toEqual([]);
    }
  });

  it("holds no duplicate names", () => {
    expect(new Set(CORPUS.map((entry) => entry.name)).size).toBe(CORPUS.length);
  });
});
