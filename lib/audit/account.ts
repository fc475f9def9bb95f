import "server-only";
import { listConnections } from "@/lib/auth/connections";
import type { Db } from "@/lib/db/client";
import { recordAudit } from "./store";

/**
 * Events of a lead's account (signing out, ending a session) concern every workspace they
 * have connected: each workspace's log gets the entry, as that workspace's admin.
 */
export async function recordAccountEvent(
  db: Db,
  user: { id: string; email: string; name: string | null },
  action: "auth.sign_out" | "auth.session_ended",
  summary: string,
  detail?: unknown,
): Promise<void> {
  const connections = await listConnections(db, user.id).catch(() => []);
  await recordAudit(
    db,
    connections.map((c) => ({
      workspaceId: c.workspaceId,
      actor: { userId: user.id, email: user.email, name: user.name || null, adminId: c.adminId },
      action,
      recordType: "workspace" as const,
      recordId: c.workspaceId,
      summary,
      after: detail,
    })),
  );
}
