import { auditContext } from "@/lib/audit/context";
import { auditedConversationAction } from "@/lib/audit/records";
import { clientFor } from "@/lib/auth/connections";
import { conversationChange } from "@/lib/changes/schema";
import { loadCatalog } from "@/lib/catalog/server";
import { route } from "@/lib/http/route";
import { conversationParams } from "@/lib/records/params";
import { otherMethods } from "@/lib/http/methods";

/** One action on a conversation: replies and notes, assignment, snooze, close, reopen, priority, tags, read, redaction. Each is audited. */
export const POST = route(
  { workspace: true, params: conversationParams, body: conversationChange },
  async ({ user, connection, params, body }) => {
    const client = clientFor(connection);
    const catalog = await loadCatalog(client, connection.workspaceId);
    await auditedConversationAction(await auditContext(user, connection), client, catalog, params.id, body);
    return { ok: true };
  },
);

export const { GET, PUT, PATCH, DELETE } = otherMethods("POST");
