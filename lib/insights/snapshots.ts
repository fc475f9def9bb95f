import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { insightSnapshots, workspaceConnections, type OpenCounts, type WorkspaceConnection } from "@/lib/db/schema";
import type { IntercomClient } from "@/lib/intercom/client";
import { today } from "./calendar";
import { INSIGHTS_SHARE, InsightsReader, readOpen, type OpenRow } from "./reader";
import { saveSnapshot } from "./store";
import type { InsightResource } from "./types";

/** What is open, counted whole and by team, teammate and ticket type. */
export function openCounts(rows: OpenRow[]): OpenCounts {
  const counts: OpenCounts = { all: rows.length, team: {}, teammate: {}, type: {} };
  const add = (map: Record<string, number>, key: string | null | undefined) => {
    const k = key ?? "none";
    map[k] = (map[k] ?? 0) + 1;
  };
  for (const r of rows) {
    add(counts.team, r.team);
    add(counts.teammate, r.admin);
    if (r.type !== undefined) add(counts.type, r.type);
  }
  return counts;
}

/**
 * Takes today's snapshot of what is open for every connected workspace that has none yet
 * (one active connection per workspace reads it). Returns the snapshots taken.
 */
export async function recordSnapshots(
  db: Db,
  clientFor: (c: WorkspaceConnection) => IntercomClient,
  nowMs = Date.now(),
): Promise<number> {
  const connections = await db.select().from(workspaceConnections).where(eq(workspaceConnections.status, "active"));
  const byWorkspace = new Map(connections.map((c) => [c.workspaceId, c]));
  let taken = 0;
  for (const c of byWorkspace.values()) {
    const day = today(c.timezone, nowMs);
    for (const resource of ["conversations", "tickets"] as const) {
      if (await hasSnapshot(db, c.workspaceId, resource, day)) continue;
      try {
        const reader = new InsightsReader(clientFor(c), INSIGHTS_SHARE);
        const scope = { workspaceId: c.workspaceId, adminId: c.adminId };
        const open = await readOpen(reader, scope, resource, true, nowMs);
        await saveSnapshot(db, c.workspaceId, resource, day, openCounts(open.rows));
        taken++;
      } catch (e) {
        console.error(`Insights snapshot of ${c.workspaceName} failed: ${(e as Error).message}`);
      }
    }
  }
  return taken;
}

async function hasSnapshot(db: Db, workspaceId: string, resource: InsightResource, day: string): Promise<boolean> {
  const [row] = await db
    .select({ day: insightSnapshots.day })
    .from(insightSnapshots)
    .where(
      and(
        eq(insightSnapshots.workspaceId, workspaceId),
        eq(insightSnapshots.resource, resource),
        eq(insightSnapshots.day, day),
      ),
    );
  return row !== undefined;
}

const HOUR_MS = 3_600_000;
let timer: ReturnType<typeof setInterval> | undefined;

/** Snapshots now, then every hour (a workspace's day starts at its own midnight). */
export function startSnapshots(db: Db, clientFor: (c: WorkspaceConnection) => IntercomClient): void {
  const run = () =>
    void recordSnapshots(db, clientFor).catch((e: unknown) =>
      console.error(`Insights snapshots failed: ${(e as Error).message}`),
    );
  run();
  if (timer) clearInterval(timer);
  timer = setInterval(run, HOUR_MS);
  timer.unref?.();
}
