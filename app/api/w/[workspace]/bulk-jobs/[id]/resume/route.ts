import { jobEntry } from "@/lib/audit/bulk";
import { actorOf, recordAudit } from "@/lib/audit/store";
import { jobFromParams, jobParams, wakeRunner } from "@/lib/bulk/route-helpers";
import { jobById, summarize, transition } from "@/lib/bulk/store";
import { HttpError } from "@/lib/http/errors";
import { route } from "@/lib/http/route";
import { otherMethods } from "@/lib/http/methods";

/** Resumes a paused job (after the workspace was reconnected: the wrapper refuses it before). */
export const POST = route({ workspace: true, params: jobParams }, async ({ user, connection, params }) => {
  const { db, job } = await jobFromParams(params, connection.workspaceId);
  if (!(await transition(db, job.id, ["paused"], "queued", { pausedReason: null })))
    throw new HttpError("not_paused", "This job is not paused.");
  await recordAudit(
    db,
    jobEntry(job, actorOf(user, connection), "bulk.job_resumed", {
      before: { state: "paused" },
      after: { state: "queued" },
    }),
  );
  wakeRunner();
  return summarize(db, (await jobById(db, job.id))!);
});

export const { GET, PUT, PATCH, DELETE } = otherMethods("POST");
