import "server-only";
import { and, asc, eq, gt, inArray, lt, ne } from "drizzle-orm";
import { ROWS_PER_INSERT } from "@/lib/db/batches";
import type { Db } from "@/lib/db/client";
import { bulkJobItems, bulkJobs, type BulkJobItemRow, type BulkJobRow } from "@/lib/db/schema";
import type { ItemPlan } from "./plan";
import type { BulkAction, JobSource } from "./schemas";
import type { ItemState, JobState, RateLimitView, TicketSnapshot } from "./types";

/** Where an item's outcome is written (execute.ts and the audit log know it by this path). */
export type { ItemOutcome } from "./claims";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

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
  selection: JobSource;
  label: string;
  /** Read once, in order: a generator lets a large job be stored without holding every ticket at once. */
  items: Iterable<NewItem> | AsyncIterable<NewItem>;
  /**
   * Once every item is stored, before the job is queued: its final change and words, or a
   * throw to discard it (nothing to do, say). `total` counts the items stored.
   */
  complete?: (total: number) => { action: BulkAction; label: string } | void;
}

/** A job still being stored is discarded once it is this old: its creator died on the way. */
export const ABANDONED_AFTER_MS = 10 * 60_000;

/**
 * Stores a job and one row per ticket, `ROWS_PER_INSERT` at a time as the items come, so a large job is never
 * held whole and the database is never locked for long. Until its last item is in, the job is
 * "creating": no list shows it and no runner takes it; a failure on the way discards it.
 * Tickets already as wanted, or that cannot take it, are skipped from the start.
 */
export async function createJob(db: Db, job: NewJob): Promise<string> {
  const [row] = await db
    .insert(bulkJobs)
    .values({
      workspaceId: job.workspaceId,
      userId: job.userId,
      kind: job.kind,
      undoOf: job.undoOf ?? null,
      action: job.action,
      selection: job.selection,
      label: job.label,
      total: 0,
      state: "creating",
    })
    .returning({ id: bulkJobs.id });
  try {
    let seq = 0;
    let chunk: (typeof bulkJobItems.$inferInsert)[] = [];
    for await (const item of job.items) {
      chunk.push(itemRow(row.id, seq++, item));
      if (chunk.length === ROWS_PER_INSERT) {
        await db.insert(bulkJobItems).values(chunk);
        chunk = [];
      }
    }
    if (chunk.length > 0) await db.insert(bulkJobItems).values(chunk);
    const final = job.complete?.(seq);
    await db
      .update(bulkJobs)
      .set({ ...final, total: seq, state: "queued", createdAt: new Date(), updatedAt: new Date() })
      .where(and(eq(bulkJobs.id, row.id), eq(bulkJobs.state, "creating")));
    return row.id;
  } catch (e) {
    await discardJob(db, row.id).catch(() => {});
    throw e;
  }
}

/** Removes a job that never finished being stored, with its items. */
async function discardJob(db: Db, id: string): Promise<void> {
  await db.delete(bulkJobs).where(and(eq(bulkJobs.id, id), eq(bulkJobs.state, "creating")));
}

/** Jobs whose creator died while storing them (a restart mid-request): removed, with their items. */
export async function discardAbandoned(db: Db, nowMs = Date.now()): Promise<number> {
  const rows = await db
    .delete(bulkJobs)
    .where(and(eq(bulkJobs.state, "creating"), lt(bulkJobs.createdAt, new Date(nowMs - ABANDONED_AFTER_MS))))
    .returning({ id: bulkJobs.id });
  return rows.length;
}

function itemRow(jobId: string, seq: number, item: NewItem): typeof bulkJobItems.$inferInsert {
  const plan = item.plan;
  const skipped = plan !== null && plan.kind !== "change";
  return {
    jobId,
    seq,
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
}

/** A job of this workspace, or null (another workspace's job, or one still being stored, is as good as missing). */
export async function findJob(db: Db, workspaceId: string, id: string): Promise<BulkJobRow | null> {
  if (!UUID.test(id)) return null;
  const [row] = await db
    .select()
    .from(bulkJobs)
    .where(and(eq(bulkJobs.id, id), eq(bulkJobs.workspaceId, workspaceId), ne(bulkJobs.state, "creating")));
  return row ?? null;
}

export async function jobById(db: Db, id: string): Promise<BulkJobRow | null> {
  const [row] = await db.select().from(bulkJobs).where(eq(bulkJobs.id, id));
  return row ?? null;
}

/** A job's state alone: what a running job looks at twice a second (its row holds the whole selection). */
export async function jobState(db: Db, id: string): Promise<JobState | null> {
  const [row] = await db.select({ state: bulkJobs.state }).from(bulkJobs).where(eq(bulkJobs.id, id));
  return row?.state ?? null;
}

/** Every item of a job in order, for the CSV export and undo: read 500 at a time, never all at once. */
export async function* allItems(db: Db, jobId: string, state?: ItemState): AsyncGenerator<BulkJobItemRow> {
  const PAGE = 500;
  for (let after = -1; ;) {
    const rows = await db
      .select()
      .from(bulkJobItems)
      .where(
        and(
          eq(bulkJobItems.jobId, jobId),
          gt(bulkJobItems.seq, after),
          state ? eq(bulkJobItems.state, state) : undefined,
        ),
      )
      .orderBy(asc(bulkJobItems.seq))
      .limit(PAGE);
    yield* rows;
    if (rows.length < PAGE) return;
    after = rows[rows.length - 1].seq;
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
