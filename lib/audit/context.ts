import "server-only";
import type { SessionUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import type { WorkspaceConnection } from "@/lib/db/schema";
import type { AuditContext } from "./records";
import { actorOf } from "./store";

/** Who is acting, where, and the database to record it in: for route handlers. */
export async function auditContext(user: SessionUser, connection: WorkspaceConnection): Promise<AuditContext> {
  return { db: await getDb(), actor: actorOf(user, connection), workspaceId: connection.workspaceId };
}
