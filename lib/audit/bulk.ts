import "server-only";
import { eq } from "drizzle-orm";
import type { ItemOutcome } from "@/lib/bulk/store";
import type { TicketSnapshot } from "@/lib/bulk/types";
import type { Db } from "@/lib/db/client";
import { users, type BulkJobItemRow, type BulkJobRow } from "@/lib/db/schema";
import type { TicketType } from "@/lib/intercom/schemas";
import { ticketChangeOf } from "@/lib/changes/tickets";
import { snapshotChange as changedValues } from "@/lib/changes/values";
import { recordAudit } from "./store";
import type { AuditActor, AuditEntry } from "./types";

/** The values that differ between two snapshots (or those the job's change touches), named for a reader. */
export function snapshotChange(
  job: BulkJobRow,
  before: TicketSnapshot,
  after: TicketSnapshot | null,
  types: TicketType[],
): { before: object; after: object | null } {
  return changedValues(ticketChangeOf(job.action).fields, before, after, types);
}

/** One finished item of a job as an audit entry; null for items that changed nothing and did not fail. */
export function itemEntry(
  job: BulkJobRow,
  actor: AuditActor,
  item: BulkJobItemRow,
  outcome: ItemOutcome,
  types: TicketType[],
): AuditEntry | null {
  if (outcome.state !== "succeeded" && outcome.state !== "failed" && outcome.state !== "conflict") return null;
  const label = `ticket #${item.ticketNumber}`;
  const deleted = job.action.type === "delete" && outcome.state === "succeeded";
  // An undo starts from what its job left (the item's `after`); a ticket left alone or failed changed nothing.
  const from = job.kind === "undo" ? (item.after ?? item.before) : item.before;
  const to = outcome.state === "succeeded" && !deleted ? (outcome.after ?? null) : null;
  const change = snapshotChange(job, from, to, types);
  const verb = job.label;
  const summary =
    outcome.state === "succeeded"
      ? `${verb}: ${label}`
      : outcome.state === "conflict"
        ? `${verb}: ${label} left alone (${outcome.reason ?? "changed since"})`
        : `${verb}: ${label} failed (${(outcome.error ?? "failed").slice(0, 300)})`;
  return {
    workspaceId: job.workspaceId,
    actor,
    action: "bulk.item",
    recordType: "ticket",
    recordId: item.ticketId,
    summary,
    before: change.before,
    after: deleted ? { deleted: true } : change.after,
    jobId: job.id,
    outcome: outcome.state === "succeeded" ? "succeeded" : "failed",
  };
}

/** The lead who created a job, as the actor of its items. */
export async function jobActor(db: Db, job: BulkJobRow, adminId: string | null): Promise<AuditActor> {
  const [u] = await db.select({ email: users.email, name: users.name }).from(users).where(eq(users.id, job.userId));
  return { userId: job.userId, email: u?.email ?? "unknown", name: u?.name ?? null, adminId };
}

/**
 * Collects a job's item entries and writes them in batches: the runner finishes items many
 * times a second, and one insert per batch keeps the log cheap. At most one batch waits behind
 * the one being written: `add` resolves once there is room, so a slow database slows the job
 * rather than piling entries up in memory.
 */
export class AuditBatch {
  private pending: AuditEntry[] = [];
  private writing: Promise<unknown> = Promise.resolve();
  /** Batches handed to the database and not yet written. */
  private queued = 0;

  constructor(
    private readonly db: Db,
    private readonly size = 100,
  ) {}

  async add(entry: AuditEntry | null): Promise<void> {
    if (!entry) return;
    this.pending.push(entry);
    if (this.pending.length < this.size) return;
    const written = this.flush();
    // A failed write is reported by the final flush, not to the item that waited.
    if (this.queued > 1) await written.catch(() => {});
  }

  /** Writes what is collected; resolves once every earlier write has finished too. */
  flush(): Promise<unknown> {
    const batch = this.pending.splice(0);
    if (batch.length > 0) {
      this.queued++;
      this.writing = this.writing
        .then(() => recordAudit(this.db, batch))
        .finally(() => {
          this.queued--;
        });
    }
    return this.writing;
  }
}

/** A job-level event: created, undo created, cancelled, resumed, retried. */
export function jobEntry(
  job: Pick<BulkJobRow, "id" | "workspaceId" | "label" | "total">,
  actor: AuditActor,
  action: "bulk.job_created" | "bulk.undo_created" | "bulk.job_cancelled" | "bulk.job_resumed" | "bulk.job_retried",
  extra: { before?: unknown; after?: unknown } = {},
): AuditEntry {
  const what: Record<typeof action, string> = {
    "bulk.job_created": `Started a bulk job over ${job.total} tickets: ${job.label}`,
    "bulk.undo_created": `Started an undo over ${job.total} tickets: ${job.label}`,
    "bulk.job_cancelled": `Cancelled the bulk job ${job.label}`,
    "bulk.job_resumed": `Resumed the bulk job ${job.label}`,
    "bulk.job_retried": `Retried the failed tickets of ${job.label}`,
  };
  return {
    workspaceId: job.workspaceId,
    actor,
    action,
    recordType: "bulk_job",
    recordId: job.id,
    jobId: job.id,
    summary: what[action],
    ...extra,
  };
}
