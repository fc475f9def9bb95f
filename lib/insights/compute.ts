import "server-only";
import type { WorkspaceCatalog } from "@/lib/catalog/types";
import type { Db } from "@/lib/db/client";
import { IntercomError } from "@/lib/intercom/errors";
import { StillFailing } from "@/lib/bulk/retry";
import { buckets, today } from "./calendar";
import {
  backlogChart,
  countChart,
  namesFrom,
  percentileChart,
  slaChart,
  waitingChart,
  type ChartContext,
  type Failed,
} from "./charts";
import { readOpen, type InsightsReader } from "./reader";
import type { SourceId } from "./sources";
import { openCounts } from "./snapshots";
import { saveSnapshot } from "./store";
import { syncSource } from "./sync";
import type { Chart, Granularity, InsightSplit, InsightsResult } from "./types";

export interface InsightsRequest {
  from: string;
  to: string;
  by: Granularity;
  split: InsightSplit;
  /** Read again the days that can still change, whatever their age in the cache. */
  refresh: boolean;
}

export interface InsightsScope {
  workspaceId: string;
  timezone: string;
  /** The connection's admin: searches are converted as this teammate. */
  adminId: string;
}

/**
 * Every Insights chart for a range: the sources are read through the cache (each day once,
 * recent days again), what is open now is read live, and each point carries its search.
 * A source that cannot be read leaves its charts marked missing, with the reason; the others
 * are still drawn.
 */
export async function computeInsights(
  db: Db,
  reader: InsightsReader,
  scope: InsightsScope,
  catalog: WorkspaceCatalog,
  request: InsightsRequest,
  nowMs = Date.now(),
): Promise<InsightsResult> {
  const tz = scope.timezone;
  const now = Math.floor(nowMs / 1000);
  const todayDate = today(tz, nowMs);
  const axis = buckets(request.from, request.to, tz, request.by);
  const names = namesFrom(catalog);
  // The backlog is worked back from today: sources are read from the range's start to today.
  const sourceDays = async (source: SourceId) =>
    attempt(() =>
      syncSource(db, reader, { workspaceId: scope.workspaceId, source, timezone: tz }, request.from, todayDate, {
        refresh: request.refresh,
        nowMs,
        adminId: scope.adminId,
      }),
    );
  // The sources and what is open are read side by side; the reader keeps them all within its share of the limit.
  const [convCreated, convClosed, ticketsCreated, ticketsResolved, openConversations, openTickets] = await Promise.all([
    sourceDays("conversations.created"),
    sourceDays("conversations.closed"),
    sourceDays("tickets.created"),
    sourceDays("tickets.resolved"),
    attempt(() => readOpen(reader, scope, "conversations", request.refresh, nowMs)),
    attempt(() => readOpen(reader, scope, "tickets", request.refresh, nowMs)),
  ]);
  const data = {
    "conversations.created": convCreated,
    "conversations.closed": convClosed,
    "tickets.created": ticketsCreated,
    "tickets.resolved": ticketsResolved,
  };
  const open = { conversations: openConversations, tickets: openTickets };
  for (const resource of ["conversations", "tickets"] as const) {
    const rows = open[resource];
    if (!("failed" in rows)) await saveSnapshot(db, scope.workspaceId, resource, todayDate, openCounts(rows.rows));
  }

  const ctx: ChartContext = { axis, split: request.split, names, to: request.to };
  const charts: Chart[] = [
    countChart(ctx, "conversations.created", "Conversations created", data["conversations.created"]),
    countChart(ctx, "conversations.closed", "Conversations closed", data["conversations.closed"]),
    countChart(ctx, "tickets.created", "Tickets created", data["tickets.created"]),
    countChart(ctx, "tickets.resolved", "Tickets resolved", data["tickets.resolved"], {
      note: "Intercom keeps no resolution time on tickets: a resolved ticket counts on the day it was last updated.",
    }),
    await backlogChart(
      db,
      scope.workspaceId,
      ctx,
      "conversations",
      open.conversations,
      [data["conversations.created"], data["conversations.closed"]],
      todayDate,
    ),
    await backlogChart(
      db,
      scope.workspaceId,
      ctx,
      "tickets",
      open.tickets,
      [data["tickets.created"], data["tickets.resolved"]],
      todayDate,
    ),
    percentileChart(ctx, "conversations.first_response", "First response", data["conversations.created"], [
      "median",
      "p90",
    ]),
    percentileChart(ctx, "conversations.close_time", "Time to close", data["conversations.closed"], ["median"]),
    slaChart(ctx, data["conversations.created"]),
    waitingChart(ctx, open.conversations, now),
  ];
  return {
    range: {
      from: request.from,
      to: request.to,
      days: Math.round((Date.parse(request.to) - Date.parse(request.from)) / 86_400_000) + 1,
      timezone: tz,
      granularity: request.by,
    },
    split: request.split,
    charts,
    calls: reader.calls,
  };
}

/** A read that may fail in Intercom's words: a failure becomes what a chart says instead of its numbers. */
async function attempt<T>(read: () => Promise<T>): Promise<T | Failed> {
  try {
    return await read();
  } catch (e) {
    if (e instanceof StillFailing) {
      const reset = e.last instanceof IntercomError ? (e.last.rateLimit?.resetAt ?? null) : null;
      return {
        failed: {
          message: e.rateLimited
            ? "Intercom's rate limit is spent; these numbers are read again when it resets."
            : `Intercom could not answer (${e.why}).`,
          retryAt: reset ?? Math.floor(Date.now() / 1000) + 60,
        },
      };
    }
    if (e instanceof IntercomError && e.status !== 401)
      return { failed: { message: `Intercom refused the search: ${e.message}`, retryAt: null } };
    throw e;
  }
}
