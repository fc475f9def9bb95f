import "server-only";
import { loadCatalog } from "@/lib/catalog/server";
import type { WorkspaceCatalog } from "@/lib/catalog/types";
import { csvRow, type CsvValue } from "@/lib/csv";
import type { IntercomClient } from "@/lib/intercom/client";
import { paceDelay, sleep } from "@/lib/intercom/pacing";
import { contactListSchema, type Contact } from "@/lib/intercom/schemas";
import type { IntercomQuery } from "@/lib/search/model";

/** Intercom's largest search page. */
export const EXPORT_PAGE_SIZE = 150;
/** Calls each window leaves for the lead's other pages while an export runs: a tenth of the window, at most 20. */
const reserveFor = (limit: number | null) => Math.min(20, Math.floor((limit ?? 0) / 10));

const iso = (ts: number | null | undefined) => (ts ? new Date(ts * 1000).toISOString() : null);
/** One line per contact: line breaks inside values become spaces, so a line is a member. */
const oneLine = (v: CsvValue): CsvValue => (typeof v === "string" ? v.replace(/[\r\n]+/g, " ") : v);

function columns(catalog: WorkspaceCatalog) {
  const custom = catalog.dataAttributes.filter((a) => a.model === "contact" && a.custom && !a.archived);
  const companies = new Map(catalog.companies.map((c) => [c.id, c.name]));
  const tags = new Map(catalog.tags.map((t) => [t.id, t.name]));
  const header = [
    "id",
    "external_id",
    "role",
    "name",
    "email",
    "phone",
    "companies",
    "tags",
    "city",
    "country",
    "created_at",
    "last_seen_at",
    ...custom.map((a) => a.label),
  ];
  const row = (c: Contact): CsvValue[] => [
    c.id,
    c.external_id,
    c.role,
    c.name,
    c.email,
    c.phone,
    c.companies.map((id) => companies.get(id) ?? id).join("; "),
    c.tags.map((id) => tags.get(id) ?? id).join("; "),
    c.location?.city,
    c.location?.country,
    iso(c.created_at),
    iso(c.last_seen_at),
    ...custom.map((a) => {
      const v = c.custom_attributes[a.name];
      if (v === null || v === undefined) return null;
      if (a.data_type === "date" && typeof v === "number") return iso(v);
      return typeof v === "object" ? JSON.stringify(v) : (v as CsvValue);
    }),
  ];
  return { header, row };
}

export interface MembersExport {
  /** Members matching when the export started. */
  total: number;
  stream: ReadableStream<Uint8Array>;
}

/** Why the paging stopped, for the reader: the abort's reason when it gave one. */
const stoppedBecause = (reason: unknown) =>
  reason instanceof Error ? reason : new Error("The export stopped before its last member.");

/**
 * Every contact a query matches, as CSV, one search page after another: each page is
 * requested only once the previous one has been written (and the reader wants more), paced
 * from the rate-limit headers, and the paging stops as soon as the reader goes away.
 *
 * The stream closes only after the last member. Stopped early from outside (`signal`:
 * cancelled, replaced, the request gone) or by a failed page, it errors instead, so a reader
 * can never take part of the members for the whole file.
 */
export async function exportMembers(
  client: IntercomClient,
  workspaceId: string,
  query: IntercomQuery,
  signal: AbortSignal,
  perPage = EXPORT_PAGE_SIZE,
  /** Called once the export ends, however it ends. */
  onEnd: () => void = () => {},
): Promise<MembersExport> {
  // Stopped before it began (cancelled while the segment was being read): not one page is asked for.
  if (signal.aborted) {
    onEnd();
    throw stoppedBecause(signal.reason);
  }
  const stop = new AbortController();
  let ended = false;
  let output: ReadableStreamDefaultController<Uint8Array> | null = null;
  /** Runs once, however the export ends; false when it had already ended. */
  const end = () => {
    if (ended) return false;
    ended = true;
    signal.removeEventListener("abort", onAbort);
    onEnd();
    return true;
  };
  // Errors the stream at once, even between two pages, rather than on the reader's next read.
  const onAbort = () => {
    stop.abort(signal.reason);
    if (end()) output?.error(stoppedBecause(signal.reason));
  };
  signal.addEventListener("abort", onAbort, { once: true });
  const page = (cursor: string | null) =>
    client.request("POST", "/contacts/search", contactListSchema, {
      body: { query, pagination: { per_page: perPage, ...(cursor ? { starting_after: cursor } : {}) } },
      signal: stop.signal,
    });
  let catalog: WorkspaceCatalog;
  let first: Awaited<ReturnType<typeof page>>;
  try {
    [catalog, first] = await Promise.all([loadCatalog(client, workspaceId), page(null)]);
  } catch (e) {
    end();
    throw e;
  }
  const { header, row } = columns(catalog);
  const encoder = new TextEncoder();
  const lines = (contacts: Contact[]) => encoder.encode(contacts.map((c) => csvRow(row(c).map(oneLine))).join(""));
  let cursor = first.pages?.next?.starting_after ?? null;
  let started = false;

  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      output = controller;
    },
    async pull(controller) {
      try {
        if (!started) {
          started = true;
          controller.enqueue(encoder.encode(csvRow(header)));
          controller.enqueue(lines(first.data));
        } else if (cursor) {
          await sleep(
            paceDelay(client.rateLimit, Date.now(), { reserve: reserveFor(client.rateLimit.limit) }),
            stop.signal,
          );
          const next = await page(cursor);
          cursor = next.pages?.next?.starting_after ?? null;
          controller.enqueue(lines(next.data));
        }
        if (started && !cursor && end()) controller.close();
      } catch (e) {
        // Stopped from outside: the stream has already errored with the reason. Failed: the reader learns why.
        if (end()) controller.error(e);
      }
    },
    cancel(reason) {
      // The reader went away: stop the paging; there is nobody left to tell.
      if (end()) stop.abort(reason);
    },
  });
  return { total: first.total_count, stream };
}
