/**
 * What the Insights page shows, as the route answers it: safe for the browser (no server
 * imports). Every number is a point of a series, and every point carries the search that
 * produced it, as the search builder's URL text, so a click opens exactly those records.
 */

export const INSIGHT_RANGES = ["7", "30", "90", "custom"] as const;
export type InsightRange = (typeof INSIGHT_RANGES)[number];

export const INSIGHT_SPLITS = ["none", "team", "teammate", "type"] as const;
/** How series are split: by team, by teammate, or (tickets only) by ticket type. */
export type InsightSplit = (typeof INSIGHT_SPLITS)[number];

export const GRANULARITIES = ["day", "week"] as const;
export type Granularity = (typeof GRANULARITIES)[number];

/** The longest range the page computes. */
export const MAX_RANGE_DAYS = 400;

export type InsightResource = "tickets" | "conversations";

export type ChartId =
  | "tickets.created"
  | "tickets.resolved"
  | "conversations.created"
  | "conversations.closed"
  | "tickets.backlog"
  | "conversations.backlog"
  | "conversations.first_response"
  | "conversations.close_time"
  | "conversations.sla"
  | "conversations.waiting";

/** One category on a chart's x axis: a day, a week, or a waiting-time bucket. */
export interface AxisBucket {
  key: string;
  /** As shown under the axis: "2 Nov", "Week of 2 Nov", "1–4 h". */
  label: string;
  /** Unix seconds, end exclusive (for dates: local midnights in the workspace's timezone). */
  start: number;
  end: number;
}

export interface Point {
  /** Null where there is nothing to measure (a percentile of no conversations). */
  value: number | null;
  /** The search behind the point, as `?q=` text for the resource's search page; null when none can be built. */
  q: string | null;
  /** Drawn as an estimate (a backlog from before the first daily snapshot). */
  estimated?: boolean;
  /** Records behind a percentile or a rate. */
  n?: number;
}

export interface Series {
  key: string;
  /** "All", a team's or teammate's name, a ticket type's name, or an SLA's name with its outcome. */
  name: string;
  /** What the series measures, for percentiles and SLA outcomes; "count" for counts. */
  stat: "count" | "median" | "p90" | "hit" | "missed";
  /** One per axis bucket, in the axis order. */
  points: Point[];
}

export interface Chart {
  id: ChartId;
  title: string;
  resource: InsightResource;
  unit: "count" | "seconds";
  axis: AxisBucket[];
  series: Series[];
  /** Unix seconds the numbers were computed (from the cache or just now). */
  computedAt: number;
  /** How to read it: how an estimate was made, what a drill-down cannot filter on. */
  note?: string;
  /** Set when a part could not be computed (rate limited, refused): what is missing and when it is tried again. */
  missing?: { message: string; retryAt: number | null };
}

export interface InsightsResult {
  range: { from: string; to: string; days: number; timezone: string; granularity: Granularity };
  split: InsightSplit;
  charts: Chart[];
  /** Intercom calls made for this answer (0 when everything came from the cache). */
  calls: number;
}
