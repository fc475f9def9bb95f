import "server-only";
import type { BulkJobRow } from "@/lib/db/schema";
import { getDb, type Db } from "@/lib/db/client";
import { HttpError } from "@/lib/http/errors";
import { uuidParams } from "@/lib/http/params";
import { bulkRunner } from "./runtime";
import { findJob } from "./store";
import { summarize } from "./summaries";
import type { JobSummary } from "./types";

const NO_JOB = "That job was not found in this workspace.";

/** The `[id]` of a job's routes: a UUID. */
export const jobParams = uuidParams(NO_JOB);

/** The job in the URL, if it belongs to the workspace in the URL; otherwise a 404. */
export async function jobFromParams(params: { id: string }, workspaceId: string): Promise<{ db: Db; job: BulkJobRow }> {
  const db = await getDb();
  const job = await findJob(db, workspaceId, params.id);
  if (!job) throw new HttpError("not_found", NO_JOB);
  return { db, job };
}

/** A job as its page shows it, from this instance's point of view (whose claims are another server's). */
export function summaryOf(db: Db, job: BulkJobRow): Promise<JobSummary> {
  return summarize(db, job, { here: bulkRunner()?.instanceId ?? null });
}

/** Tells this instance's runner there is work (other instances find it on their next look). */
export function wakeRunner(): void {
  bulkRunner()?.wake();
}
