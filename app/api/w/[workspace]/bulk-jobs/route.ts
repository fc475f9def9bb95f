import * as z from "zod/mini";
import { jobEntry } from "@/lib/audit/bulk";
import { actorOf, recordAudit } from "@/lib/audit/store";
import { clientFor } from "@/lib/auth/connections";
import { summaryOf, wakeRunner } from "@/lib/bulk/route-helpers";
import { bulkRunner } from "@/lib/bulk/runtime";
import { createJobBody } from "@/lib/bulk/schemas";
import { startJob } from "@/lib/bulk/service";
import { jobById } from "@/lib/bulk/store";
import { jobActivity, listJobs } from "@/lib/bulk/summaries";
import { loadCatalog } from "@/lib/catalog/server";
import { getDb } from "@/lib/db/client";
import { route } from "@/lib/http/route";
import { otherMethods } from "@/lib/http/methods";

const listQuery = z.strictObject({ activity: z.optional(z.literal("1")) });

/**
 * The workspace's bulk jobs, newest first; with `activity=1`, only whether any is under way and
 * when the latest ended (what open lists watch, cheaply, to refresh when a job ends).
 */
export const GET = route({ workspace: true, intercom: false, query: listQuery }, async ({ connection, query }) => {
  const db = await getDb();
  if (query.activity) return jobActivity(db, connection.workspaceId);
  return { jobs: await listJobs(db, connection.workspaceId, 50, { here: bulkRunner()?.instanceId ?? null }) };
});

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
  return summaryOf(db, job);
});

export const { PUT, PATCH, DELETE } = otherMethods("GET", "POST");
