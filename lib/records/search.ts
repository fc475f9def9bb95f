import "server-only";
import { loadCatalog } from "@/lib/catalog/server";
import type { IntercomClient } from "@/lib/intercom/client";
import { contactListSchema, conversationListSchema, ticketListSchema, type Contact } from "@/lib/intercom/schemas";
import type { Resource } from "@/lib/search/fields";
import type { IntercomQuery } from "@/lib/search/model";
import { contactRow, conversationRow, ticketRow } from "./project";
import type { ContactRef, RowOf, SearchPage } from "./types";

/** Contacts by id in one search; ids in slices of 100 so each slice fits one page. */
export async function contactsById(client: IntercomClient, ids: string[]): Promise<Map<string, Contact>> {
  const unique = [...new Set(ids)];
  const out = new Map<string, Contact>();
  for (let i = 0; i < unique.length; i += 100) {
    const slice = unique.slice(i, i + 100);
    const body = { query: { field: "id", operator: "IN", value: slice }, pagination: { per_page: 150 } };
    const list = await client.request("POST", "/contacts/search", contactListSchema, { body });
    for (const c of list.data) out.set(c.id, c);
  }
  return out;
}

export async function contactLookup(client: IntercomClient, text: string): Promise<ContactRef[]> {
  const q = text.trim();
  if (q.length < 2) return [];
  const body = {
    query: {
      operator: "OR",
      value: [
        { field: "name", operator: "~", value: q },
        { field: "email", operator: "~", value: q },
      ],
    },
    pagination: { per_page: 20 },
  };
  const list = await client.request("POST", "/contacts/search", contactListSchema, { body });
  return list.data.map((c) => ({ id: c.id, name: c.name ?? null, email: c.email ?? null }));
}

/** One page of a search, as table rows. `count` asks Intercom for one record, for its total. */
export async function searchRows<R extends Resource>(
  client: IntercomClient,
  workspaceId: string,
  resource: R,
  query: IntercomQuery,
  perPage: number,
  cursor: string | null,
  signal?: AbortSignal,
): Promise<SearchPage<R>> {
  const body = { query, pagination: { per_page: perPage, ...(cursor ? { starting_after: cursor } : {}) } };
  const next = (pages: { next?: { starting_after?: string | null } | null } | null | undefined) =>
    pages?.next?.starting_after ?? null;
  if (resource === "tickets") {
    const list = await client.request("POST", "/tickets/search", ticketListSchema, { body, signal });
    const contacts = await contactsById(
      client,
      list.tickets.flatMap((t) => t.contacts.map((c) => c.id)),
    );
    return {
      rows: list.tickets.map((t) => ticketRow(t, contacts)) as RowOf[R][],
      total: list.total_count,
      next: next(list.pages),
    };
  }
  if (resource === "conversations") {
    const list = await client.request("POST", "/conversations/search", conversationListSchema, { body, signal });
    const contacts = await contactsById(
      client,
      list.conversations.flatMap((c) => c.contacts.map((x) => x.id)),
    );
    return {
      rows: list.conversations.map((c) => conversationRow(c, contacts)) as RowOf[R][],
      total: list.total_count,
      next: next(list.pages),
    };
  }
  const [list, catalog] = await Promise.all([
    client.request("POST", "/contacts/search", contactListSchema, { body, signal }),
    loadCatalog(client, workspaceId),
  ]);
  return {
    rows: list.data.map((c) => contactRow(c, catalog)) as RowOf[R][],
    total: list.total_count,
    next: next(list.pages),
  };
}

export async function countMatches(
  client: IntercomClient,
  resource: Resource,
  query: IntercomQuery,
  signal?: AbortSignal,
): Promise<number> {
  const schema =
    resource === "tickets"
      ? ticketListSchema
      : resource === "conversations"
        ? conversationListSchema
        : contactListSchema;
  const list = await client.request("POST", `/${resource}/search`, schema, {
    body: { query, pagination: { per_page: 1 } },
    signal,
  });
  return list.total_count;
}
