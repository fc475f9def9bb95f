import "server-only";
import * as z from "zod";
import { withRetries } from "@/lib/bulk/retry";
import type { IntercomClient } from "@/lib/intercom/client";
import { sleep } from "@/lib/intercom/pacing";
import { assigneeId, id, pagesSchema, type Pages } from "@/lib/intercom/schemas";
import { toIntercom } from "@/lib/search/convert";
import { filterNode, groupNode, type SearchQuery } from "@/lib/search/model";
import type { InsightResource } from "./types";

/** The share of Intercom's rate limit Insights may use; the rest is the leads'. */
export const INSIGHTS_SHARE = 0.2;

/** Records per search page: Intercom's most. */
const PER_PAGE = 150;

const timestamp = z.number().int();
const conversationRow = z.object({
  id,
  created_at: timestamp,
  state: z.string().optional(),
  waiting_since: timestamp.nullish(),
  admin_assignee_id: assigneeId,
  team_assignee_id: assigneeId,
  statistics: z
    .object({
      time_to_admin_reply: z.number().nullish(),
      time_to_last_close: z.number().nullish(),
      last_close_at: timestamp.nullish(),
    })
    .nullish(),
  sla_applied: z.object({ sla_name: z.string(), sla_status: z.string().nullish() }).nullish(),
});
const ticketRow = z.object({
  id,
  created_at: timestamp,
  updated_at: timestamp,
  admin_assignee_id: assigneeId,
  team_assignee_id: assigneeId,
  ticket_type: z.object({ id }).nullish(),
});
export type ConversationRow = z.infer<typeof conversationRow>;
export type TicketRow = z.infer<typeof ticketRow>;

const pageSchemas = {
  conversations: z.object({ conversations: z.array(conversationRow), pages: pagesSchema.nullish() }),
  tickets: z.object({ tickets: z.array(ticketRow), pages: pagesSchema.nullish() }),
};

/**
 * Reads searches for Insights a page at a time, several side by side within a share of
 * Intercom's rate limit (the rest stays for the leads' own clicks), each page tried again
 * while Intercom is busy or failing; counts the calls it makes.
 */
export class InsightsReader {
  calls = 0;
  private window: { resetAt: number; used: number } | null = null;
  /** While the first call is out and the limit unknown: what the others wait on. */
  private probe: Promise<void> | null = null;
  private probed: (() => void) | null = null;
  /** Calls made while the limit was unknown, counted in the window their answer tells of. */
  private asked = 0;

  /** A call has answered (or failed): whoever waited on the limit looks again. */
  private answered(): void {
    this.probe = null;
    this.probed?.();
    this.probed = null;
  }

  constructor(
    private readonly client: IntercomClient,
    private readonly share: number,
    private readonly signal?: AbortSignal,
  ) {}

  /**
   * Waits while this reader has used its share of the current window, then takes one call of
   * it (taken before the call, so readers side by side never overshoot the share together).
   */
  private async pace(): Promise<void> {
    for (;;) {
      const { limit, resetAt } = this.client.rateLimit;
      // Unknown before Intercom's first answer, and stale once its window has ended with no answer since.
      if (limit === null || resetAt === null || Date.now() >= resetAt * 1000) {
        // One call asks; the others wait for its answer.
        if (this.probe) {
          await this.probe;
          continue;
        }
        this.probe = new Promise((resolve) => (this.probed = resolve));
        this.asked++;
        return;
      }
      // A new window counts the calls that asked for it.
      if (!this.window || this.window.resetAt !== resetAt) {
        this.window = { resetAt, used: this.asked };
        this.asked = 0;
      }
      if (this.window.used < Math.max(1, Math.floor(limit * this.share))) {
        this.window.used++;
        return;
      }
      await sleep(resetAt * 1000 - Date.now() + 50, this.signal);
    }
  }

  async *conversations(query: SearchQuery, adminId: string): AsyncGenerator<ConversationRow[]> {
    for await (const page of this.pages(pageSchemas.conversations, "conversations", query, adminId))
      yield page.conversations;
  }

  async *tickets(query: SearchQuery, adminId: string): AsyncGenerator<TicketRow[]> {
    for await (const page of this.pages(pageSchemas.tickets, "tickets", query, adminId)) yield page.tickets;
  }

  private async *pages<S extends z.ZodType<{ pages?: Pages | null }>>(
    schema: S,
    resource: InsightResource,
    query: SearchQuery,
    adminId: string,
  ): AsyncGenerator<z.output<S>> {
    const body = toIntercom(query, { now: Math.floor(Date.now() / 1000), adminId });
    let cursor: string | null = null;
    do {
      const pagination = { per_page: PER_PAGE, ...(cursor ? { starting_after: cursor } : {}) };
      await this.pace();
      const page: z.output<S> = await withRetries(() => {
        this.calls++;
        return this.client
          .request("POST", `/${resource}/search`, schema, { body: { query: body, pagination }, signal: this.signal })
          .finally(() => this.answered());
      }, this.signal);
      yield page;
      cursor = page.pages?.next?.starting_after ?? null;
    } while (cursor);
  }
}

/** An open record as the backlog and "Waiting now" count it. */
export interface OpenRow {
  team: string | null;
  admin: string | null;
  type?: string;
  /** Conversations: open or snoozed, and since when the customer waits. */
  state?: string;
  waitingSince?: number | null;
}

/** What is open is read live, but kept this long so moving between ranges does not read it again. */
const OPEN_TTL_MS = 2 * 60_000;
const openCache = new Map<string, { rows: OpenRow[]; computedAt: number }>();

/** Every open conversation or ticket now (paged), kept for a short while per workspace. */
export async function readOpen(
  reader: InsightsReader,
  scope: { workspaceId: string; adminId: string },
  resource: InsightResource,
  refresh: boolean,
  nowMs: number,
): Promise<{ rows: OpenRow[]; computedAt: number }> {
  const key = `${scope.workspaceId}:${resource}`;
  const cached = openCache.get(key);
  if (cached && !refresh && nowMs - cached.computedAt * 1000 < OPEN_TTL_MS) return cached;
  const query: SearchQuery = { resource, root: groupNode("AND", [filterNode("open", "=", true)]) };
  const rows: OpenRow[] = [];
  if (resource === "conversations") {
    for await (const page of reader.conversations(query, scope.adminId))
      for (const c of page)
        rows.push({
          team: c.team_assignee_id,
          admin: c.admin_assignee_id,
          state: c.state,
          waitingSince: c.waiting_since ?? null,
        });
  } else {
    for await (const page of reader.tickets(query, scope.adminId))
      for (const t of page)
        rows.push({ team: t.team_assignee_id, admin: t.admin_assignee_id, type: t.ticket_type?.id });
  }
  const result = { rows, computedAt: Math.floor(nowMs / 1000) };
  openCache.set(key, result);
  return result;
}
