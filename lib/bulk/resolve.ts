import "server-only";
import type * as z from "zod";
import { HttpError } from "@/lib/http/errors";
import type { IntercomClient } from "@/lib/intercom/client";
import { ticketBriefListSchema } from "@/lib/intercom/schemas";
import { StillFailing, withRetries } from "./retry";
import type { Selection } from "./schemas";
import { snapshotOf } from "./snapshot";
import { MAX_SELECTION, type TicketSnapshot } from "./types";

type BriefPage = z.infer<typeof ticketBriefListSchema>;

const PAGE = 150;
/** Ids per `id IN` search: well under Intercom's limit on values in one filter. */
const IDS_PER_SEARCH = 100;
/** Searches at once: 500 tickets in hand per page keeps a 10,000-ticket job's creation light on memory. */
const PARALLEL = 5;

export interface SelectionPage {
  tickets: TicketSnapshot[];
  /** Selected ids in this page that are not tickets of the workspace. */
  notFound: number;
}

/** A page read again while Intercom is busy or failing, then refused in words. */
async function read<T>(call: () => Promise<T>, signal?: AbortSignal): Promise<T> {
  try {
    return await withRetries(call, signal);
  } catch (e) {
    if (!(e instanceof StillFailing)) throw e;
    throw new HttpError(
      e.rateLimited ? "rate_limited" : "intercom_unavailable",
      `Intercom could not give the selected tickets (${e.why}). Nothing has changed; try again in a moment.`,
    );
  }
}

/**
 * The tickets a selection stands for, as they are now, a page at a time (a 10,000-ticket job
 * is never held whole): a query is searched to the end (after checking it matches at most
 * MAX_SELECTION), ids are looked up by `id IN` searches, five at a time, in the lead's order.
 * Each page is asked again while Intercom is busy or failing.
 */
export async function* selectionPages(
  client: IntercomClient,
  selection: Selection,
  signal?: AbortSignal,
): AsyncGenerator<SelectionPage> {
  if (selection.kind === "ids") {
    const ids = [...new Set(selection.ids)];
    const batch = IDS_PER_SEARCH * PARALLEL;
    for (let start = 0; start < ids.length; start += batch) {
      const wanted = ids.slice(start, start + batch);
      const slices = Array.from({ length: Math.ceil(wanted.length / IDS_PER_SEARCH) }, (_, i) =>
        wanted.slice(i * IDS_PER_SEARCH, (i + 1) * IDS_PER_SEARCH),
      );
      const pages = await read(
        () =>
          Promise.all(
            slices.map((slice) =>
              client.request("POST", "/tickets/search", ticketBriefListSchema, {
                body: { query: { field: "id", operator: "IN", value: slice }, pagination: { per_page: PAGE } },
                signal,
              }),
            ),
          ),
        signal,
      );
      const found = new Map<string, TicketSnapshot>();
      for (const page of pages) for (const t of page.tickets) found.set(t.id, snapshotOf(t));
      // In the lead's order, not the search's.
      const tickets = wanted.flatMap((id) => found.get(id) ?? []);
      yield { tickets, notFound: wanted.length - tickets.length };
    }
    return;
  }
  const excluded = new Set(selection.exclude ?? []);
  let cursor: string | null = null;
  do {
    const after: string | null = cursor;
    const page: BriefPage = await read(
      () =>
        client.request("POST", "/tickets/search", ticketBriefListSchema, {
          body: {
            query: selection.query,
            pagination: { per_page: PAGE, ...(after ? { starting_after: after } : {}) },
          },
          signal,
        }),
      signal,
    );
    if (page.total_count - excluded.size > MAX_SELECTION) {
      throw new HttpError(
        "selection_too_large",
        `The search matches ${page.total_count.toLocaleString("en")} tickets; a bulk job takes at most ${MAX_SELECTION.toLocaleString("en")}. Narrow the search first.`,
        { selection: `At most ${MAX_SELECTION.toLocaleString("en")} tickets` },
      );
    }
    yield { tickets: page.tickets.flatMap((t) => (excluded.has(t.id) ? [] : [snapshotOf(t)])), notFound: 0 };
    cursor = page.pages?.next?.starting_after ?? null;
  } while (cursor);
}

/** Every ticket of a selection at once, for a preview that lists them all. */
export async function resolveSelection(
  client: IntercomClient,
  selection: Selection,
  signal?: AbortSignal,
): Promise<{ tickets: TicketSnapshot[]; notFound: number }> {
  const out: { tickets: TicketSnapshot[]; notFound: number } = { tickets: [], notFound: 0 };
  for await (const page of selectionPages(client, selection, signal)) {
    out.tickets.push(...page.tickets);
    out.notFound += page.notFound;
  }
  return out;
}
