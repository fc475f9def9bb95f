import { auditContext } from "@/lib/audit/context";
import { auditedConvert } from "@/lib/audit/records";
import { clientFor } from "@/lib/auth/connections";
import { route } from "@/lib/http/route";
import { convertBody } from "@/lib/records/actions";
import { conversationParams } from "@/lib/records/params";
import { otherMethods } from "@/lib/http/methods";

/** Turns a conversation into a ticket; answers the new ticket's id and number. */
export const POST = route(
  { workspace: true, params: conversationParams, body: convertBody },
  async ({ user, connection, params, body }) =>
    auditedConvert(await auditContext(user, connection), clientFor(connection), params.id, body),
);

export const { GET, PUT, PATCH, DELETE } = otherMethods("POST");
