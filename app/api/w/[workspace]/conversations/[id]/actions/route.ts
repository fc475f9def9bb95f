import { clientFor } from "@/lib/auth/connections";
import { loadCatalog } from "@/lib/catalog/server";
import { route } from "@/lib/http/route";
import { conversationAction } from "@/lib/records/actions";
import { recordId } from "@/lib/records/params";
import { runConversationAction } from "@/lib/records/run-actions";

/** One action on a conversation: replies and notes, assignment, snooze, close, reopen, priority, tags, read, redaction. */
export const POST = route({ workspace: true, body: conversationAction }, async ({ connection, params, body }) => {
  const client = clientFor(connection);
  await runConversationAction(client, await loadCatalog(client, connection.workspaceId), connection.adminId, recordId(params, "conversation"), body);
  return { ok: true };
});
