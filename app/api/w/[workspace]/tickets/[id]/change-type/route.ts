import { auditContext } from "@/lib/audit/context";
import { auditedChangeType } from "@/lib/audit/records";
import { clientFor } from "@/lib/auth/connections";
import { route } from "@/lib/http/route";
import { changeTypeBody } from "@/lib/records/actions";
import { ticketParams } from "@/lib/records/params";
import { otherMethods } from "@/lib/http/methods";

/** Changes a ticket's type, state and attributes at once; answers the ticket as its page shows it. */
export const POST = route(
  { workspace: true, params: ticketParams, body: changeTypeBody },
  async ({ user, connection, params, body }) =>
    auditedChangeType(await auditContext(user, connection), clientFor(connection), params.id, body),
);

export const { GET, PUT, PATCH, DELETE } = otherMethods("POST");
