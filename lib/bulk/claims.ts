import "server-only";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { bulkJobItems, type BulkJobItemRow } from "@/lib/db/schema";
import type { Call } from "./plan";
import type { ItemState, TicketSnapshot } from "./types";

/**
 * Who runs which ticket of a job: items are claimed with FOR UPDATE SKIP LOCKED and a lease
 * that the claiming instance renews while it works, so several instances share a job and a
 * claim left by an instance that died is taken over once its lease ends.
 */

/** node-postgres answers `{ rows }`, PGlite `{ rows }` too, but typed apart. */
function rowsOf(result: unknown): Record<string, unknown>[] {
  const rows = (result as { rows?: Record<string, unknown>[] }).rows;
  return Array.isArray(rows) ? rows : Array.isArray(result) ? (result as Record<string, unknown>[]) : [];
}

/**
 * Claims up to `limit` items to run: pending ones, and running ones whose claim has lapsed (its
 * instance died). Rows locked by another instance's claim are skipped, not waited for. Each
 * claim counts as a try, so an item claimed twice is checked before it is applied again.
 */
export async function claimItems(
  db: Db,
  jobId: string,
  instance: string,
  limit: number,
  leaseMs: number,
): Promise<BulkJobItemRow[]> {
  const result = await db.execute<Record<string, unknown>>(sql`
    UPDATE bulk_job_items SET state = 'running', claimed_by = ${instance},
      claimed_until = now() + (${leaseMs} * interval '1 millisecond'), attempts = attempts + 1, updated_at = now()
    WHERE (job_id, seq) IN (
      SELECT job_id, seq FROM bulk_job_items
      WHERE job_id = ${jobId} AND (state = 'pending' OR (state = 'running' AND claimed_until < now()))
      ORDER BY seq LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    )
    RETURNING seq`);
  const seqs = rowsOf(result).map((r) => Number(r.seq));
  if (seqs.length === 0) return [];
  return db
    .select()
    .from(bulkJobItems)
    .where(and(eq(bulkJobItems.jobId, jobId), inArray(bulkJobItems.seq, seqs)))
    .orderBy(asc(bulkJobItems.seq));
}

/**
 * At start, an instance's claims from before its restart are its own to take over: their lease
 * is ended at once instead of waited out. Returns how many there were.
 */
export async function releaseOwnClaims(db: Db, instance: string): Promise<number> {
  const rows = await db
    .update(bulkJobItems)
    .set({ claimedUntil: sql`now() - interval '1 millisecond'` })
    .where(and(eq(bulkJobItems.claimedBy, instance), eq(bulkJobItems.state, "running")))
    .returning({ seq: bulkJobItems.seq });
  return rows.length;
}

export interface ItemOutcome {
  state: Extract<ItemState, "succeeded" | "skipped" | "failed" | "conflict" | "pending">;
  reason?: string | null;
  error?: string | null;
  after?: TicketSnapshot | null;
  calls?: Call[] | null;
  attempts: number;
}

/** Records an item's outcome, if this instance still holds its claim. */
export async function finishItem(
  db: Db,
  jobId: string,
  seq: number,
  instance: string,
  outcome: ItemOutcome,
): Promise<boolean> {
  const done = outcome.state !== "pending";
  const rows = await db
    .update(bulkJobItems)
    .set({
      state: outcome.state,
      reason: outcome.reason ?? null,
      error: outcome.error ?? null,
      ...(outcome.after !== undefined ? { after: outcome.after } : {}),
      ...(outcome.calls !== undefined ? { calls: outcome.calls } : {}),
      attempts: outcome.attempts,
      claimedBy: null,
      claimedUntil: null,
      finishedAt: done ? new Date() : null,
      updatedAt: new Date(),
    })
    .where(
      and(
        eq(bulkJobItems.jobId, jobId),
        eq(bulkJobItems.seq, seq),
        eq(bulkJobItems.claimedBy, instance),
        eq(bulkJobItems.state, "running"),
      ),
    )
    .returning({ seq: bulkJobItems.seq });
  return rows.length > 0;
}

/** Keeps this instance's claims alive while it works on them. */
export async function renewClaims(db: Db, instance: string, leaseMs: number): Promise<void> {
  await db
    .update(bulkJobItems)
    .set({ claimedUntil: sql`now() + (${leaseMs} * interval '1 millisecond')` })
    .where(and(eq(bulkJobItems.claimedBy, instance), eq(bulkJobItems.state, "running")));
}

/** Whether any item is still to run or running (anywhere). */
export async function hasWorkLeft(db: Db, jobId: string): Promise<boolean> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(bulkJobItems)
    .where(and(eq(bulkJobItems.jobId, jobId), inArray(bulkJobItems.state, ["pending", "running"])));
  return Number(row.n) > 0;
}

/**
 * Claims held by instances other than `here`, and when the last of them lapses: what a job
 * waits on once nothing else is left to run.
 */
export async function heldElsewhere(
  db: Db,
  jobId: string,
  here: string | null,
): Promise<{ tickets: number; until: Date | null }> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int`, until: sql<string | null>`max(${bulkJobItems.claimedUntil})` })
    .from(bulkJobItems)
    .where(
      and(
        eq(bulkJobItems.jobId, jobId),
        eq(bulkJobItems.state, "running"),
        here ? sql`${bulkJobItems.claimedBy} IS DISTINCT FROM ${here}` : undefined,
        sql`${bulkJobItems.claimedUntil} > now()`,
      ),
    );
  return { tickets: Number(row?.n ?? 0), until: row?.until ? new Date(row.until) : null };
}

/** A cancelled job's items that never ran: they end as not run, and resuming the job runs them. */
export async function markNotRun(db: Db, jobId: string): Promise<void> {
  await db
    .update(bulkJobItems)
    .set({ state: "not_run", finishedAt: new Date(), updatedAt: new Date(), claimedBy: null, claimedUntil: null })
    .where(and(eq(bulkJobItems.jobId, jobId), eq(bulkJobItems.state, "pending")));
}

/** Items of one outcome go back to pending, their tries kept (a later run checks before applying). */
export async function requeue(db: Db, jobId: string, from: Extract<ItemState, "failed" | "not_run">): Promise<number> {
  const rows = await db
    .update(bulkJobItems)
    .set({ state: "pending", error: null, finishedAt: null, updatedAt: new Date() })
    .where(and(eq(bulkJobItems.jobId, jobId), eq(bulkJobItems.state, from)))
    .returning({ seq: bulkJobItems.seq });
  return rows.length;
}
