import { auditContext } from "@/lib/audit/context";
import { auditedTicketAction } from "@/lib/audit/records";
import { clientFor } from "@/lib/auth/connections";
import { ticketChange } from "@/lib/changes/schema";
import { loadCatalog } from "@/lib/catalog/server";
import { route } from "@/lib/http/route";
import { ticketParams } from "@/lib/records/params";
import { otherMethods } from "@/lib/http/methods";

/** One change on a ticket (lib/changes): state, assignment, sharing, close, snooze, attributes, tags, replies, delete. Each is audited. */
export const POST = route(
  { workspace: true, params: ticketParams, body: ticketChange },
  async ({ user, connection, params, body }) => {
    const client = clientFor(connection);
    const catalog = await loadCatalog(client, connection.workspaceId);
    const done = await auditedTicketAction(await auditContext(user, connection), client, catalog, params.id, body);
    return { ok: true, changed: done.plan.kind === "change" };
  },
);

export const { GET, PUT, PATCH, DELETE } = otherMethods("POST");
