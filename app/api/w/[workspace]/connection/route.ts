import { deleteConnection } from "@/lib/auth/connections";
import { getDb } from "@/lib/db/client";
import { route } from "@/lib/http/route";

/** Disconnect: forget this workspace's connection and its token. */
export const DELETE = route({ workspace: true, intercom: false }, async ({ user, connection }) => {
  await deleteConnection(await getDb(), user.id, connection.workspaceId);
  return { disconnected: connection.workspaceId };
});
