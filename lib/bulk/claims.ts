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
  return (await finishItems(db, jobId, instance, [{ seq, outcome }])).has(seq);
}

const json = (v: unknown) => (v === null || v === undefined ? null : JSON.stringify(v));

/**
 * Records several items' outcomes in one statement, each only if this instance still holds its
 * claim; answers the items recorded. `after` and `calls` are left as they are when not given.
 */
export async function finishItems(
  db: Db,
  jobId: string,
  instance: string,
  finished: { seq: number; outcome: ItemOutcome }[],
): Promise<Set<number>> {
  if (finished.length === 0) return new Set();
  const rows = sql.join(
    finished.map(
      ({ seq, outcome: o }) =>
        sql`(${seq}::int, ${o.state}::text, ${o.reason ?? null}::text, ${o.error ?? null}::text, ${json(o.after)}::jsonb, ${o.after !== undefined}::boolean, ${json(o.calls)}::jsonb, ${o.calls !== undefined}::boolean, ${o.attempts}::int)`,
    ),
    sql`, `,
  );
  const result = await db.execute<Record<string, unknown>>(sql`
    UPDATE bulk_job_items AS i SET
      state = v.state, reason = v.reason, error = v.error,
      after = CASE WHEN v.set_after THEN v.after ELSE i.after END,
      calls = CASE WHEN v.set_calls THEN v.calls ELSE i.calls END,
      attempts = v.attempts, claimed_by = NULL, claimed_until = NULL,
      finished_at = CASE WHEN v.state = 'pending' THEN NULL ELSE now() END, updated_at = now()
    FROM (VALUES ${rows}) AS v(seq, state, reason, error, after, set_after, calls, set_calls, attempts)
    WHERE i.job_id = ${jobId} AND i.seq = v.seq AND i.claimed_by = ${instance} AND i.state = 'running'
    RETURNING i.seq`);
  return new Set(rowsOf(result).map((r) => Number(r.seq)));
}

/**
 * Outcomes of a running job written together: every item finished within a few milliseconds
 * (or `max` of them) goes in one statement, so a busy job makes one write per batch, not per
 * ticket. Each caller learns whether its own item was recorded.
 */
export class OutcomeBatch {
  private pending: { seq: number; outcome: ItemOutcome; done: (held: boolean) => void; fail: (e: unknown) => void }[] =
    [];
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly db: Db,
    private readonly jobId: string,
    private readonly instance: string,
    private readonly max = 32,
    private readonly waitMs = 5,
  ) {}

  finish(seq: number, outcome: ItemOutcome): Promise<boolean> {
    return new Promise((done, fail) => {
      this.pending.push({ seq, outcome, done, fail });
      if (this.pending.length >= this.max) void this.flush();
      else this.timer ??= setTimeout(() => void this.flush(), this.waitMs);
    });
  }

  private async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const batch = this.pending.splice(0);
    if (batch.length === 0) return;
    try {
      const held = await finishItems(this.db, this.jobId, this.instance, batch);
      for (const b of batch) b.done(held.has(b.seq));
    } catch (e) {
      for (const b of batch) b.fail(e);
    }
  }
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
