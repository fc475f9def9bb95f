import type { Resource } from "@/lib/search/fields";

/** Layered query keys: everything about a workspace starts with ['w', ws]. */
export const keys = {
  workspace: (ws: string) => ["w", ws] as const,
  overview: (ws: string) => ["w", ws, "overview"] as const,
  catalog: (ws: string, what: string) => ["w", ws, "catalog", what] as const,
  search: (ws: string, resource: Resource) => ["w", ws, resource, "search"] as const,
  count: (ws: string, resource: Resource) => ["w", ws, resource, "count"] as const,
  record: (ws: string, resource: Resource, id: string) => ["w", ws, resource, id] as const,
  views: (ws: string) => ["w", ws, "views"] as const,
  contactLookup: (ws: string) => ["w", ws, "contacts", "lookup"] as const,
  audit: (ws: string) => ["w", ws, "audit"] as const,
};
