import type { Resource } from "@/lib/search/fields";

/** Layered query keys: everything about a workspace starts with ['w', ws]. */
export const keys = {
  workspace: (ws: string) => ["w", ws] as const,
  overview: (ws: string) => ["w", ws, "overview"] as const,
  catalog: (ws: string, what: string) => ["w", ws, "catalog", what] as const,
  /** Everything cached about one resource: its searches, counts and records. */
  resource: (ws: string, resource: Resource) => ["w", ws, resource] as const,
  search: (ws: string, resource: Resource) => ["w", ws, resource, "search"] as const,
  count: (ws: string, resource: Resource) => ["w", ws, resource, "count"] as const,
  record: (ws: string, resource: Resource, id: string) => ["w", ws, resource, id] as const,
  views: (ws: string) => ["w", ws, "views"] as const,
  contactLookup: (ws: string) => ["w", ws, "contacts", "lookup"] as const,
  audit: (ws: string) => ["w", ws, "audit"] as const,
  /** The Jobs list; a job and its tickets live under it. */
  jobs: (ws: string) => ["w", ws, "bulk-jobs"] as const,
  job: (ws: string, id: string) => ["w", ws, "bulk-jobs", id] as const,
  jobItems: (ws: string, id: string) => ["w", ws, "bulk-jobs", id, "items"] as const,
  /** Whether a job is under way and when the latest ended: what open pages watch. */
  jobActivity: (ws: string) => ["w", ws, "bulk-jobs-activity"] as const,
};
