import { clientFor } from "@/lib/auth/connections";
import { route } from "@/lib/http/route";
import { convertBody } from "@/lib/records/actions";
import { recordId } from "@/lib/records/params";
import { convertConversation } from "@/lib/records/type-change";

/** Turns a conversation into a ticket; answers the new ticket's id and number. */
export const POST = route({ workspace: true, body: convertBody }, async ({ connection, params, body }) =>
  convertConversation(clientFor(connection), connection.workspaceId, recordId(params, "conversation"), body),
);
