"use client";

import { parseAsString, parseAsStringLiteral, useQueryStates } from "nuqs";
import { normalParams, type InsightsParams } from "@/lib/insights/page-params";
import { GRANULARITIES, INSIGHT_RANGES, INSIGHT_SPLITS } from "@/lib/insights/types";

const parsers = {
  range: parseAsStringLiteral(INSIGHT_RANGES).withDefault("30"),
  from: parseAsString,
  to: parseAsString,
  split: parseAsStringLiteral(INSIGHT_SPLITS).withDefault("none"),
  by: parseAsStringLiteral(GRANULARITIES),
};

export type InsightsUrlChange = Partial<{
  range: InsightsParams["range"];
  from: string | null;
  to: string | null;
  split: InsightsParams["split"];
  by: InsightsParams["by"] | null;
}>;

/**
 * The view as the URL holds it (`?range=custom&from=2026-10-01&to=2026-10-31&split=team&by=week`),
 * so a link shares it and Back returns to the one before. Every change is a new history entry.
 */
export function useInsightsParams() {
  const [state, setState] = useQueryStates(parsers, { history: "push", scroll: false });
  const params: InsightsParams = normalParams({
    range: state.range,
    from: state.from ?? undefined,
    to: state.to ?? undefined,
    split: state.split,
    by: state.by ?? undefined,
  });
  const set = (change: InsightsUrlChange) => void setState(change);
  return { params, set };
}
