/**
 * What the Insights page asks the route for, as its URL holds it (`?range=30&split=team`), and
 * the check the browser makes before asking: a custom range the route would refuse (the same
 * schema, `insightsRangeForm`) is shown beside its fields and never sent. Safe for the browser.
 */
import { addDays, daysBetween } from "./calendar";
import type { Granularity, InsightRange, InsightSplit } from "./types";

export interface InsightsParams {
  range: InsightRange;
  /** YYYY-MM-DD in the workspace's timezone; only with a custom range. */
  from?: string;
  to?: string;
  split: InsightSplit;
  /** Unset: the route's default (by day up to 31 days, else by week). */
  by?: Granularity;
}

export type RangeErrors = Partial<Record<"from" | "to", string>>;

export type RangeCheck = (from: string, to: string) => RangeErrors;

let loading: Promise<RangeCheck> | null = null;

/**
 * The check of custom dates: what the route would refuse, by field, in its words (empty when
 * it takes them). The schema and zod load with the first custom range, not with the page.
 */
export function loadRangeCheck(): Promise<RangeCheck> {
  return (loading ??= import("./schema").then(({ insightsRangeForm }) => (from: string, to: string) => {
    const checked = insightsRangeForm.safeParse({ range: "custom", from: from || undefined, to: to || undefined });
    const errors: RangeErrors = {};
    if (!checked.success)
      for (const issue of checked.error.issues) {
        const field = issue.path[0];
        if ((field === "from" || field === "to") && !errors[field]) errors[field] = issue.message;
      }
    return errors;
  }));
}

/** The route's granularity when none is asked for: by day up to 31 days, else by week. */
export function defaultGranularity(days: number): Granularity {
  return days <= 31 ? "day" : "week";
}

/** The first and last day a view covers, in the workspace's timezone. */
export function rangeDates(params: InsightsParams, today: string): { from: string; to: string } {
  if (params.range === "custom") return { from: params.from ?? today, to: params.to ?? today };
  return { from: addDays(today, -(Number(params.range) - 1)), to: today };
}

export { daysBetween };

/** The params with only what they set, so equal views give equal query keys and URLs. */
export function normalParams(params: InsightsParams): InsightsParams {
  const out: InsightsParams = { range: params.range, split: params.split };
  if (params.range === "custom") {
    out.from = params.from ?? "";
    out.to = params.to ?? "";
  }
  if (params.by) out.by = params.by;
  return out;
}

/** The route's query string for these params (`refresh=1` recomputes what can still change). */
export function insightsSearch(params: InsightsParams, refresh = false): string {
  const p = normalParams(params);
  const search = new URLSearchParams({ range: p.range });
  if (p.from !== undefined) search.set("from", p.from);
  if (p.to !== undefined) search.set("to", p.to);
  search.set("split", p.split);
  if (p.by) search.set("by", p.by);
  if (refresh) search.set("refresh", "1");
  return search.toString();
}
