import "server-only";
import { loadCatalog } from "@/lib/catalog/server";
import type { Db } from "@/lib/db/client";
import type { WorkspaceConnection } from "@/lib/db/schema";
import { HttpError } from "@/lib/http/errors";
import type { IntercomClient } from "@/lib/intercom/client";
import { addDays, daysBetween, today } from "./calendar";
import { computeInsights, type InsightsRequest } from "./compute";
import { INSIGHTS_SHARE, InsightsReader } from "./reader";
import type { InsightsQuery } from "./schema";
import type { InsightsResult } from "./types";

/** Longer ranges are drawn by week unless asked otherwise. */
const DAILY_UP_TO = 31;

/** The dates a query stands for, in the workspace's timezone: a preset range ends today. */
export function requestOf(query: InsightsQuery, timezone: string, nowMs = Date.now()): InsightsRequest {
  const to = query.range === "custom" ? query.to! : today(timezone, nowMs);
  const from = query.range === "custom" ? query.from! : addDays(to, -(Number(query.range) - 1));
  return {
    from,
    to,
    by: query.by ?? (daysBetween(from, to) <= DAILY_UP_TO ? "day" : "week"),
    split: query.split,
    refresh: query.refresh === "1",
  };
}

export async function loadInsights(
  db: Db,
  client: IntercomClient,
  connection: WorkspaceConnection,
  query: InsightsQuery,
  signal?: AbortSignal,
): Promise<InsightsResult> {
  const request = requestOf(query, connection.timezone);
  // Only here is the workspace's today known: a range may not end after it.
  if (request.to > today(connection.timezone))
    throw new HttpError("invalid_query", "The query string is not valid.", { to: "The last day is after today" });
  const catalog = await loadCatalog(client, connection.workspaceId);
  const reader = new InsightsReader(client, INSIGHTS_SHARE, signal);
  const scope = { workspaceId: connection.workspaceId, timezone: connection.timezone, adminId: connection.adminId };
  return computeInsights(db, reader, scope, catalog, request);
}
