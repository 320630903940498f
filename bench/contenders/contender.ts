/**
 * What the runner needs from each contender: a name for the table and the
 * JSON, a one-line description, `verify` (one verification of the fixture's
 * signed request: resolves when accepted, throws otherwise), and
 * `rejectTampered` (resolves only if the same request with a tampered body is
 * refused). The runner calls both once before timing, so a contender that
 * accepts nothing, or everything, never posts a number. `check` runs after
 * timing to assert invariants such as "no download happened"; `dispose`
 * releases what the contender started.
 */

export interface Contender {
  readonly name: string;
  readonly description: string;
  readonly verify: () => Promise<void>;
  readonly rejectTampered: () => Promise<void>;
  readonly check?: () => void;
  readonly dispose?: () => Promise<void>;
}

/** Resolves if `attempt` rejects and `isExpected` approves of the error; throws otherwise. */
export async function expectRejection(label: string, attempt: () => Promise<unknown>, isExpected: (error: unknown) => boolean): Promise<void> {
  try {
    await attempt();
  } catch (error) {
    if (isExpected(error)) return;
    throw new Error(`${label}: rejected for an unexpected reason: ${String(error)}`);
  }
  throw new Error(`${label}: accepted a tampered body`);
}

/** A fetch stand-in that counts calls; `createChainFetch` from the dev kit does the serving. */
export interface CountingFetch {
  readonly fetch: (input: string, init: RequestInit) => Promise<Response>;
  readonly calls: () => number;
}

export function countingFetch(inner: (input: string, init: RequestInit) => Promise<Response>): CountingFetch {
  let calls = 0;
  return {
    fetch: (input, init) => {
      calls++;
      return inner(input, init);
    },
    calls: () => calls,
  };
}
