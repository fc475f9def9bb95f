/**
 * The Insights page's choices as the route takes them in its query string, and as the page's
 * custom-range form checks them (the same schema, zod's small build): a range of 7, 30 or 90
 * days to today, or custom dates in the workspace's timezone, at most MAX_RANGE_DAYS long.
 */
import * as z from "zod/mini";
import { daysBetween, isDate } from "./calendar";
import { GRANULARITIES, INSIGHT_RANGES, INSIGHT_SPLITS, MAX_RANGE_DAYS } from "./types";

const date = z.string().check(z.refine(isDate, "Use a date like 2026-11-02"));

interface CustomRange {
  range?: string;
  from?: string;
  to?: string;
}

/** Issues across fields: custom dates given, in order, not too far apart. */
function rangeIssues(v: CustomRange): { path: "from" | "to"; message: string }[] {
  if (v.range !== "custom") return [];
  const out: { path: "from" | "to"; message: string }[] = [];
  if (!v.from) out.push({ path: "from", message: "Choose the first day" });
  if (!v.to) out.push({ path: "to", message: "Choose the last day" });
  if (v.from && v.to && isDate(v.from) && isDate(v.to)) {
    if (v.to < v.from) out.push({ path: "to", message: "The last day is before the first" });
    else if (daysBetween(v.from, v.to) > MAX_RANGE_DAYS)
      out.push({ path: "to", message: `A range is at most ${MAX_RANGE_DAYS} days` });
  }
  return out;
}

const rangeFields = {
  range: z._default(z.enum(INSIGHT_RANGES, "Choose 7, 30 or 90 days, or custom dates"), "30"),
  from: z.optional(date),
  to: z.optional(date),
};

/** The custom-range form. */
export const insightsRangeForm = z.object(rangeFields).check((ctx) => {
  for (const { path, message } of rangeIssues(ctx.value))
    ctx.issues.push({ code: "custom", path: [path], message, input: ctx.value });
});
export type InsightsRangeValues = z.input<typeof insightsRangeForm>;

/** The query string of GET /insights. */
export const insightsQuery = z
  .strictObject({
    ...rangeFields,
    split: z._default(z.enum(INSIGHT_SPLITS, "Split by none, team, teammate or type"), "none"),
    by: z.optional(z.enum(GRANULARITIES, "Show by day or by week")),
    refresh: z.optional(z.literal("1")),
  })
  .check((ctx) => {
    for (const { path, message } of rangeIssues(ctx.value))
      ctx.issues.push({ code: "custom", path: [path], message, input: ctx.value });
  });
export type InsightsQuery = z.output<typeof insightsQuery>;
