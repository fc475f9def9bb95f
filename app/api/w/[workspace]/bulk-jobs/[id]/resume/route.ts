import { jobEntry } from "@/lib/audit/bulk";
import { actorOf, recordAudit } from "@/lib/audit/store";
import { resumeJob } from "@/lib/bulk/control";
import { jobFromParams, jobParams, summaryOf, wakeRunner } from "@/lib/bulk/route-helpers";
import { jobById } from "@/lib/bulk/store";
import { route } from "@/lib/http/route";
import { otherMethods } from "@/lib/http/methods";

/**
 * Resumes a paused job (after the workspace was reconnected: the wrapper refuses it before), or
 * a cancelled one: its tickets that never ran are run (each checked before it is changed).
 */
export const POST = route({ workspace: true, params: jobParams }, async ({ user, connection, params }) => {
  const { db, job } = await jobFromParams(params, connection.workspaceId);
  const resumed = await resumeJob(db, job);
  await recordAudit(
    db,
    jobEntry(job, actorOf(user, connection), "bulk.job_resumed", {
      before: { state: job.state, ...(resumed > 0 ? { not_run: resumed } : {}) },
      after: { state: "queued" },
    }),
  );
  wakeRunner();
  return summaryOf(db, (await jobById(db, job.id))!);
});

export const { GET, PUT, PATCH, DELETE } = otherMethods("POST");
