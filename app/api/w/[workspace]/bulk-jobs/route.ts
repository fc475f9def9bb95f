import { jobEntry } from "@/lib/audit/bulk";
import { actorOf, recordAudit } from "@/lib/audit/store";
import { clientFor } from "@/lib/auth/connections";
import { wakeRunner } from "@/lib/bulk/route-helpers";
import { bulkRunner } from "@/lib/bulk/runtime";
import { createJobBody } from "@/lib/bulk/schemas";
import { startJob } from "@/lib/bulk/service";
import { jobById, listJobs, summarize } from "@/lib/bulk/store";
import { loadCatalog } from "@/lib/catalog/server";
import { getDb } from "@/lib/db/client";
import { route } from "@/lib/http/route";
import { otherMethods } from "@/lib/http/methods";

/** The workspace's bulk jobs, newest first. */
export const GET = route({ workspace: true, intercom: false }, async ({ connection }) => ({
  jobs: await listJobs(await getDb(), connection.workspaceId),
}));

/** Creates a job over the selection as it is now, and starts it. */
export const POST = route({ workspace: true, body: createJobBody }, async ({ connection, user, body }) => {
  const client = clientFor(connection);
  const db = await getDb();
  const id = await startJob(
    db,
    client,
    loadCatalog(client, connection.workspaceId),
    { userId: user.id, workspaceId: connection.workspaceId, timezone: connection.timezone },
    body,
  );
  // The runner starts knowing the window this request just saw.
  bulkRunner()?.pacerFor(connection.workspaceId).observe(client.rateLimit);
  const job = (await jobById(db, id))!;
  await recordAudit(
    db,
    jobEntry(job, actorOf(user, connection), "bulk.job_created", {
      after: { action: job.action, tickets: job.total, selection: job.selection.kind },
    }),
  );
  wakeRunner();
  return summarize(db, job);
});

export const { PUT, PATCH, DELETE } = otherMethods("GET", "POST");
