import { clientFor } from "@/lib/auth/connections";
import { loadCatalog } from "@/lib/catalog/server";
import { route } from "@/lib/http/route";
import { ticketAction } from "@/lib/records/actions";
import { recordId } from "@/lib/records/params";
import { runTicketAction } from "@/lib/records/run-actions";

/** One action on a ticket: state, assignment, sharing, open/closed, snooze, attributes, tags, replies, delete. */
export const POST = route({ workspace: true, body: ticketAction }, async ({ connection, params, body }) => {
  const client = clientFor(connection);
  await runTicketAction(client, await loadCatalog(client, connection.workspaceId), connection.adminId, recordId(params, "ticket"), body);
  return { ok: true };
});
