import { jobEntry } from "@/lib/audit/bulk";
import { actorOf, recordAudit } from "@/lib/audit/store";
import { jobFromParams, jobParams, summaryOf, wakeRunner } from "@/lib/bulk/route-helpers";
import { startUndo } from "@/lib/bulk/service";
import { jobById } from "@/lib/bulk/store";
import { route } from "@/lib/http/route";
import { otherMethods } from "@/lib/http/methods";

/** Starts a job that puts back what this one changed, ticket by ticket, reporting conflicts. */
export const POST = route({ workspace: true, params: jobParams }, async ({ connection, params, user }) => {
  const { db, job } = await jobFromParams(params, connection.workspaceId);
  const id = await startUndo(db, connection.workspaceId, user.id, job.id);
  const undo = (await jobById(db, id))!;
  await recordAudit(db, jobEntry(undo, actorOf(user, connection), "bulk.undo_created", { before: { undoes: job.id } }));
  wakeRunner();
  return summaryOf(db, undo);
});

export const { GET, PUT, PATCH, DELETE } = otherMethods("POST");
