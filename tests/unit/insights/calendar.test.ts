import { describe, expect, it } from "vitest";
import { addDays, buckets, daysBetween, isDate } from "@/lib/insights/calendar";
import { percentile } from "@/lib/insights/numbers";
import { insightsQuery } from "@/lib/insights/schema";
import { requestOf } from "@/lib/insights/service";
import * as z from "zod/mini";

const iso = (ts: number) => new Date(ts * 1000).toISOString();

describe("buckets in the workspace's timezone", () => {
  it("starts each day at local midnight in New York, across the autumn clock change (a 25-hour day)", () => {
    const days = buckets("2026-10-31", "2026-11-02", "America/New_York", "day");
    expect(days.map((d) => d.key)).toEqual(["2026-10-31", "2026-11-01", "2026-11-02"]);
    expect(days.map((d) => iso(d.start))).toEqual([
      "2026-10-31T04:00:00.000Z",
      "2026-11-01T04:00:00.000Z",
      "2026-11-02T05:00:00.000Z",
    ]);
    expect(days.map((d) => (d.end - d.start) / 3600)).toEqual([24, 25, 24]);
    expect(days[1].label).toBe("1 Nov");
  });

  it("in Dublin, across the spring change (a 23-hour day)", () => {
    const days = buckets("2026-03-28", "2026-03-30", "Europe/Dublin", "day");
    expect(days.map((d) => iso(d.start))).toEqual([
      "2026-03-28T00:00:00.000Z",
      "2026-03-29T00:00:00.000Z",
      "2026-03-29T23:00:00.000Z",
    ]);
    expect((days[1].end - days[1].start) / 3600).toBe(23);
  });

  it("in Sydney, where the day begins before UTC's, and the clocks go forward in October", () => {
    const days = buckets("2026-10-03", "2026-10-05", "Australia/Sydney", "day");
    expect(days.map((d) => iso(d.start))).toEqual([
      "2026-10-02T14:00:00.000Z",
      "2026-10-03T14:00:00.000Z",
      "2026-10-04T13:00:00.000Z",
    ]);
    expect((days[1].end - days[1].start) / 3600).toBe(23);
  });

  it("cuts weeks on Mondays, the first and last cut by the range, each ending where the next starts", () => {
    const weeks = buckets("2026-11-04", "2026-11-20", "UTC", "week");
    expect(weeks.map((w) => w.key)).toEqual(["2026-11-04", "2026-11-09", "2026-11-16"]);
    expect(weeks.map((w) => w.label)).toEqual(["Week of 4 Nov", "Week of 9 Nov", "Week of 16 Nov"]);
    expect(weeks[0].end).toBe(weeks[1].start);
    expect(iso(weeks[2].end)).toBe("2026-11-21T00:00:00.000Z");
  });

  it("does calendar arithmetic on dates", () => {
    expect(addDays("2026-02-27", 2)).toBe("2026-03-01");
    expect(addDays("2026-01-01", -1)).toBe("2025-12-31");
    expect(daysBetween("2026-11-01", "2026-11-30")).toBe(30);
    expect(isDate("2026-02-29")).toBe(false);
    expect(isDate("2028-02-29")).toBe(true);
    expect(isDate("2026-2-1")).toBe(false);
  });
});

describe("percentiles", () => {
  it("takes the nearest rank, and nothing of nothing", () => {
    expect(percentile([], 0.5)).toBeNull();
    expect(percentile([7], 0.9)).toBe(7);
    expect(percentile([5, 1, 4, 2, 3], 0.5)).toBe(3);
    expect(percentile([1, 2, 3, 4], 0.5)).toBe(2);
    expect(
      percentile(
        Array.from({ length: 10 }, (_, i) => i + 1),
        0.9,
      ),
    ).toBe(9);
    expect(
      percentile(
        Array.from({ length: 100 }, (_, i) => 100 - i),
        0.9,
      ),
    ).toBe(90);
  });
});

describe("the query string", () => {
  const errors = (input: Record<string, string>) => {
    const r = z.safeParse(insightsQuery, input);
    return r.success ? null : Object.fromEntries(r.error.issues.map((i) => [i.path.join("."), i.message]));
  };

  it("takes presets and custom ranges, and turns them into dates ending today", () => {
    expect(errors({})).toBeNull();
    const now = Date.parse("2026-11-30T03:00:00Z");
    const preset = requestOf(z.parse(insightsQuery, { range: "7" }), "America/New_York", now);
    // 3:00 UTC is still the 29th in New York.
    expect(preset).toMatchObject({ from: "2026-11-23", to: "2026-11-29", by: "day", split: "none", refresh: false });
    const long = requestOf(z.parse(insightsQuery, { range: "90", split: "team" }), "UTC", now);
    expect(long).toMatchObject({ from: "2026-09-02", to: "2026-11-30", by: "week", split: "team" });
    const custom = requestOf(
      z.parse(insightsQuery, { range: "custom", from: "2026-01-01", to: "2026-01-10", by: "week", refresh: "1" }),
      "UTC",
      now,
    );
    expect(custom).toMatchObject({ from: "2026-01-01", to: "2026-01-10", by: "week", refresh: true });
  });

  it("refuses a range over 400 days, one that ends before it starts, missing or bad dates, and unknown values", () => {
    expect(errors({ range: "custom", from: "2025-01-01", to: "2026-03-01" })).toEqual({
      to: "A range is at most 400 days",
    });
    expect(errors({ range: "custom", from: "2026-03-02", to: "2026-03-01" })).toEqual({
      to: "The last day is before the first",
    });
    expect(errors({ range: "custom" })).toEqual({ from: "Choose the first day", to: "Choose the last day" });
    expect(errors({ range: "custom", from: "2026-02-30", to: "2026-03-01" })).toMatchObject({
      from: "Use a date like 2026-11-02",
    });
    expect(errors({ split: "country" })).toEqual({ split: "Split by none, team, teammate or type" });
    expect(errors({ range: "14" })).toEqual({ range: "Choose 7, 30 or 90 days, or custom dates" });
    expect(errors({ by: "month" })).toEqual({ by: "Show by day or by week" });
    expect(errors({ token: "x" })).not.toBeNull();
  });
});
