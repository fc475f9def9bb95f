import "server-only";
import { and, asc, desc, eq, gt, inArray, ne, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { bulkJobItems, bulkJobs, users, type BulkJobItemRow, type BulkJobRow } from "@/lib/db/schema";
import { heldElsewhere } from "./claims";
import { ITEM_STATES, type ItemCounts, type ItemState, type JobItemView, type JobSummary } from "./types";

/** What the pages show of jobs and their tickets, read from the database. */

const seconds = (d: Date | null) => (d ? Math.floor(d.getTime() / 1000) : null);

export async function itemCounts(db: Db, jobId: string): Promise<ItemCounts> {
  const rows = await db
    .select({ state: bulkJobItems.state, n: sql<number>`count(*)::int` })
    .from(bulkJobItems)
    .where(eq(bulkJobItems.jobId, jobId))
    .groupBy(bulkJobItems.state);
  const counts = Object.fromEntries(ITEM_STATES.map((s) => [s, 0])) as ItemCounts;
  for (const r of rows) counts[r.state] = Number(r.n);
  return counts;
}

/** Tickets finished per second over the last 10 seconds. */
async function recentRate(db: Db, jobId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(bulkJobItems)
    .where(
      and(
        eq(bulkJobItems.jobId, jobId),
        gt(bulkJobItems.finishedAt, sql`now() - interval '10 seconds'`),
        inArray(bulkJobItems.state, ["succeeded", "failed", "conflict"]),
      ),
    );
  return Number(row?.n ?? 0) / 10;
}

export interface SummaryOptions {
  /** This instance's runner: claims held by any other instance are what a job may wait on. */
  here?: string | null;
}

export async function summarize(db: Db, job: BulkJobRow, options: SummaryOptions = {}): Promise<JobSummary> {
  const live = job.state === "running" || job.state === "queued";
  const [counts, rate, creator, undone] = await Promise.all([
    itemCounts(db, job.id),
    job.state === "running" ? recentRate(db, job.id) : Promise.resolve(null),
    db.select({ name: users.name, email: users.email }).from(users).where(eq(users.id, job.userId)),
    db.select({ id: bulkJobs.id }).from(bulkJobs).where(eq(bulkJobs.undoOf, job.id)).limit(1),
  ]);
  const left = counts.pending + counts.running;
  // Only once nothing is left to claim does a job wait on anyone.
  const held =
    live && counts.pending === 0 && counts.running > 0 ? await heldElsewhere(db, job.id, options.here ?? null) : null;
  return {
    id: job.id,
    workspaceId: job.workspaceId,
    kind: job.kind,
    undoOf: job.undoOf,
    undoneBy: undone[0]?.id ?? null,
    label: job.label,
    source: describeSource(job),
    createdBy: creator[0] ?? { name: null, email: "unknown" },
    state: job.state,
    pausedReason: job.pausedReason,
    total: job.total,
    counts,
    createdAt: seconds(job.createdAt)!,
    startedAt: seconds(job.startedAt),
    finishedAt: seconds(job.finishedAt),
    rate,
    etaSeconds: rate && rate > 0 && left > 0 ? Math.ceil(left / rate) : null,
    rateLimit: job.rateLimit ?? null,
    waiting:
      held && held.tickets > 0 && held.until
        ? { tickets: held.tickets, seconds: Math.max(1, Math.ceil((held.until.getTime() - Date.now()) / 1000)) }
        : null,
    resumable: job.state === "cancelled" && counts.not_run > 0 && undone.length === 0,
    undoable:
      job.kind === "apply" &&
      job.action.type !== "delete" &&
      undone.length === 0 &&
      counts.succeeded > 0 &&
      ["completed", "cancelled"].includes(job.state),
  };
}

function describeSource(job: BulkJobRow): string {
  const s = job.selection;
  if (s.kind === "undo") return "Undo of an earlier job";
  if (s.kind === "ids") return `${s.count.toLocaleString("en")} selected ticket${s.count === 1 ? "" : "s"}`;
  return s.excluded > 0 ? `All matching a search, less ${s.excluded} unticked` : "All tickets matching a search";
}

export async function listJobs(db: Db, workspaceId: string, limit = 50, options: SummaryOptions = {}) {
  const rows = await db
    .select()
    .from(bulkJobs)
    .where(and(eq(bulkJobs.workspaceId, workspaceId), ne(bulkJobs.state, "creating")))
    .orderBy(desc(bulkJobs.createdAt))
    .limit(limit);
  return Promise.all(rows.map((r) => summarize(db, r, options)));
}

export async function listItems(
  db: Db,
  jobId: string,
  options: { state?: ItemState; offset?: number; limit?: number } = {},
): Promise<{ items: JobItemView[]; total: number }> {
  const where = options.state
    ? and(eq(bulkJobItems.jobId, jobId), eq(bulkJobItems.state, options.state))
    : eq(bulkJobItems.jobId, jobId);
  const [rows, [count]] = await Promise.all([
    db
      .select()
      .from(bulkJobItems)
      .where(where)
      .orderBy(asc(bulkJobItems.seq))
      .offset(options.offset ?? 0)
      .limit(options.limit ?? 100),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(bulkJobItems)
      .where(where),
  ]);
  return { items: rows.map(itemView), total: Number(count.n) };
}

export function itemView(r: BulkJobItemRow): JobItemView {
  return {
    seq: r.seq,
    ticketId: r.ticketId,
    ticketNumber: r.ticketNumber,
    title: r.title,
    state: r.state,
    reason: r.reason,
    error: r.error,
    attempts: r.attempts,
    updatedAt: seconds(r.updatedAt)!,
  };
}

/** When the workspace's latest job ended, and whether any is still under way: what lists watch to refresh. */
export async function jobActivity(
  db: Db,
  workspaceId: string,
): Promise<{ live: number; lastFinishedAt: number | null }> {
  const [row] = await db
    .select({
      live: sql<number>`count(*) filter (where ${inArray(bulkJobs.state, ["queued", "running", "cancelling"])})::int`,
      last: sql<string | null>`max(${bulkJobs.finishedAt})`,
    })
    .from(bulkJobs)
    .where(eq(bulkJobs.workspaceId, workspaceId));
  return { live: Number(row?.live ?? 0), lastFinishedAt: row?.last ? new Date(row.last).getTime() : null };
}
