import "server-only";
import type { IntercomClient } from "@/lib/intercom/client";
import { featuresOf } from "@/lib/intercom/versions";
import {
  adminListSchema,
  companyListSchema,
  dataAttributeListSchema,
  segmentListSchema,
  tagListSchema,
  teamListSchema,
  ticketTypeListSchema,
} from "@/lib/intercom/schemas";
import type { WorkspaceCatalog } from "./types";

/**
 * Catalogues change rarely and every screen needs one: kept per workspace for a minute, so
 * a busy team costs Intercom a handful of calls a minute, not one per page.
 */
const TTL_MS = 60_000;
const cache = new Map<string, { at: number; value: Promise<WorkspaceCatalog> }>();

export function loadCatalog(client: IntercomClient, workspaceId: string): Promise<WorkspaceCatalog> {
  const hit = cache.get(workspaceId);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.value;
  const value = fetchCatalog(client).catch((e) => {
    cache.delete(workspaceId);
    throw e;
  });
  cache.set(workspaceId, { at: Date.now(), value });
  return value;
}

/**
 * A workspace's ticket types: the cached catalogue's while it is fresh, else one call for
 * them alone (a bulk job needs nothing else, and one call gets through a tight rate limit).
 */
export async function loadTicketTypes(client: IntercomClient, workspaceId: string) {
  const hit = cache.get(workspaceId);
  if (hit && Date.now() - hit.at < TTL_MS) {
    const catalog = await hit.value.catch(() => null);
    if (catalog) return catalog.ticketTypes;
  }
  return (await client.request("GET", "/ticket_types", ticketTypeListSchema)).data;
}

export function forgetCatalog(workspaceId: string): void {
  cache.delete(workspaceId);
}

async function fetchCatalog(client: IntercomClient): Promise<WorkspaceCatalog> {
  const [admins, teams, tags, types, segments, contactAttrs, conversationAttrs, companies] = await Promise.all([
    client.request("GET", "/admins", adminListSchema),
    client.request("GET", "/teams", teamListSchema),
    client.request("GET", "/tags", tagListSchema),
    client.request("GET", "/ticket_types", ticketTypeListSchema),
    client.request("GET", "/segments", segmentListSchema),
    client.request("GET", "/data_attributes?model=contact", dataAttributeListSchema),
    // Gone from 2.16: such a version offers no conversation custom attributes to search by.
    featuresOf(client.version).conversationAttributes
      ? client.request("GET", "/data_attributes?model=conversation", dataAttributeListSchema)
      : { data: [] },
    allCompanies(client),
  ]);
  return {
    admins: admins.admins.map((a) => ({ id: a.id, name: a.name, email: a.email })),
    teams: teams.teams.map((t) => ({ id: t.id, name: t.name, adminIds: t.admin_ids })),
    tags: tags.data.map((t) => ({ id: t.id, name: t.name })),
    ticketTypes: types.data,
    segments: segments.segments.map((s) => ({ id: s.id, name: s.name, personType: s.person_type })),
    dataAttributes: [...contactAttrs.data, ...conversationAttrs.data],
    companies,
  };
}

/** Company names for contact rows; companies page at 60, and a workspace rarely has thousands. */
async function allCompanies(client: IntercomClient): Promise<{ id: string; name: string }[]> {
  const MAX_PAGES = 20;
  const page = (n: number) => client.request("GET", `/companies?per_page=60&page=${n}`, companyListSchema);
  const first = await page(1);
  const pages = first.pages as { total_pages?: number } | undefined;
  const total = Math.min(MAX_PAGES, pages?.total_pages ?? (first.data.length < 60 ? 1 : MAX_PAGES));
  const rest: Awaited<ReturnType<typeof page>>[] = [];
  // The remaining pages a few at a time, rather than one after another.
  for (let n = 2; n <= total; n += 5) {
    const batch = await Promise.all(Array.from({ length: Math.min(5, total - n + 1) }, (_, i) => page(n + i)));
    rest.push(...batch);
    if (batch.some((b) => b.data.length < 60)) break;
  }
  return [first, ...rest].flatMap((list) => list.data.map((c) => ({ id: c.id, name: c.name ?? c.company_id ?? c.id })));
}
