import { describe, expect, it } from "vitest";
import { RatePacer } from "@/lib/bulk/pacer";
import { HttpError } from "@/lib/http/errors";
import { backoffMs, classify, MAX_ATTEMPTS, rateLimitedWaitMs } from "@/lib/bulk/retry";
import { IntercomError } from "@/lib/intercom/errors";

function clock(start = 1_700_000_000_000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}
const headers = (limit: number, remaining: number, resetAtMs: number) => ({
  limit,
  remaining,
  resetAt: resetAtMs / 1000,
});

describe("pacing from X-RateLimit headers", () => {
  it("sends one call alone until it knows the limit", async () => {
    const c = clock();
    const p = new RatePacer({ now: c.now });
    expect(p.available()).toBe(1);
    await p.acquire();
    expect(p.available()).toBe(0);
    p.release(headers(100, 99, c.now() + 1000));
    expect(p.available()).toBe(99 - 1);
  });

  it("counts calls in flight against what remains, keeping a 1% reserve", async () => {
    const c = clock();
    const p = new RatePacer({ now: c.now });
    await p.acquire();
    p.release(headers(1000, 500, c.now() + 5000));
    for (let i = 0; i < 480; i++) await p.acquire();
    expect(p.available()).toBe(500 - 10 - 480);
    p.release(headers(1000, 450, c.now() + 5000));
    expect(p.available()).toBe(450 - 10 - 479);
  });

  it("keeps the lowest remaining of one window, whatever order answers arrive in", async () => {
    const c = clock();
    const p = new RatePacer({ now: c.now, reserve: () => 0 });
    const reset = c.now() + 1000;
    await p.acquire();
    p.release(headers(100, 50, reset));
    await p.acquire();
    await p.acquire();
    p.release(headers(100, 40, reset));
    p.release(headers(100, 45, reset));
    expect(p.available()).toBe(40);
  });

  it("waits for the window to reset when the budget is spent, then starts afresh", async () => {
    const c = clock();
    const p = new RatePacer({ now: c.now, reserve: () => 0, marginMs: 10 });
    await p.acquire();
    p.release(headers(2, 0, c.now() + 40));
    let got = false;
    const waiting = p.acquire().then(() => (got = true));
    await new Promise((r) => setTimeout(r, 15));
    expect(got).toBe(false);
    c.advance(60);
    await new Promise((r) => setTimeout(r, 60));
    await waiting;
    expect(got).toBe(true);
    expect(p.available()).toBe(1);
  });

  it("a 429's headers stop further calls until the reset", async () => {
    const c = clock();
    const p = new RatePacer({ now: c.now });
    await p.acquire();
    p.release(headers(100, 0, c.now() + 900));
    expect(p.available()).toBeLessThanOrEqual(0);
    c.advance(1000);
    expect(p.available()).toBe(99);
  });

  it("knows the window from headers seen elsewhere, before its own first call", () => {
    const c = clock();
    const p = new RatePacer({ now: c.now });
    p.observe(headers(100, 60, c.now() + 500));
    expect(p.available()).toBe(59);
  });

  it("stops waiting when aborted", async () => {
    const c = clock();
    const p = new RatePacer({ now: c.now });
    await p.acquire();
    const ctl = new AbortController();
    const waiting = p.acquire(ctl.signal);
    ctl.abort(new Error("stop"));
    await expect(waiting).rejects.toThrow("stop");
  });

  it("a gated view shares the window, and once refused starts no waiting call while calls in flight finish", async () => {
    const c = clock();
    const p = new RatePacer({ now: c.now, reserve: () => 0 });
    await p.acquire();
    p.release(headers(2, 2, c.now() + 1000));
    let refused = false;
    const job = p.gated(() => (refused ? new Error("cancelled") : null));
    await job.acquire();
    await job.acquire();
    expect(p.available()).toBe(0);
    const waiting = job.acquire();
    refused = true;
    // A call in flight ends in a new window: room for one more, which the refused view does not take.
    job.release(headers(2, 2, c.now() + 2000));
    await expect(waiting).rejects.toThrow("cancelled");
    expect(p.state().inflight).toBe(1);
    job.release(headers(2, 1, c.now() + 2000));
    expect(p.state().inflight).toBe(0);
    expect(p.available()).toBe(1);
  });
});

describe("retry policy", () => {
  const err = (status: number) => new IntercomError(status, "x", "x");

  it("retries 429, 5xx, timeouts and lost connections; never another 4xx", () => {
    expect(classify(err(429))).toBe("rate_limited");
    for (const s of [500, 502, 503, 504, 0]) expect(classify(err(s))).toBe("transient");
    expect(classify(new Error("socket hang up"))).toBe("transient");
    for (const s of [400, 403, 404, 409, 422]) expect(classify(err(s))).toBe("final");
    expect(classify(err(401))).toBe("auth");
    expect(classify(err(499))).toBe("cancelled");
    expect(MAX_ATTEMPTS).toBe(5);
  });

  it("never retries a write refused before it was sent (one that would not act as the lead)", () => {
    expect(classify(new HttpError("acting_identity", "x"))).toBe("final");
  });

  it("backs off exponentially with jitter, capped", () => {
    expect(backoffMs(1, () => 0)).toBe(125);
    expect(backoffMs(1, () => 1)).toBe(250);
    expect(backoffMs(3, () => 0)).toBe(500);
    expect(backoffMs(3, () => 1)).toBe(1000);
    expect(backoffMs(20, () => 1)).toBe(8000);
    const spread = new Set(Array.from({ length: 50 }, () => backoffMs(4)));
    expect(spread.size).toBeGreaterThan(10);
  });

  it("waits out a 429 until its window resets", () => {
    const e = new IntercomError(429, "rate_limit_exceeded", "x", null, {
      limit: 100,
      remaining: 0,
      resetAt: 1_700_000_003,
    });
    expect(rateLimitedWaitMs(e, 1_700_000_000_000, () => 0)).toBe(3000);
    expect(rateLimitedWaitMs(err(429), 0, () => 0)).toBe(1000);
  });
});
