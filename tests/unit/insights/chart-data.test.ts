import { describe, expect, it } from "vitest";
import {
  arrangeCharts,
  isLighter,
  barMarks,
  chartCsv,
  chartKind,
  colourOrder,
  computedWords,
  countStep,
  csvTable,
  durationStep,
  durationTick,
  exportName,
  labelEvery,
  legendItems,
  lineRuns,
  localStamp,
  pointHref,
  pointName,
  retryWords,
  seriesColours,
  tickLabels,
  ticksFor,
} from "@/components/insights/chart-data";
import { parseCsv } from "@/lib/csv";
import type { AxisBucket, Chart, ChartId, Point, Series } from "@/lib/insights/types";

const TZ = "America/New_York";
// Local midnights in New York: 2 Nov 2026 is the first day after the clocks go back (1 Nov).
const NOV1 = 1_793_505_600;
const NOV2 = 1_793_595_600;
const NOV3 = 1_793_682_000;

const days: AxisBucket[] = [
  { key: "2026-11-01", label: "1 Nov", start: NOV1, end: NOV2 },
  { key: "2026-11-02", label: "2 Nov", start: NOV2, end: NOV3 },
];

const point = (value: number | null, extra: Partial<Point> = {}): Point => ({ value, q: "1.abc", ...extra });
const series = (
  name: string,
  values: (number | null)[],
  stat: Series["stat"] = "count",
  extra: Partial<Point> = {},
  key = `${name}:${stat}`,
) => ({
  key,
  name,
  stat,
  points: values.map((v) => point(v, extra)),
});
const chart = (id: ChartId, s: Series[], more: Partial<Chart> = {}): Chart => ({
  id,
  title: "Created tickets",
  resource: "tickets",
  unit: "count",
  axis: days,
  series: s,
  computedAt: NOV3,
  ...more,
});

describe("the words of a bar", () => {
  it("says what the bar counts and what a click opens", () => {
    const c = chart("tickets.created", [series("All", [14, 1])]);
    expect(pointName(c, 0, c.series[0], c.series[0].points[0])).toBe(
      "Created on 1 Nov: 14 tickets — open these tickets",
    );
    expect(pointName(c, 1, c.series[0], c.series[0].points[1])).toBe("Created on 2 Nov: 1 ticket — open these tickets");
  });

  it("names the series when split, and weeks as weeks", () => {
    const weeks = [{ key: "w", label: "Week of 2 Nov", start: NOV2, end: NOV2 + 7 * 86_400 }];
    const c = chart("conversations.closed", [series("Billing", [1204]), series("Sales", [3])], {
      resource: "conversations",
      axis: weeks,
    });
    expect(pointName(c, 0, c.series[0], c.series[0].points[0])).toBe(
      "Closed in the week of 2 Nov, Billing: 1,204 conversations — open these conversations",
    );
  });

  it("gives percentiles as durations over how many records, and leaves a point without a search unlinked", () => {
    const median = series("Median", [7500, null], "median", { n: 12 }, "all:median");
    const c = chart("conversations.first_response", [median], { resource: "conversations", unit: "seconds" });
    expect(pointName(c, 0, median, median.points[0])).toBe(
      "First response on 1 Nov, Median: 2 h 5 min over 12 conversations — open these conversations",
    );
    const estimated = point(40, { estimated: true, q: null });
    const backlog = chart("tickets.backlog", [{ ...series("All", [40]), points: [estimated] }]);
    expect(pointName(backlog, 0, backlog.series[0], estimated)).toBe("Open on 1 Nov: 40 tickets (estimated)");
    expect(pointHref("ws1", backlog, estimated)).toBeNull();
  });

  it("reads a waiting-time bucket as it is labelled", () => {
    const c = chart("conversations.waiting", [series("All", [14])], {
      resource: "conversations",
      axis: [{ key: "1-4h", label: "1–4 h", start: NOV1, end: NOV2 }],
    });
    expect(pointName(c, 0, c.series[0], c.series[0].points[0])).toBe(
      "Waiting 1–4 h: 14 conversations — open these conversations",
    );
  });

  it("links to the resource's search with the point's query", () => {
    const c = chart("conversations.created", [series("All", [1])], { resource: "conversations" });
    expect(pointHref("ws1", c, point(1, { q: "1.WyImIl0" }))).toBe("/w/ws1/conversations?q=1.WyImIl0");
  });
});

describe("the value axis", () => {
  it("steps counts by 1, 2 or 5 × 10ⁿ, never below 1", () => {
    expect(countStep(0)).toBe(1);
    expect(countStep(3)).toBe(1);
    expect(countStep(17)).toBe(5);
    expect(countStep(60)).toBe(20);
    expect(countStep(1234)).toBe(500);
    expect(ticksFor("count", 17)).toEqual([0, 5, 10, 15, 20]);
    expect(ticksFor("count", 0)).toEqual([0, 1]);
    expect(ticksFor("count", 20)).toEqual([0, 5, 10, 15, 20]);
  });

  it("steps durations by whole minutes, hours or days, and labels an axis in one unit", () => {
    expect(durationStep(50)).toBe(15);
    expect(durationStep(3_000)).toBe(900);
    expect(durationStep(4 * 3_600)).toBe(3_600);
    expect(durationStep(40 * 3_600)).toBe(43_200);
    expect(tickLabels("seconds", ticksFor("seconds", 40 * 3_600))).toEqual(["0", "12 h", "24 h", "36 h", "48 h"]);
    expect(tickLabels("seconds", ticksFor("seconds", 3_000))).toEqual(["0", "15 min", "30 min", "45 min", "60 min"]);
    expect(tickLabels("seconds", ticksFor("seconds", 9 * 86_400))).toEqual(["0", "5 d", "10 d"]);
    expect(durationTick(90, 30)).toBe("90 s");
    expect(tickLabels("count", [0, 500, 1000])).toEqual(["0", "500", "1,000"]);
  });

  it("thins the bucket labels so they never overlap", () => {
    expect(labelEvery(7, 500, 6)).toBe(1);
    expect(labelEvery(30, 500, 6)).toBe(3);
    expect(labelEvery(90, 500, 6)).toBe(9);
    expect(labelEvery(0, 500, 6)).toBe(1);
  });
});

describe("marks", () => {
  it("stacks a split's counts, skipping nothing-bars, and tops the axis at the tallest stack", () => {
    const c = chart("tickets.created", [series("A", [2, 0]), series("B", [3, 4])]);
    const { marks, max } = barMarks(c);
    expect(marks.map((m) => [m.bucket, m.series, m.y0, m.y1])).toEqual([
      [0, 0, 0, 2],
      [0, 1, 2, 5],
      [1, 1, 0, 4],
    ]);
    expect(max).toBe(5);
  });

  it("stacks one SLA's hit and missed in green and red, and stands several SLAs' stacks side by side", () => {
    const sla = (name: string, key: string, hit: number, missed: number) => [
      series(`${name} · hit`, [hit], "hit", {}, `${key}:hit`),
      series(`${name} · missed`, [missed], "missed", {}, `${key}:missed`),
    ];
    const one = chart("conversations.sla", sla("First reply", "fr", 5, 2));
    expect(barMarks(one).columns).toBe(1);
    expect(barMarks(one).max).toBe(7);
    expect(seriesColours(one)).toEqual([2, 4]);
    expect(legendItems(one).map((i) => i.label)).toEqual(["First reply · hit", "First reply · missed"]);

    const two = chart("conversations.sla", [...sla("First reply", "fr", 5, 2), ...sla("VIP", "vip", 1, 1)]);
    const { marks, max, columns } = barMarks(two);
    expect(columns).toBe(2);
    expect(marks.map((m) => [m.series, m.column, m.y0, m.y1])).toEqual([
      [0, 0, 0, 5],
      [1, 0, 5, 7],
      [2, 1, 0, 1],
      [3, 1, 1, 2],
    ]);
    expect(max).toBe(7);
    const colours = seriesColours(two);
    expect(colours[0]).toBe(colours[1]);
    expect(colours[0]).not.toBe(colours[2]);
    expect(isLighter(two, two.series[1])).toBe(true);
    expect(isLighter(two, two.series[0])).toBe(false);
    expect(isLighter(one, one.series[1])).toBe(false);
    expect(legendItems(two).map((i) => `${i.mark}:${i.label}`)).toEqual([
      "box:First reply",
      "box:VIP",
      "box:Hit",
      "light:Missed",
    ]);
  });

  it("draws percentiles as lines broken where there is nothing to measure", () => {
    expect(chartKind(chart("conversations.close_time", [series("All", [1], "median")]))).toBe("lines");
    expect(chartKind(chart("tickets.created", [series("All", [1])]))).toBe("bars");
    expect(lineRuns([point(1), point(2), point(null), point(3), point(null)])).toEqual([[0, 1], [3]]);
  });

  it("gives a team one colour on every chart, whatever order each chart lists its teams in", () => {
    const created = chart("tickets.created", [
      series("Billing", [5], "count", {}, "t1"),
      series("Sales", [3], "count", {}, "t2"),
    ]);
    const closed = chart("tickets.resolved", [
      series("Sales", [9], "count", {}, "t2"),
      series("Billing", [1], "count", {}, "t1"),
    ]);
    const order = colourOrder([created, closed]);
    expect(order).toEqual(["t1", "t2"]);
    expect(seriesColours(closed, order)).toEqual([...seriesColours(created, order)].reverse());
    expect(seriesColours(closed)).toEqual(seriesColours(created));
  });

  it("gives a group's median and 90th percentile one colour, and lists groups then line styles", () => {
    const c = chart("conversations.first_response", [
      series("Billing · median", [1], "median", {}, "t1:median"),
      series("Billing · 90th percentile", [2], "p90", {}, "t1:p90"),
      series("No team · median", [1], "median", {}, "none:median"),
      series("No team · 90th percentile", [2], "p90", {}, "none:p90"),
    ]);
    const colours = seriesColours(c);
    expect(colours[0]).toBe(colours[1]);
    expect(colours[2]).toBe(colours[3]);
    expect(colours[0]).not.toBe(colours[2]);
    expect(legendItems(c).map((i) => `${i.mark}:${i.label}`)).toEqual([
      "box:Billing",
      "box:No team",
      "line:Median",
      "dashed:90th percentile",
    ]);
    const whole = chart("conversations.first_response", [
      series("Median", [1], "median", {}, "all:median"),
      series("90th percentile", [2], "p90", {}, "all:p90"),
    ]);
    expect(legendItems(whole).map((i) => `${i.mark}:${i.label}`)).toEqual(["line:Median", "dashed:90th percentile"]);
    const closeTime = chart("conversations.close_time", [series("Sales · median", [1], "median", {}, "t2:median")]);
    expect(legendItems(closeTime).map((i) => i.label)).toEqual(["Sales", "Median"]);
    const estimated = chart("tickets.backlog", [series("All", [1], "count", { estimated: true })]);
    expect(legendItems(estimated).map((i) => i.label)).toEqual(["Estimated"]);
  });
});

describe("CSV rows from a chart", () => {
  it("has bucket, start, end, then one column per series, dates in the workspace's timezone", () => {
    const c = chart("tickets.created", [series("Billing", [2, null]), series("=cmd", [3, 4])]);
    expect(csvTable(c, TZ)).toEqual([
      ["bucket", "start", "end", "Billing", "=cmd"],
      ["1 Nov", "2026-11-01", "2026-11-02", 2, 3],
      ["2 Nov", "2026-11-02", "2026-11-03", null, 4],
    ]);
    // Through the one CSV writer: a formula-like name is defused, an empty value stays empty.
    expect(parseCsv(chartCsv(c, TZ))).toEqual([
      ["bucket", "start", "end", "Billing", "'=cmd"],
      ["1 Nov", "2026-11-01", "2026-11-02", "2", "3"],
      ["2 Nov", "2026-11-02", "2026-11-03", "", "4"],
    ]);
  });

  it("names duration columns with their unit and writes seconds", () => {
    const c = chart("conversations.close_time", [series("Median", [7500.4, 60], "median", {}, "all:median")], {
      unit: "seconds",
    });
    expect(csvTable(c, TZ)[0]).toEqual(["bucket", "start", "end", "Median (seconds)"]);
    expect(csvTable(c, TZ)[1][3]).toBe(7500.4);
  });

  it("writes a time that is not a midnight with its hour, and none for an open end", () => {
    expect(localStamp(NOV1, TZ)).toBe("2026-11-01");
    expect(localStamp(NOV1 + 5_400, TZ)).toBe("2026-11-01 01:30");
    expect(localStamp(0, TZ)).toBe("");
  });

  it("names files for the chart and its range", () => {
    expect(exportName({ title: "Time to first response" }, { from: "2026-10-03", to: "2026-11-01" }, "csv")).toBe(
      "time-to-first-response-2026-10-03-to-2026-11-01.csv",
    );
  });
});

describe("the page's words and order", () => {
  it("says how fresh a chart is and when a missing part is tried again", () => {
    expect(computedWords(1000, 1030)).toBe("Computed just now");
    expect(computedWords(1000, 1000 + 180)).toBe("Computed 3 minutes ago");
    expect(retryWords(null, 0)).toBe("Refresh to try again.");
    expect(retryWords(30, 0)).toBe("Tried again in a moment.");
    expect(retryWords(600, 0)).toBe("Tried again in 10 minutes.");
  });

  it("puts tickets beside conversations, then what only conversations have", () => {
    const ids: ChartId[] = [
      "conversations.waiting",
      "conversations.created",
      "tickets.backlog",
      "tickets.created",
      "conversations.backlog",
      "conversations.sla",
    ];
    const rows = arrangeCharts(ids.map((id) => chart(id, [])));
    expect(rows.map((r) => r.map((c) => c.id))).toEqual([
      ["tickets.created", "conversations.created"],
      ["tickets.backlog", "conversations.backlog"],
      ["conversations.sla", "conversations.waiting"],
    ]);
  });
});
