import { actorOf, recordAudit } from "@/lib/audit/store";
import { deleteConnection } from "@/lib/auth/connections";
import { getDb } from "@/lib/db/client";
import { route } from "@/lib/http/route";
import { otherMethods } from "@/lib/http/methods";

/** Disconnect: forget this workspace's connection and its token (the audit log keeps the event). */
export const DELETE = route({ workspace: true, intercom: false }, async ({ user, connection }) => {
  const db = await getDb();
  await deleteConnection(db, user.id, connection.workspaceId);
  await recordAudit(db, {
    workspaceId: connection.workspaceId,
    actor: actorOf(user, connection),
    action: "workspace.disconnected",
    recordType: "workspace",
    recordId: connection.workspaceId,
    summary: `Disconnected ${connection.workspaceName}`,
    before: { connected: true, admin: connection.adminEmail },
    after: { connected: false },
  });
  return { disconnected: connection.workspaceId };
});

export const { GET, POST, PUT, PATCH } = otherMethods("DELETE");
