/**
 * Keeps a workspace's calls under Intercom's rate limit without waiting more than needed:
 * the last answer's X-RateLimit-Remaining, less the calls still in flight, is what can be
 * sent until X-RateLimit-Reset; then a fresh window starts. A small reserve is left for the
 * lead's own pages. Shared by every job running for the workspace in this process.
 */
import type { RateLimitState } from "@/lib/intercom/errors";

export interface PacerOptions {
  /** Calls left untouched in each window. Default: 2% of the limit, at least 1. */
  reserve?: (limit: number) => number;
  /** Slack after the reset time before a window counts as fresh (clocks disagree a little). */
  marginMs?: number;
  now?: () => number;
}

export class RatePacer {
  private limit: number | null = null;
  private remaining = 0;
  private resetAtMs = 0;
  private inflight = 0;
  private waiters: (() => void)[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly reserve: (limit: number) => number;
  private readonly marginMs: number;
  private readonly now: () => number;

  constructor(options: PacerOptions = {}) {
    this.reserve = options.reserve ?? ((limit) => Math.max(1, Math.floor(limit * 0.01)));
    this.marginMs = options.marginMs ?? 25;
    this.now = options.now ?? Date.now;
  }

  /** Calls that may start now. Before any answer, one call goes alone to learn the limit. */
  available(): number {
    if (this.limit === null) return this.inflight === 0 ? 1 : 0;
    const fresh = this.now() >= this.resetAtMs + this.marginMs;
    return (fresh ? this.limit : this.remaining) - this.reserve(this.limit) - this.inflight;
  }

  /** What the pacer knows of the window, for progress displays. */
  state(): { limit: number | null; remaining: number | null; resetAt: number | null; inflight: number } {
    return {
      limit: this.limit,
      remaining: this.limit === null ? null : this.remaining,
      resetAt: this.resetAtMs ? this.resetAtMs / 1000 : null,
      inflight: this.inflight,
    };
  }

  /** Waits for room under the limit, then counts the call as in flight. */
  async acquire(signal?: AbortSignal): Promise<void> {
    for (;;) {
      signal?.throwIfAborted();
      if (this.available() > 0) {
        this.inflight++;
        return;
      }
      await this.change(signal);
    }
  }

  /**
   * This pacer as one job sees it: the same window and slots, but once `refusal()` answers an
   * error, a call that has not started yet never starts (waiting for room ends with that error)
   * while calls already in flight finish. A cancelled job so stops within one call per item.
   */
  gated(refusal: () => Error | null): RatePacer {
    const view = Object.create(this) as RatePacer;
    view.acquire = async (signal) => {
      await this.acquire(signal);
      const refused = refusal();
      if (refused) {
        this.release(null);
        throw refused;
      }
    };
    view.release = (rate) => this.release(rate);
    view.observe = (rate) => this.observe(rate);
    return view;
  }

  /** A call ended: its rate-limit headers (when it got an answer), and one fewer in flight. */
  release(rate: RateLimitState | null): void {
    this.inflight = Math.max(0, this.inflight - 1);
    this.observe(rate);
  }

  /** Headers seen on a call made elsewhere (the request that created a job): the window is known before the job's first call. */
  observe(rate: RateLimitState | null): void {
    if (rate && rate.limit !== null && rate.remaining !== null && rate.resetAt !== null) {
      const reset = rate.resetAt * 1000;
      this.limit = rate.limit;
      if (reset > this.resetAtMs) {
        this.resetAtMs = reset;
        this.remaining = rate.remaining;
      } else if (reset === this.resetAtMs) {
        // Answers arrive out of order: the lowest count is the latest.
        this.remaining = Math.min(this.remaining, rate.remaining);
      }
    }
    this.wake();
  }

  private wake(): void {
    const waiting = this.waiters;
    this.waiters = [];
    for (const w of waiting) w();
  }

  /** Resolves when a call ends or the window resets. */
  private change(signal?: AbortSignal): Promise<void> {
    return new Promise((resolve, reject) => {
      const done = () => {
        signal?.removeEventListener("abort", abort);
        resolve();
      };
      const abort = () => {
        this.waiters = this.waiters.filter((w) => w !== done);
        reject(signal!.reason);
      };
      signal?.addEventListener("abort", abort, { once: true });
      this.waiters.push(done);
      const wait = this.resetAtMs + this.marginMs - this.now();
      if (wait > 0 && !this.timer) {
        this.timer = setTimeout(() => {
          this.timer = null;
          this.wake();
        }, wait);
      } else if (wait <= 0 && this.inflight === 0) {
        // Nothing in flight and the window is over: look again at once.
        queueMicrotask(() => this.wake());
      }
    });
  }
}
