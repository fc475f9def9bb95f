/**
 * Which failures are worth another try: 429 (after the reset), 5xx, timeouts and lost
 * connections, with exponential backoff and jitter, a bounded number of times. Any other
 * 4xx is Intercom's answer about this ticket and is final.
 */
import { HttpError } from "@/lib/http/errors";
import { IntercomError } from "@/lib/intercom/errors";
import { sleep } from "@/lib/intercom/pacing";

/** Tries per item for failures that may pass (429s are not counted: they only mean "later"). */
export const MAX_ATTEMPTS = 5;
/** 429s tolerated for one item before it fails. */
export const MAX_RATE_LIMITED = 20;

export type FailureKind = "rate_limited" | "transient" | "auth" | "cancelled" | "final";

export function classify(e: unknown): FailureKind {
  // Refused on this side before any call (a write that would not act as the lead): trying again changes nothing.
  if (e instanceof HttpError) return "final";
  if (!(e instanceof IntercomError)) return "transient";
  if (e.status === 429) return "rate_limited";
  if (e.status === 401) return "auth";
  if (e.status === 499) return "cancelled";
  if (e.status === 0 || e.status >= 500) return "transient";
  return "final";
}

/** The wait before try `attempt + 1` (attempt counts from 1): 250 ms doubling to 8 s, then half of it random. */
export function backoffMs(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(8_000, 250 * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

/** How long a 429 asks to wait: until the window resets, plus a little jitter so waiters do not return together. */
export function rateLimitedWaitMs(e: unknown, nowMs: number, random: () => number = Math.random): number {
  const reset = e instanceof IntercomError ? e.rateLimit?.resetAt : null;
  const until = reset ? reset * 1000 - nowMs : 1_000;
  return Math.max(50, until) + Math.round(random() * 100);
}

/** A call that failed every try while Intercom was busy or failing. */
export class StillFailing extends Error {
  constructor(
    readonly last: unknown,
    readonly tries: number,
  ) {
    super(last instanceof Error ? last.message : String(last));
    this.name = "StillFailing";
  }

  /** "it answered 503, 5 tries" or "it did not answer, 5 tries". */
  get why(): string {
    const answered =
      this.last instanceof IntercomError && this.last.status > 0
        ? `it answered ${this.last.status}`
        : "it did not answer";
    return `${answered}, ${this.tries} tries`;
  }

  get rateLimited(): boolean {
    return classify(this.last) === "rate_limited";
  }
}

/**
 * Runs a read again while Intercom is busy or failing: after a 429 at the window's reset,
 * after a 5xx or a timeout with backoff, up to MAX_ATTEMPTS tries in all (then StillFailing).
 * Any other failure is thrown at once.
 */
export async function withRetries<T>(call: () => Promise<T>, signal?: AbortSignal): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (e) {
      const kind = classify(e);
      if (kind !== "transient" && kind !== "rate_limited") throw e;
      if (attempt >= MAX_ATTEMPTS) throw new StillFailing(e, attempt);
      await sleep(kind === "rate_limited" ? rateLimitedWaitMs(e, Date.now()) : backoffMs(attempt), signal);
    }
  }
}
