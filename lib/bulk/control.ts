import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { bulkJobs, type BulkJobRow } from "@/lib/db/schema";
import { HttpError } from "@/lib/http/errors";
import { requeue } from "./claims";
import { transition } from "./store";

/**
 * Puts a paused or cancelled job back in the queue. A cancelled job's not-run tickets become
 * pending in the same transaction, so no runner ever sees it queued with nothing to run (and
 * completes it). Returns how many tickets were put back (0 for a paused job).
 */
export async function resumeJob(db: Db, job: BulkJobRow): Promise<number> {
  if (job.state === "paused") {
    if (!(await transition(db, job.id, ["paused"], "queued", { pausedReason: null })))
      throw new HttpError("not_paused", "This job is not paused.");
    return 0;
  }
  if (job.state !== "cancelled") throw new HttpError("not_paused", "Only a paused or cancelled job can be resumed.");
  const undone = await db.select({ id: bulkJobs.id }).from(bulkJobs).where(eq(bulkJobs.undoOf, job.id)).limit(1);
  if (undone.length > 0) throw new HttpError("conflict", "This job was undone; run the action again instead.");
  return db.transaction(async (tx) => {
    if (!(await transition(tx, job.id, ["cancelled"], "queued", { finishedAt: null })))
      throw new HttpError("not_paused", "This job is not cancelled any more.");
    const n = await requeue(tx, job.id, "not_run");
    if (n === 0) throw new HttpError("nothing_to_do", "Every ticket of this job has already run.");
    return n;
  });
}
