/**
 * Pacing under Intercom's rate limit, from the headers of the last answer: spread what is
 * left of the window's budget over the time left in it, keeping a reserve for the lead's
 * own clicks, and wait for the reset when the budget is spent.
 */
import type { RateLimitState } from "./errors";

export interface PaceOptions {
  /** Calls left untouched in every window (other pages, other jobs). */
  reserve?: number;
  /** Calls made at once by this caller: each waits for its share. */
  concurrency?: number;
}

/** Milliseconds to wait before the next call; 0 when the headers say nothing or there is room. */
export function paceDelay(
  rate: RateLimitState,
  nowMs: number,
  { reserve = 0, concurrency = 1 }: PaceOptions = {},
): number {
  if (rate.remaining === null || rate.resetAt === null) return 0;
  const windowLeft = rate.resetAt * 1000 - nowMs;
  if (windowLeft <= 0) return 0;
  const usable = rate.remaining - reserve;
  // Spent: wait out the window, with a little slack for clocks that disagree.
  if (usable <= 0) return Math.ceil(windowLeft) + 100;
  return Math.floor((windowLeft / usable) * concurrency);
}

/** Resolves after `ms`, or at once (rejecting) when the signal aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (ms <= 0) return signal?.aborted ? Promise.reject(signal.reason) : Promise.resolve();
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const t = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(t);
      reject(signal!.reason);
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
