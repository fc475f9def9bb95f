import { queryOptions } from "@tanstack/react-query";
import type { Overview } from "@/lib/overview";
import { fetchJson } from "./fetcher";
import { keys } from "./keys";

export function overviewQuery(ws: string) {
  return queryOptions({
    queryKey: keys.overview(ws),
    queryFn: ({ signal }) => fetchJson<Overview>(`/api/w/${encodeURIComponent(ws)}/overview`, { signal }),
  });
}
