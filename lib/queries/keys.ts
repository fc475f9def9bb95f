import type { ItemState } from "@/lib/bulk/types";
import type { InsightsParams } from "@/lib/insights/page-params";
import type { Resource } from "@/lib/search/fields";

/**
 * Layered query keys: everything about a workspace starts with ['w', ws]. Every key is built
 * here; a key that ends early (`search`, `count`, `jobs`, …) matches all the keys below it.
 */
export const keys = {
  workspace: (ws: string) => ["w", ws] as const,
  overview: (ws: string) => ["w", ws, "overview"] as const,
  /** The Insights page's charts for one view (range, split, granularity). */
  insights: (ws: string, params: InsightsParams) => ["w", ws, "insights", params] as const,
  catalog: (ws: string, what: string) => ["w", ws, "catalog", what] as const,
  /** Everything cached about one resource: its searches, counts and records. */
  resource: (ws: string, resource: Resource) => ["w", ws, resource] as const,
  search: (ws: string, resource: Resource) => ["w", ws, resource, "search"] as const,
  /** One page of results: the query, the page size and the cursor, encoded. */
  searchPage: (ws: string, resource: Resource, request: string) => [...keys.search(ws, resource), request] as const,
  count: (ws: string, resource: Resource) => ["w", ws, resource, "count"] as const,
  /** How many match an encoded query (null: not ready), or "everything" for all the resource's records. */
  countOf: (ws: string, resource: Resource, query: string | null) => [...keys.count(ws, resource), query] as const,
  record: (ws: string, resource: Resource, id: string) => ["w", ws, resource, id] as const,
  views: (ws: string) => ["w", ws, "views"] as const,
  contactLookup: (ws: string) => ["w", ws, "contacts", "lookup"] as const,
  contactsByIds: (ws: string, ids: string[]) => [...keys.contactLookup(ws), "ids", ids] as const,
  contactSearch: (ws: string, text: string) => [...keys.contactLookup(ws), "search", text] as const,
  audit: (ws: string) => ["w", ws, "audit"] as const,
  auditPage: (ws: string, filters: Record<string, string>, cursor: string | null) =>
    [...keys.audit(ws), filters, cursor] as const,
  /** The Jobs list; a job and its tickets live under it. */
  jobs: (ws: string) => ["w", ws, "bulk-jobs"] as const,
  job: (ws: string, id: string) => [...keys.jobs(ws), id] as const,
  /** Every page of a job's tickets. */
  jobItems: (ws: string, id: string) => [...keys.job(ws, id), "items"] as const,
  jobItemsPage: (ws: string, id: string, state: ItemState | null, page: number) =>
    [...keys.jobItems(ws, id), state, page] as const,
  /** Whether a job is under way and when the latest ended: what open pages watch. */
  jobActivity: (ws: string) => ["w", ws, "bulk-jobs-activity"] as const,
};
