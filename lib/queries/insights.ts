import { keepPreviousData, queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import { insightsSearch, normalParams, type InsightsParams } from "@/lib/insights/page-params";
import type { InsightsResult } from "@/lib/insights/types";
import { fetchJson } from "./fetcher";
import { keys } from "./keys";

export const insightsUrl = (ws: string, params: InsightsParams, refresh = false) =>
  `/api/w/${encodeURIComponent(ws)}/insights?${insightsSearch(params, refresh)}`;

/** The charts of one view. `enabled: false` while the page's own checks refuse the view. */
export function insightsQuery(ws: string, params: InsightsParams, enabled = true) {
  const normal = normalParams(params);
  return queryOptions({
    queryKey: keys.insights(ws, normal),
    queryFn: ({ signal }) => fetchJson<InsightsResult>(insightsUrl(ws, normal), { signal }),
    enabled,
    // Another view keeps the charts on screen until its own arrive.
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

/** Refresh: the route recomputes the days that can still change, and the view shows the answer. */
export function useRefreshInsights(ws: string, params: InsightsParams) {
  const client = useQueryClient();
  const normal = normalParams(params);
  return useMutation({
    mutationFn: () => fetchJson<InsightsResult>(insightsUrl(ws, normal, true)),
    onSuccess: (result) => client.setQueryData(keys.insights(ws, normal), result),
  });
}
