import "server-only";
import { and, between, eq, sql } from "drizzle-orm";
import { ROWS_PER_INSERT } from "@/lib/db/batches";
import type { Db } from "@/lib/db/client";
import { insightDays, insightSnapshots, type OpenCounts } from "@/lib/db/schema";
import type { InsightRow, SourceId } from "./sources";
import type { InsightResource } from "./types";

/** Insights' cache and the backlog's daily snapshots, in the database. */

export interface CachedDay {
  rows: InsightRow[];
  computedAt: Date;
}

export interface DayScope {
  workspaceId: string;
  source: SourceId;
  timezone: string;
}

export async function readDays(db: Db, scope: DayScope, from: string, to: string): Promise<Map<string, CachedDay>> {
  const rows = await db
    .select({ day: insightDays.day, rows: insightDays.rows, computedAt: insightDays.computedAt })
    .from(insightDays)
    .where(
      and(
        eq(insightDays.workspaceId, scope.workspaceId),
        eq(insightDays.source, scope.source),
        eq(insightDays.timezone, scope.timezone),
        between(insightDays.day, from, to),
      ),
    );
  return new Map(rows.map((r) => [r.day, { rows: r.rows, computedAt: r.computedAt }]));
}

/** Stores freshly read days (empty ones too: a day with nothing is known, not missing). */
export async function writeDays(db: Db, scope: DayScope, days: Map<string, InsightRow[]>): Promise<void> {
  const values = [...days].map(([day, rows]) => ({ ...scope, day, rows, computedAt: new Date() }));
  for (let i = 0; i < values.length; i += ROWS_PER_INSERT) {
    await db
      .insert(insightDays)
      .values(values.slice(i, i + ROWS_PER_INSERT))
      .onConflictDoUpdate({
        target: [insightDays.workspaceId, insightDays.source, insightDays.timezone, insightDays.day],
        set: { rows: sql`excluded.rows`, computedAt: sql`excluded.computed_at` },
      });
  }
}

/** Today's snapshot of what is open; taken again later the same day, the later one is kept (nearer the day's end). */
export async function saveSnapshot(
  db: Db,
  workspaceId: string,
  resource: InsightResource,
  day: string,
  counts: OpenCounts,
): Promise<void> {
  await db
    .insert(insightSnapshots)
    .values({ workspaceId, resource, day, counts })
    .onConflictDoUpdate({
      target: [insightSnapshots.workspaceId, insightSnapshots.resource, insightSnapshots.day],
      set: { counts, takenAt: new Date() },
    });
}

export async function readSnapshots(
  db: Db,
  workspaceId: string,
  resource: InsightResource,
  from: string,
  to: string,
): Promise<Map<string, OpenCounts>> {
  const rows = await db
    .select({ day: insightSnapshots.day, counts: insightSnapshots.counts })
    .from(insightSnapshots)
    .where(
      and(
        eq(insightSnapshots.workspaceId, workspaceId),
        eq(insightSnapshots.resource, resource),
        between(insightSnapshots.day, from, to),
      ),
    );
  return new Map(rows.map((r) => [r.day, r.counts]));
}

/** The first day a snapshot exists for, or null. */
export async function firstSnapshotDay(db: Db, workspaceId: string, resource: InsightResource): Promise<string | null> {
  const [row] = await db
    .select({ day: sql<string>`min(${insightSnapshots.day})` })
    .from(insightSnapshots)
    .where(and(eq(insightSnapshots.workspaceId, workspaceId), eq(insightSnapshots.resource, resource)));
  return row?.day ?? null;
}
