import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import type { AuditPage } from "@/lib/audit/types";
import { fetchJson } from "./fetcher";
import { keys } from "./keys";

const base = (ws: string) => `/api/w/${encodeURIComponent(ws)}/audit`;

/** The filters as a query string (only those set), shared by the page's fetch and its Export CSV link. */
export function auditSearch(filters: Record<string, string>, cursor?: string | null): string {
  const params = new URLSearchParams(filters);
  if (cursor) params.set("cursor", cursor);
  const s = params.toString();
  return s ? `?${s}` : "";
}

export const auditExportUrl = (ws: string, filters: Record<string, string>) =>
  `${base(ws)}/export${auditSearch(filters)}`;

/** One page of the workspace's audit log for these filters, newest first. */
export function auditQuery(ws: string, filters: Record<string, string>, cursor: string | null) {
  return queryOptions({
    queryKey: keys.auditPage(ws, filters, cursor),
    queryFn: ({ signal }) => fetchJson<AuditPage>(`${base(ws)}${auditSearch(filters, cursor)}`, { signal }),
    placeholderData: keepPreviousData,
  });
}
