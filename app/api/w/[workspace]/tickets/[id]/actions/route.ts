import { auditContext } from "@/lib/audit/context";
import { auditedTicketAction } from "@/lib/audit/records";
import { clientFor } from "@/lib/auth/connections";
import { loadCatalog } from "@/lib/catalog/server";
import { route } from "@/lib/http/route";
import { ticketAction } from "@/lib/records/actions";
import { ticketParams } from "@/lib/records/params";
import { otherMethods } from "@/lib/http/methods";

/** One action on a ticket: state, assignment, sharing, open/closed, snooze, attributes, tags, replies, delete. Each is audited. */
export const POST = route(
  { workspace: true, params: ticketParams, body: ticketAction },
  async ({ user, connection, params, body }) => {
    const client = clientFor(connection);
    const catalog = await loadCatalog(client, connection.workspaceId);
    await auditedTicketAction(await auditContext(user, connection), client, catalog, params.id, body);
    return { ok: true };
  },
);

export const { GET, PUT, PATCH, DELETE } = otherMethods("POST");
