import * as z from "zod/mini";
import { jobFromParams, jobParams } from "@/lib/bulk/route-helpers";
import { listItems } from "@/lib/bulk/summaries";
import { ITEM_STATES } from "@/lib/bulk/types";
import { route } from "@/lib/http/route";
import { otherMethods } from "@/lib/http/methods";

const itemsQuery = z.strictObject({
  state: z.optional(z.enum(ITEM_STATES)),
  offset: z._default(z.coerce.number().check(z.int(), z.minimum(0)), 0),
  limit: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(500)), 100),
});

/** A page of a job's tickets and their outcomes, optionally of one outcome. */
export const GET = route(
  { workspace: true, intercom: false, params: jobParams, query: itemsQuery },
  async ({ connection, params, query }) => {
    const { db, job } = await jobFromParams(params, connection.workspaceId);
    return listItems(db, job.id, query);
  },
);

export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
