import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import type { ContactRef } from "@/lib/records/types";
import { fetchJson } from "./fetcher";
import { keys } from "./keys";

const lookup = (ws: string, params: URLSearchParams, signal?: AbortSignal) =>
  fetchJson<{ contacts: ContactRef[] }>(`/api/w/${encodeURIComponent(ws)}/contacts/lookup?${params}`, { signal }).then(
    (r) => r.contacts,
  );

/** Names of contacts already chosen in a picker. */
export function contactsByIdQuery(ws: string, ids: string[]) {
  const unique = [...new Set(ids)].sort();
  return queryOptions({
    queryKey: keys.contactsByIds(ws, unique),
    enabled: unique.length > 0,
    staleTime: 5 * 60_000,
    queryFn: async ({ signal }) =>
      new Map((await lookup(ws, new URLSearchParams({ ids: unique.join(",") }), signal)).map((c) => [c.id, c])),
  });
}

/** Contacts whose name or email contains the text, for pickers. */
export function contactSearchQuery(ws: string, text: string) {
  const q = text.trim();
  return queryOptions({
    queryKey: keys.contactSearch(ws, q),
    enabled: q.length >= 2,
    staleTime: 60_000,
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) => lookup(ws, new URLSearchParams({ q }), signal),
  });
}
