import "server-only";
import { and, asc, desc, eq, gt, inArray, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { bulkJobItems, bulkJobs, users, type BulkJobItemRow, type BulkJobRow } from "@/lib/db/schema";
import type { Call, ItemPlan } from "./plan";
import type { BulkAction, Selection } from "./schemas";
import {
  ITEM_STATES,
  type ItemCounts,
  type ItemState,
  type JobItemView,
  type JobState,
  type JobSummary,
  type RateLimitView,
  type TicketSnapshot,
} from "./types";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const INSERT_CHUNK = 500;
const seconds = (d: Date | null) => (d ? Math.floor(d.getTime() / 1000) : null);

export interface NewItem {
  before: TicketSnapshot;
  after?: TicketSnapshot | null;
  /** What the job plans for the ticket; undo items are planned when they run. */
  plan: ItemPlan | null;
}

export interface NewJob {
  workspaceId: string;
  userId: string;
  kind: "apply" | "undo";
  undoOf?: string | null;
  action: BulkAction;
  selection: Selection | { kind: "undo" };
  label: string;
  items: NewItem[];
}

/** Stores a job and one row per ticket; tickets already as wanted, or that cannot take it, are skipped from the start. */
export async function createJob(db: Db, job: NewJob): Promise<string> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(bulkJobs)
      .values({
        workspaceId: job.workspaceId,
        userId: job.userId,
        kind: job.kind,
        undoOf: job.undoOf ?? null,
        action: job.action,
        selection: job.selection,
        label: job.label,
        total: job.items.length,
        state: "queued",
      })
      .returning({ id: bulkJobs.id });
    for (let i = 0; i < job.items.length; i += INSERT_CHUNK) {
      await tx.insert(bulkJobItems).values(
        job.items.slice(i, i + INSERT_CHUNK).map((item, j) => {
          const plan = item.plan;
          const skipped = plan !== null && plan.kind !== "change";
          return {
            jobId: row.id,
            seq: i + j,
            ticketId: item.before.id,
            ticketNumber: item.before.number,
            title: item.before.title.slice(0, 300),
            state: (skipped ? "skipped" : "pending") as ItemState,
            before: item.before,
            after: item.after ?? null,
            calls: plan?.kind === "change" ? plan.calls : null,
            reason: skipped ? plan.reason : null,
            finishedAt: skipped ? new Date() : null,
          };
        }),
      );
    }
    return row.id;
  });
}

/** A job of this workspace, or null (another workspace's job is as good as missing). */
export async function findJob(db: Db, workspaceId: string, id: string): Promise<BulkJobRow | null> {
  if (!UUID.test(id)) return null;
  const [row] = await db
    .select()
    .from(bulkJobs)
    .where(and(eq(bulkJobs.id, id), eq(bulkJobs.workspaceId, workspaceId)));
  return row ?? null;
}

export async function jobById(db: Db, id: string): Promise<BulkJobRow | null> {
  const [row] = await db.select().from(bulkJobs).where(eq(bulkJobs.id, id));
  return row ?? null;
}

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

export async function summarize(db: Db, job: BulkJobRow): Promise<JobSummary> {
  const [counts, rate, creator, undone] = await Promise.all([
    itemCounts(db, job.id),
    job.state === "running" ? recentRate(db, job.id) : Promise.resolve(null),
    db.select({ name: users.name, email: users.email }).from(users).where(eq(users.id, job.userId)),
    db.select({ id: bulkJobs.id }).from(bulkJobs).where(eq(bulkJobs.undoOf, job.id)).limit(1),
  ]);
  const left = counts.pending + counts.running;
  return {
    id: job.id,
    workspaceId: job.workspaceId,
    kind: job.kind,
    undoOf: job.undoOf,
    undoneBy: undone[0]?.id ?? null,
    label: job.label,
    source: sourceOf(job),
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
    undoable:
      job.kind === "apply" &&
      job.action.type !== "delete" &&
      undone.length === 0 &&
      counts.succeeded > 0 &&
      ["completed", "cancelled"].includes(job.state),
  };
}

function sourceOf(job: BulkJobRow): string {
  const s = job.selection;
  if (s.kind === "undo") return "Undo of an earlier job";
  if (s.kind === "ids") return `${s.ids.length.toLocaleString("en")} selected tickets`;
  return s.exclude?.length
    ? `All matching a search, less ${s.exclude.length} unticked`
    : "All tickets matching a search";
}

export async function listJobs(db: Db, workspaceId: string, limit = 50): Promise<JobSummary[]> {
  const rows = await db
    .select()
    .from(bulkJobs)
    .where(eq(bulkJobs.workspaceId, workspaceId))
    .orderBy(desc(bulkJobs.createdAt))
    .limit(limit);
  return Promise.all(rows.map((r) => summarize(db, r)));
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

/** Every item of a job, for the CSV export and undo (a few thousand rows at most, read in pages). */
export async function* allItems(db: Db, jobId: string, state?: ItemState): AsyncGenerator<BulkJobItemRow> {
  for (let from = 0; ; from += 1000) {
    const where = state
      ? and(eq(bulkJobItems.jobId, jobId), eq(bulkJobItems.state, state))
      : eq(bulkJobItems.jobId, jobId);
    const rows = await db
      .select()
      .from(bulkJobItems)
      .where(where)
      .orderBy(asc(bulkJobItems.seq))
      .offset(from)
      .limit(1000);
    yield* rows;
    if (rows.length < 1000) return;
  }
}

/** Jobs with work left, oldest first. */
export async function runnableJobs(db: Db): Promise<string[]> {
  const rows = await db
    .select({ id: bulkJobs.id })
    .from(bulkJobs)
    .where(inArray(bulkJobs.state, ["queued", "running", "cancelling"]))
    .orderBy(asc(bulkJobs.createdAt));
  return rows.map((r) => r.id);
}

/** Moves a job between states, only from the ones given (so two instances never both do it). */
export async function transition(
  db: Db,
  id: string,
  from: JobState[],
  to: JobState,
  extra: Partial<Pick<BulkJobRow, "pausedReason" | "startedAt" | "finishedAt">> = {},
): Promise<boolean> {
  const rows = await db
    .update(bulkJobs)
    .set({ state: to, updatedAt: new Date(), ...extra })
    .where(and(eq(bulkJobs.id, id), inArray(bulkJobs.state, from)))
    .returning({ id: bulkJobs.id });
  return rows.length > 0;
}

export async function saveRateLimit(db: Db, id: string, rate: RateLimitView): Promise<void> {
  await db.update(bulkJobs).set({ rateLimit: rate, updatedAt: new Date() }).where(eq(bulkJobs.id, id));
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

/** node-postgres answers `{ rows }`, PGlite `{ rows }` too, but typed apart. */
function rowsOf(result: unknown): Record<string, unknown>[] {
  const rows = (result as { rows?: Record<string, unknown>[] }).rows;
  return Array.isArray(rows) ? rows : Array.isArray(result) ? (result as Record<string, unknown>[]) : [];
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

/** A cancelled job's items that never ran end as skipped, so every item has an outcome. */
export async function skipPending(db: Db, jobId: string, reason: string): Promise<void> {
  await db
    .update(bulkJobItems)
    .set({
      state: "skipped",
      reason,
      finishedAt: new Date(),
      updatedAt: new Date(),
      claimedBy: null,
      claimedUntil: null,
    })
    .where(and(eq(bulkJobItems.jobId, jobId), eq(bulkJobItems.state, "pending")));
}

/** Failed items go back to pending, their tries kept (a later run checks before applying). */
export async function requeueFailed(db: Db, jobId: string): Promise<number> {
  const rows = await db
    .update(bulkJobItems)
    .set({ state: "pending", error: null, finishedAt: null, updatedAt: new Date() })
    .where(and(eq(bulkJobItems.jobId, jobId), eq(bulkJobItems.state, "failed")))
    .returning({ seq: bulkJobItems.seq });
  return rows.length;
}
