import { beforeAll, describe, expect, it } from "vitest";
import { addDays } from "@/lib/insights/calendar";
import {
  defaultGranularity,
  insightsSearch,
  loadRangeCheck,
  normalParams,
  rangeDates,
  type RangeCheck,
} from "@/lib/insights/page-params";

let checkCustomRange: RangeCheck;
beforeAll(async () => {
  checkCustomRange = await loadRangeCheck();
});

describe("a custom range, checked in the browser with the route's schema", () => {
  it("is refused beside the field at fault, in the route's words", () => {
    expect(checkCustomRange("2026-01-20", "2026-01-10")).toEqual({ to: "The last day is before the first" });
    expect(checkCustomRange("", "2026-01-10")).toEqual({ from: "Choose the first day" });
    expect(checkCustomRange("2026-02-30", "")).toEqual({
      from: "Use a date like 2026-11-02",
      to: "Choose the last day",
    });
    expect(checkCustomRange("2025-01-01", "2026-11-01")).toEqual({ to: "A range is at most 400 days" });
  });

  it("is taken from one day up to 400", () => {
    expect(checkCustomRange("2026-11-29", "2026-11-29")).toEqual({});
    expect(checkCustomRange(addDays("2026-11-29", -399), "2026-11-29")).toEqual({});
  });
});

describe("the route's query", () => {
  it("sends only what the view sets, in one order", () => {
    expect(insightsSearch({ range: "30", split: "none" })).toBe("range=30&split=none");
    expect(insightsSearch({ range: "7", split: "team", by: "week", from: "2026-01-01" }, true)).toBe(
      "range=7&split=team&by=week&refresh=1",
    );
    expect(insightsSearch({ range: "custom", from: "2026-10-01", to: "2026-10-31", split: "type" })).toBe(
      "range=custom&from=2026-10-01&to=2026-10-31&split=type",
    );
    expect(normalParams({ range: "90", split: "none", from: "x", to: "y" })).toEqual({ range: "90", split: "none" });
  });

  it("covers the days the route would, by day up to 31 days", () => {
    expect(rangeDates({ range: "7", split: "none" }, "2026-11-29")).toEqual({ from: "2026-11-23", to: "2026-11-29" });
    expect(rangeDates({ range: "custom", from: "2026-10-01", to: "2026-10-31", split: "none" }, "2026-11-29")).toEqual({
      from: "2026-10-01",
      to: "2026-10-31",
    });
    expect(defaultGranularity(31)).toBe("day");
    expect(defaultGranularity(32)).toBe("week");
  });
});
