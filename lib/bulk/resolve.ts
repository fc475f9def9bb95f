import "server-only";
import { HttpError } from "@/lib/http/errors";
import type { IntercomClient } from "@/lib/intercom/client";
import { ticketBriefListSchema } from "@/lib/intercom/schemas";
import type { Selection } from "./schemas";
import { snapshotOf } from "./snapshot";
import { MAX_SELECTION, type TicketSnapshot } from "./types";

const PAGE = 150;
/** Ids per `id IN` search: well under Intercom's limit on values in one filter. */
const IDS_PER_SEARCH = 100;
const PARALLEL = 10;

/**
 * The tickets a selection stands for, as they are now: a query is searched to the end (after
 * checking it matches at most MAX_SELECTION), ids are looked up by `id IN` searches. Ids that
 * are not tickets of the workspace are counted apart. The job acts on exactly the tickets found.
 */
export async function resolveSelection(
  client: IntercomClient,
  selection: Selection,
  signal?: AbortSignal,
): Promise<{ tickets: TicketSnapshot[]; notFound: number }> {
  const out: TicketSnapshot[] = [];
  if (selection.kind === "ids") {
    const ids = [...new Set(selection.ids)];
    const slices = Array.from({ length: Math.ceil(ids.length / IDS_PER_SEARCH) }, (_, i) =>
      ids.slice(i * IDS_PER_SEARCH, (i + 1) * IDS_PER_SEARCH),
    );
    const found = new Map<string, TicketSnapshot>();
    // Ten searches at a time: 10,000 ids are 100 searches.
    for (let i = 0; i < slices.length; i += PARALLEL) {
      const pages = await Promise.all(
        slices.slice(i, i + PARALLEL).map((slice) =>
          client.request("POST", "/tickets/search", ticketBriefListSchema, {
            body: { query: { field: "id", operator: "IN", value: slice }, pagination: { per_page: PAGE } },
            signal,
          }),
        ),
      );
      for (const page of pages) for (const t of page.tickets) found.set(t.id, snapshotOf(t));
    }
    // In the lead's order, not the search's.
    for (const id of ids) {
      const t = found.get(id);
      if (t) out.push(t);
    }
    return { tickets: out, notFound: ids.length - out.length };
  }
  const excluded = new Set(selection.exclude ?? []);
  let cursor: string | null = null;
  do {
    const page: {
      tickets: Parameters<typeof snapshotOf>[0][];
      total_count: number;
      pages?: { next?: { starting_after?: string | null } | null } | null;
    } = await client.request("POST", "/tickets/search", ticketBriefListSchema, {
      body: { query: selection.query, pagination: { per_page: PAGE, ...(cursor ? { starting_after: cursor } : {}) } },
      signal,
    });
    if (page.total_count - excluded.size > MAX_SELECTION) {
      throw new HttpError(
        "selection_too_large",
        `The search matches ${page.total_count.toLocaleString("en")} tickets; a bulk job takes at most ${MAX_SELECTION.toLocaleString("en")}. Narrow the search first.`,
        { selection: `At most ${MAX_SELECTION.toLocaleString("en")} tickets` },
      );
    }
    for (const t of page.tickets) if (!excluded.has(t.id)) out.push(snapshotOf(t));
    cursor = page.pages?.next?.starting_after ?? null;
  } while (cursor);
  return { tickets: out, notFound: 0 };
}
