import { jobEntry } from "@/lib/audit/bulk";
import { actorOf, recordAudit } from "@/lib/audit/store";
import { jobFromParams, jobParams, summaryOf, wakeRunner } from "@/lib/bulk/route-helpers";
import { transition } from "@/lib/bulk/store";
import { HttpError } from "@/lib/http/errors";
import { route } from "@/lib/http/route";
import { otherMethods } from "@/lib/http/methods";

/** Stops a job after the calls already in flight; what never ran ends as not run (resuming runs it). */
export const POST = route(
  { workspace: true, intercom: false, params: jobParams },
  async ({ user, connection, params }) => {
    const { db, job } = await jobFromParams(params, connection.workspaceId);
    if (!(await transition(db, job.id, ["queued", "running", "paused"], "cancelling")))
      throw new HttpError("not_running", "This job has already finished.");
    await recordAudit(
      db,
      jobEntry(job, actorOf(user, connection), "bulk.job_cancelled", {
        before: { state: job.state },
        after: { state: "cancelling" },
      }),
    );
    wakeRunner();
    return summaryOf(db, { ...job, state: "cancelling" });
  },
);

export const { GET, PUT, PATCH, DELETE } = otherMethods("POST");
