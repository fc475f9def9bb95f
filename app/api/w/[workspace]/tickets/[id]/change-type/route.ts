import { clientFor } from "@/lib/auth/connections";
import { route } from "@/lib/http/route";
import { changeTypeBody } from "@/lib/records/actions";
import { recordId } from "@/lib/records/params";
import { changeTicketType } from "@/lib/records/type-change";

/** Changes a ticket's type, state and attributes at once; answers the ticket as its page shows it. */
export const POST = route({ workspace: true, body: changeTypeBody }, async ({ connection, params, body }) =>
  changeTicketType(clientFor(connection), connection.workspaceId, recordId(params, "ticket"), body),
);
