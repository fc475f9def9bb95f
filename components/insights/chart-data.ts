/**
 * What a chart shows, worked out from the route's answer before anything is drawn: the words
 * of each bar (its accessible name), the axis ticks and their labels, the stacks, the colours,
 * and the rows of the table and the CSV export. No React here, so each rule is tested alone.
 */
import { csvRow, type CsvValue } from "@/lib/csv";
import { formatDuration, formatRelative, toLocalInput } from "@/lib/format/time";
import type { AxisBucket, Chart, ChartId, Point, Series } from "@/lib/insights/types";

const number = new Intl.NumberFormat("en");

const NOUNS = { tickets: ["ticket", "tickets"], conversations: ["conversation", "conversations"] } as const;

/** "1 ticket", "1,204 conversations". */
export function countOf(resource: Chart["resource"], n: number): string {
  const [one, many] = NOUNS[resource];
  return `${number.format(n)} ${n === 1 ? one : many}`;
}

/** A value as the chart's axis and table show it: a count, or a duration. */
export function formatValue(unit: Chart["unit"], value: number | null): string {
  if (value === null) return "–";
  return unit === "seconds" ? formatDuration(Math.round(value)) : number.format(value);
}

const VERBS: Record<ChartId, string> = {
  "tickets.created": "Created",
  "tickets.resolved": "Resolved",
  "conversations.created": "Created",
  "conversations.closed": "Closed",
  "tickets.backlog": "Open",
  "conversations.backlog": "Open",
  "conversations.first_response": "First response",
  "conversations.close_time": "Time to close",
  "conversations.sla": "SLA",
  "conversations.waiting": "Waiting",
};

/** Whether a chart's axis is dates (days or weeks) rather than buckets of another kind. */
export const hasDateAxis = (chart: Pick<Chart, "id">) => chart.id !== "conversations.waiting";

/** "on 12 Nov", "in the week of 2 Nov"; for waiting time, the bucket as it reads ("1–4 h"). */
function when(chart: Chart, bucket: AxisBucket): string {
  const label = bucket.label;
  if (!hasDateAxis(chart)) return label.charAt(0).toLowerCase() + label.slice(1);
  return /^week of /i.test(label) ? `in the week of ${label.slice(8)}` : `on ${label}`;
}

/**
 * A bar's or a point's accessible name, which says what a click opens:
 * "Created on 12 Nov: 14 tickets — open these tickets",
 * "First response on 12 Nov, Billing, median: 2 h 5 min over 12 conversations — open these conversations".
 */
export function pointName(chart: Chart, bucketIndex: number, series: Series, point: Point): string {
  const bucket = chart.axis[bucketIndex];
  const named = chart.series.length > 1 || series.stat !== "count";
  const what = `${VERBS[chart.id]} ${when(chart, bucket)}${named ? `, ${series.name}` : ""}`;
  let value: string;
  if (point.value === null) value = "nothing to measure";
  else if (chart.unit === "seconds") {
    value = formatValue(chart.unit, point.value);
    if (point.n !== undefined) value += ` over ${countOf(chart.resource, point.n)}`;
  } else value = countOf(chart.resource, point.value);
  if (point.estimated) value += " (estimated)";
  const open = point.q === null ? "" : ` — open these ${NOUNS[chart.resource][1]}`;
  return `${what}: ${value}${open}`;
}

/** The page that opens a point's records: the resource's search, with exactly that query. */
export function pointHref(ws: string, chart: Pick<Chart, "resource">, point: Point): string | null {
  return point.q === null ? null : `/w/${ws}/${chart.resource}?q=${encodeURIComponent(point.q)}`;
}

/** How fresh a chart is: "Computed just now", "Computed 3 minutes ago". */
export function computedWords(computedAt: number, now: number): string {
  return now - computedAt < 60 ? "Computed just now" : `Computed ${formatRelative(computedAt, now)}`;
}

/** When a missing part is tried again: "Tried again in 2 minutes.", or how to ask for it. */
export function retryWords(retryAt: number | null, now: number): string {
  if (retryAt === null) return "Refresh to try again.";
  if (retryAt - now < 60) return "Tried again in a moment.";
  return `Tried again ${formatRelative(retryAt, now)}.`;
}

/** Tickets beside conversations where both apply, then what only conversations have. */
const ROWS: ChartId[][] = [
  ["tickets.created", "conversations.created"],
  ["tickets.resolved", "conversations.closed"],
  ["tickets.backlog", "conversations.backlog"],
  ["conversations.first_response", "conversations.close_time"],
  ["conversations.sla", "conversations.waiting"],
];

/** The charts in the page's order, two to a row on wide screens. */
export function arrangeCharts(charts: Chart[]): Chart[][] {
  const byId = new Map(charts.map((c) => [c.id, c]));
  const placed = new Set<ChartId>();
  const rows: Chart[][] = [];
  for (const ids of ROWS) {
    const row = ids.flatMap((id) => byId.get(id) ?? []);
    row.forEach((c) => placed.add(c.id));
    if (row.length) rows.push(row);
  }
  const rest = charts.filter((c) => !placed.has(c.id));
  for (let i = 0; i < rest.length; i += 2) rows.push(rest.slice(i, i + 2));
  return rows;
}

// ---------------------------------------------------------------------------------------------
// Axis ticks

/** The smallest 1, 2 or 5 × 10ⁿ (at least 1: counts are whole) that covers `max` in `target` steps. */
export function countStep(max: number, target = 4): number {
  const raw = Math.max(1, max / target);
  const power = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 5, 10]) if (m * power >= raw) return Math.max(1, m * power);
  return 10 * power;
}

const DURATION_STEPS = [
  1, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1_800, 3_600, 7_200, 10_800, 21_600, 43_200, 86_400, 172_800, 432_000,
  604_800, 1_209_600, 2_592_000, 7_776_000,
];

/** Ticks for durations fall on whole minutes, hours or days. */
export function durationStep(max: number, target = 4): number {
  return DURATION_STEPS.find((s) => Math.ceil(max / s) <= target) ?? DURATION_STEPS.at(-1)!;
}

/** The ticks of the value axis, from 0 to at or above `max`. */
export function ticksFor(unit: Chart["unit"], max: number, target = 4): number[] {
  const step = unit === "seconds" ? durationStep(max, target) : countStep(max, target);
  const top = Math.max(step, Math.ceil(max / step) * step);
  const ticks: number[] = [];
  for (let v = 0; v <= top; v += step) ticks.push(v);
  return ticks;
}

/**
 * A duration tick in the unit of the axis' step, so one axis reads in one unit: "0", "45 s",
 * "15 min", "12 h", "36 h", "3 d".
 */
export function durationTick(seconds: number, step: number): string {
  if (seconds === 0) return "0";
  const [size, unit] =
    step % 86_400 === 0 ? [86_400, "d"] : step % 3_600 === 0 ? [3_600, "h"] : step % 60 === 0 ? [60, "min"] : [1, "s"];
  return `${seconds / size} ${unit}`;
}

/** The labels of the value axis' ticks (evenly spaced, starting at 0). */
export function tickLabels(unit: Chart["unit"], ticks: number[]): string[] {
  const step = ticks[1] ?? 1;
  return ticks.map((t) => (unit === "seconds" ? durationTick(t, step) : number.format(t)));
}

/** Show every how-many-th bucket label so that labels of `chars` characters never overlap. */
export function labelEvery(buckets: number, plotWidth: number, chars: number): number {
  if (buckets === 0) return 1;
  const needed = chars * 6.5 + 10;
  return Math.max(1, Math.ceil(needed / (plotWidth / buckets)));
}

// ---------------------------------------------------------------------------------------------
// Marks

/** Percentiles are lines; everything else (counts, SLA outcomes) bars. */
export function chartKind(chart: Pick<Chart, "series">): "bars" | "lines" {
  return chart.series.some((s) => s.stat === "median" || s.stat === "p90") ? "lines" : "bars";
}

/**
 * Where each series' bars stand in a bucket: one stack when the series split one total (by
 * team, teammate or type; one SLA's hit and missed), else a stack of hit and missed per SLA,
 * side by side, since one conversation can have several SLAs.
 */
export function barColumns(chart: Pick<Chart, "series">): { columns: number; column: number[] } {
  const outcomes = chart.series.length > 0 && chart.series.every(isOutcome);
  const groups = [...new Set(chart.series.map(groupKey))];
  if (!outcomes || groups.length < 2) return { columns: 1, column: chart.series.map(() => 0) };
  return { columns: groups.length, column: chart.series.map((s) => groups.indexOf(groupKey(s))) };
}

/** A missed outcome beside other SLAs' is drawn in its SLA's colour, lighter. */
export function isLighter(chart: Pick<Chart, "series">, series: Series): boolean {
  return series.stat === "missed" && barColumns(chart).columns > 1;
}

export interface Mark {
  bucket: number;
  series: number;
  point: Point;
  /** Which of the bucket's columns it stands in. */
  column: number;
  /** Where it sits on the value axis: from y0 (its stack below it) up to y1. */
  y0: number;
  y1: number;
}

/**
 * Every drawn bar, bucket by bucket, series in order (bottom up in their stack), with the top
 * of the value axis. Points of nothing (0 or null) draw no bar.
 */
export function barMarks(chart: Chart): { marks: Mark[]; max: number; columns: number } {
  const { columns, column } = barColumns(chart);
  const marks: Mark[] = [];
  let max = 0;
  chart.axis.forEach((_, b) => {
    const base = new Array<number>(columns).fill(0);
    chart.series.forEach((s, i) => {
      const point = s.points[b];
      const v = point?.value ?? 0;
      if (!point || v <= 0) return;
      const c = column[i];
      marks.push({ bucket: b, series: i, point, column: c, y0: base[c], y1: base[c] + v });
      base[c] += v;
      max = Math.max(max, base[c]);
    });
  });
  return { marks, max, columns };
}

/** The points of a line, bucket by bucket, and the runs between gaps (null: nothing to measure). */
export function lineRuns(points: Point[]): number[][] {
  const runs: number[][] = [];
  let run: number[] = [];
  points.forEach((p, i) => {
    if (p.value === null) {
      if (run.length) runs.push(run);
      run = [];
    } else run.push(i);
  });
  if (run.length) runs.push(run);
  return runs;
}

export function lineMax(chart: Chart): number {
  let max = 0;
  for (const s of chart.series) for (const p of s.points) if (p.value !== null) max = Math.max(max, p.value);
  return max;
}

// ---------------------------------------------------------------------------------------------
// Colours

export const PALETTE_SIZE = 8;

/**
 * Each series' colour, an index into the palette: a line's median and 90th percentile share
 * their group's colour, as several SLAs' hit and missed do; one SLA's hit and missed are
 * green and red.
 */
export function seriesColours(chart: Pick<Chart, "series">, order: string[] = []): number[] {
  const outcomes = chart.series.length > 0 && chart.series.every(isOutcome);
  if (outcomes && barColumns(chart).columns === 1) return chart.series.map((s) => (s.stat === "hit" ? 2 : 4));
  const local: string[] = [];
  return chart.series.map((s) => {
    const key = groupKey(s);
    const shared = isOutcome(s) ? -1 : order.indexOf(key);
    const i = shared >= 0 ? shared : local.includes(key) ? local.indexOf(key) : local.push(key) - 1;
    return SPREAD[i % PALETTE_SIZE];
  });
}

/**
 * Every team, teammate and ticket type on the page, in the order colours go to them, so each
 * has one colour on every chart (each chart lists its groups largest first).
 */
export function colourOrder(charts: Pick<Chart, "series">[]): string[] {
  const keys: string[] = [];
  for (const chart of charts)
    for (const s of chart.series) if (!isOutcome(s) && !keys.includes(groupKey(s))) keys.push(groupKey(s));
  return keys;
}

const isOutcome = (s: Series) => s.stat === "hit" || s.stat === "missed";
/** The team, teammate, SLA or "all" a series belongs to: a median and a 90th percentile share one, as an SLA's hit and missed do. */
const groupKey = (s: Series) => s.key.replace(/:(median|p90|hit|missed)$/, "");
/** That group's name, without the statistic ("Billing · median" is Billing's). */
const groupName = (s: Series) => s.name.replace(/ · (median|90th percentile|hit|missed)$/, "");

/** The palette in the order series take it: neighbours in a stack differ in hue as much as they can. */
const SPREAD = [0, 3, 1, 5, 2, 6, 4, 7];

export interface LegendItem {
  label: string;
  /** A palette index; null for a key drawn in the text colour. */
  colour: number | null;
  mark: "box" | "light" | "line" | "dashed" | "estimated";
}

/**
 * What the legend lists: each series' colour; for lines split by team or teammate, each
 * group's colour and then how a median and a 90th percentile are drawn; for several SLAs,
 * each SLA's colour and then how hit and missed are drawn; and the estimate's dashes.
 */
export function legendItems(chart: Pick<Chart, "series">, order: string[] = []): LegendItem[] {
  const colours = seriesColours(chart, order);
  const items: LegendItem[] = [];
  if (chartKind(chart) === "lines") {
    const groups = [...new Set(chart.series.map(groupKey))];
    if (groups.length === 1 && groups[0] === "all")
      chart.series.forEach((s, i) =>
        items.push({ label: s.name, colour: colours[i], mark: s.stat === "p90" ? "dashed" : "line" }),
      );
    else {
      for (const g of groups) {
        const i = chart.series.findIndex((s) => groupKey(s) === g);
        items.push({ label: groupName(chart.series[i]), colour: colours[i], mark: "box" });
      }
      if (chart.series.some((s) => s.stat === "median")) items.push({ label: "Median", colour: null, mark: "line" });
      if (chart.series.some((s) => s.stat === "p90"))
        items.push({ label: "90th percentile", colour: null, mark: "dashed" });
    }
  } else if (barColumns(chart).columns > 1) {
    for (const g of [...new Set(chart.series.map(groupKey))]) {
      const i = chart.series.findIndex((s) => groupKey(s) === g);
      items.push({ label: groupName(chart.series[i]), colour: colours[i], mark: "box" });
    }
    items.push({ label: "Hit", colour: null, mark: "box" }, { label: "Missed", colour: null, mark: "light" });
  } else if (chart.series.length > 1)
    chart.series.forEach((s, i) => items.push({ label: s.name, colour: colours[i], mark: "box" }));
  if (chart.series.some((s) => s.points.some((p) => p.estimated)))
    items.push({ label: "Estimated", colour: null, mark: "estimated" });
  return items;
}

// ---------------------------------------------------------------------------------------------
// Table and CSV

/** A time as a spreadsheet reads it, in the workspace's timezone: "2026-11-02", or "2026-11-02 14:00". */
export function localStamp(ts: number, timeZone: string): string {
  // A bucket open at one end (waiting over 3 days) starts at 0: no time to write.
  if (ts <= 0) return "";
  const [date, time] = toLocalInput(ts, timeZone).split("T");
  return time === "00:00" ? date : `${date} ${time}`;
}

/** A series' column heading; durations say their unit. */
export function columnName(chart: Pick<Chart, "unit">, series: Series): string {
  return chart.unit === "seconds" ? `${series.name} (seconds)` : series.name;
}

/** The chart's numbers, a row per bucket: bucket, start, end (exclusive), then one column per series. */
export function csvTable(chart: Chart, timeZone: string): CsvValue[][] {
  const header: CsvValue[] = ["bucket", "start", "end", ...chart.series.map((s) => columnName(chart, s))];
  const rows = chart.axis.map((bucket, b): CsvValue[] => [
    bucket.label,
    localStamp(bucket.start, timeZone),
    localStamp(bucket.end, timeZone),
    ...chart.series.map((s) => s.points[b]?.value ?? null),
  ]);
  return [header, ...rows];
}

export function chartCsv(chart: Chart, timeZone: string): string {
  return csvTable(chart, timeZone).map(csvRow).join("");
}

/** "created-tickets-2026-10-03-to-2026-11-01.csv". */
export function exportName(chart: Pick<Chart, "title">, range: { from: string; to: string }, ext: string): string {
  const slug =
    chart.title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "") || "chart";
  return `${slug}-${range.from}-to-${range.to}.${ext}`;
}
