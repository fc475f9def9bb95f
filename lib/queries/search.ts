import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import type { SearchPage } from "@/lib/records/types";
import { toIntercom } from "@/lib/search/convert";
import type { Resource } from "@/lib/search/fields";
import type { IntercomQuery, SearchQuery } from "@/lib/search/model";
import { encodeQuery } from "@/lib/search/url";
import { ApiError, fetchJson } from "./fetcher";
import { keys } from "./keys";

export type { RowOf, SearchPage } from "@/lib/records/types";

const url = (ws: string, resource: Resource) => `/api/w/${encodeURIComponent(ws)}/search/${resource}`;

/**
 * Relative dates ("3 days ago") and "me" are resolved when the request is made, so a
 * query's key is its tree (stable over time) and a saved view stays true whenever it runs.
 */
function resolve(query: SearchQuery, adminId: string): IntercomQuery {
  return toIntercom(query, { now: Math.floor(Date.now() / 1000), adminId });
}

/** A rate-limited search is tried again this many times, each after Intercom's own wait. */
export const RATE_LIMIT_RETRIES = 5;

/** Rate limits are waited out (as long as Intercom says); failures that will fail again are not retried. */
function retrySearch(count: number, error: Error): boolean {
  if (error instanceof ApiError && error.isRateLimited) return count < RATE_LIMIT_RETRIES;
  if (error instanceof ApiError && error.status < 500) return false;
  return count < 2;
}

/** How long before the next try: a 429's `Retry-After`, otherwise a short backoff. */
export function searchRetryDelay(count: number, error: Error): number {
  if (error instanceof ApiError && error.isRateLimited) return (error.retryAfter ?? 2) * 1000;
  return Math.min(1000 * 2 ** count, 8000);
}

/** A page of rows, and which request they answer (the tree, the size and the cursor). */
export type KeyedPage<R extends Resource> = SearchPage<R> & { requestKey: string };

export function searchQuery<R extends Resource>(
  ws: string,
  resource: R,
  query: SearchQuery,
  perPage: number,
  cursor: string | null,
  adminId: string,
) {
  const requestKey = `${encodeQuery(query)}|${perPage}|${cursor ?? ""}`;
  return queryOptions({
    queryKey: keys.searchPage(ws, resource, requestKey),
    placeholderData: keepPreviousData,
    retry: retrySearch,
    retryDelay: searchRetryDelay,
    queryFn: async ({ signal }): Promise<KeyedPage<R>> => {
      const body = { query: resolve(query, adminId), per_page: perPage, starting_after: cursor };
      return { ...(await fetchJson<SearchPage<R>>(url(ws, resource), { method: "POST", body, signal })), requestKey };
    },
  });
}

/** How many records a query matches; null while the query is not ready to send. */
export function countQuery(ws: string, resource: Resource, query: SearchQuery | null, adminId: string) {
  return queryOptions({
    queryKey: keys.countOf(ws, resource, query ? encodeQuery(query) : null),
    enabled: query !== null,
    staleTime: 30_000,
    queryFn: async ({ signal }) =>
      (
        await fetchJson<{ total: number }>(url(ws, resource), {
          method: "POST",
          body: { query: resolve(query!, adminId), count: true },
          signal,
        })
      ).total,
  });
}

/** How many records of a resource exist at all: tells "nothing yet" from "nothing matches". */
export function everythingCountQuery(ws: string, resource: Resource, enabled: boolean) {
  return queryOptions({
    queryKey: keys.countOf(ws, resource, "everything"),
    enabled,
    staleTime: 60_000,
    queryFn: async ({ signal }) =>
      (
        await fetchJson<{ total: number }>(url(ws, resource), {
          method: "POST",
          body: { query: { field: "created_at", operator: ">", value: 0 }, count: true },
          signal,
        })
      ).total,
  });
}
