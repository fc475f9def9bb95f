import { jobEntry } from "@/lib/audit/bulk";
import { actorOf, recordAudit } from "@/lib/audit/store";
import { requeue } from "@/lib/bulk/claims";
import { jobFromParams, jobParams, summaryOf, wakeRunner } from "@/lib/bulk/route-helpers";
import { jobById, transition } from "@/lib/bulk/store";
import { HttpError } from "@/lib/http/errors";
import { route } from "@/lib/http/route";
import { otherMethods } from "@/lib/http/methods";

/** Runs a finished job's failed tickets again (each is checked before it is changed). */
export const POST = route({ workspace: true, params: jobParams }, async ({ user, connection, params }) => {
  const { db, job } = await jobFromParams(params, connection.workspaceId);
  if (!["completed", "cancelled"].includes(job.state))
    throw new HttpError("not_finished", "Retry failed tickets once the job has finished.");
  const requeued = await requeue(db, job.id, "failed");
  if (requeued === 0) throw new HttpError("nothing_failed", "No ticket of this job failed.");
  await transition(db, job.id, ["completed", "cancelled"], "queued", { finishedAt: null });
  await recordAudit(
    db,
    jobEntry(job, actorOf(user, connection), "bulk.job_retried", {
      before: { state: job.state, failed: requeued },
      after: { state: "queued" },
    }),
  );
  wakeRunner();
  return summaryOf(db, (await jobById(db, job.id))!);
});

export const { GET, PUT, PATCH, DELETE } = otherMethods("POST");
