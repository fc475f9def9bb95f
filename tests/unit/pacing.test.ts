import { describe, expect, it } from "vitest";
import { paceDelay, sleep } from "@/lib/intercom/pacing";

describe("pacing from rate-limit headers", () => {
  const now = 1_700_000_000_000;
  const reset = now / 1000 + 10;

  it("does not wait when the headers say nothing or the window is over", () => {
    expect(paceDelay({ limit: null, remaining: null, resetAt: null }, now)).toBe(0);
    expect(paceDelay({ limit: 100, remaining: 0, resetAt: now / 1000 - 1 }, now)).toBe(0);
  });

  it("spreads the remaining budget over the time left, per concurrent caller", () => {
    expect(paceDelay({ limit: 1000, remaining: 1000, resetAt: reset }, now)).toBe(10);
    expect(paceDelay({ limit: 1000, remaining: 100, resetAt: reset }, now)).toBe(100);
    expect(paceDelay({ limit: 1000, remaining: 100, resetAt: reset }, now, { concurrency: 4 })).toBe(400);
    expect(paceDelay({ limit: 1000, remaining: 110, resetAt: reset }, now, { reserve: 10 })).toBe(100);
  });

  it("waits for the reset when the budget (less the reserve) is spent", () => {
    expect(paceDelay({ limit: 100, remaining: 0, resetAt: reset }, now)).toBe(10_100);
    expect(paceDelay({ limit: 100, remaining: 5, resetAt: reset }, now, { reserve: 5 })).toBe(10_100);
  });

  it("sleeps, and stops sleeping when aborted", async () => {
    const t0 = Date.now();
    await sleep(30);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(25);
    const ctl = new AbortController();
    const p = sleep(10_000, ctl.signal);
    ctl.abort(new Error("stop"));
    await expect(p).rejects.toThrow("stop");
  });
});
