import { jobFromParams, jobParams, summaryOf } from "@/lib/bulk/route-helpers";
import { route } from "@/lib/http/route";
import { otherMethods } from "@/lib/http/methods";

/** A job's progress: counts, rate, time left and the rate limit's state. */
export const GET = route({ workspace: true, intercom: false, params: jobParams }, async ({ connection, params }) => {
  const { db, job } = await jobFromParams(params, connection.workspaceId);
  return summaryOf(db, job);
});

export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
