import { queryOptions, useQuery } from "@tanstack/react-query";
import type { WorkspaceCatalog } from "@/lib/catalog/types";
import { fetchJson } from "./fetcher";
import { keys } from "./keys";

export type { WorkspaceCatalog } from "@/lib/catalog/types";

/** The workspace's catalogue, in one request; it changes rarely, so it is kept five minutes. */
export function catalogQuery(ws: string) {
  return queryOptions({
    queryKey: keys.catalog(ws, "all"),
    queryFn: ({ signal }) => fetchJson<WorkspaceCatalog>(`/api/w/${encodeURIComponent(ws)}/catalog`, { signal }),
    staleTime: 5 * 60_000,
  });
}

export function useWorkspaceCatalog(ws: string): {
  data: WorkspaceCatalog | null;
  isPending: boolean;
  error: Error | null;
} {
  const q = useQuery(catalogQuery(ws));
  return { data: q.data ?? null, isPending: q.isPending, error: q.error };
}
