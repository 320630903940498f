/**
 * A wait with a bound, for callers that handle the overrun themselves: the work's own result,
 * or the string "timeout" once `ms` have passed first. The timer is always cleared, and the
 * work is not cancelled (a caller that can cancel it does so on "timeout"). The virtual Alexa's
 * transport, the body reader's drain and the bench's CPU profiler use it; the verifier's waits
 * raise their own typed errors and abort their fetch, so they keep their own timers.
 */

/**
 * The result of `work`, or "timeout" when it has not settled within `ms`.
 * @example
 * const answer = await within(fetch(url), 2_000);
 * if (answer === "timeout") return { status: 0, error: "no answer in 2 s" };
 */
export async function within<T>(work: Promise<T>, ms: number): Promise<T | "timeout"> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<"timeout">((resolve) => {
    timer = setTimeout(() => resolve("timeout"), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    if (timer !== undefined) clearTimeout(timer);
  }
}
