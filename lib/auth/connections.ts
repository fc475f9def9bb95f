import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { authSecret, config } from "@/lib/config";
import type { Db } from "@/lib/db/client";
import { users, workspaceConnections, type WorkspaceConnection } from "@/lib/db/schema";
import { IntercomClient } from "@/lib/intercom/client";
import { apiBaseUrl } from "@/lib/intercom/regions";
import type { Transport } from "@/lib/intercom/transport";
import { decryptToken, deriveKey, encryptToken } from "./crypto";

/** What pages and the browser may know about a connection: never its token. */
export interface ConnectionSummary {
  workspaceId: string;
  workspaceName: string;
  region: string;
  timezone: string;
  target: "intercom" | "sandbox";
  adminId: string;
  adminName: string;
  adminEmail: string;
  status: "active" | "needs_reconnect";
}

export function summarize(c: WorkspaceConnection): ConnectionSummary {
  return {
    workspaceId: c.workspaceId,
    workspaceName: c.workspaceName,
    region: c.region,
    timezone: c.timezone,
    target: c.target,
    adminId: c.adminId,
    adminName: c.adminName,
    adminEmail: c.adminEmail,
    status: c.status,
  };
}

let key: Buffer | undefined;
const tokenKey = () => (key ??= deriveKey(authSecret()));
const associated = (userId: string, workspaceId: string) => `${userId}:${workspaceId}`;

export async function upsertUser(db: Db, email: string, name: string | null): Promise<string> {
  const normalized = email.trim().toLowerCase();
  const [row] = await db
    .insert(users)
    .values({ email: normalized, name })
    .onConflictDoUpdate({ target: users.email, set: { name, updatedAt: new Date() } })
    .returning({ id: users.id });
  return row.id;
}

export async function findUserIdByEmail(db: Db, email: string): Promise<string | null> {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.email, email.trim().toLowerCase()));
  return row?.id ?? null;
}

export interface NewConnection {
  userId: string;
  workspaceId: string;
  workspaceName: string;
  region: string;
  timezone: string;
  target: "intercom" | "sandbox";
  adminId: string;
  adminName: string;
  adminEmail: string;
  accessToken: string;
}

/** Stores (or refreshes, on reconnect) a workspace connection with its token sealed. */
export async function upsertConnection(db: Db, c: NewConnection): Promise<void> {
  const tokenCiphertext = encryptToken(tokenKey(), c.accessToken, associated(c.userId, c.workspaceId));
  const values = {
    userId: c.userId,
    workspaceId: c.workspaceId,
    workspaceName: c.workspaceName,
    region: c.region,
    timezone: c.timezone,
    target: c.target,
    adminId: c.adminId,
    adminName: c.adminName,
    adminEmail: c.adminEmail,
    tokenCiphertext,
    status: "active" as const,
  };
  await db
    .insert(workspaceConnections)
    .values(values)
    .onConflictDoUpdate({
      target: [workspaceConnections.userId, workspaceConnections.workspaceId],
      set: { ...values, updatedAt: new Date() },
    });
  forget(c.userId, c.workspaceId);
}

export async function listConnections(db: Db, userId: string): Promise<ConnectionSummary[]> {
  const rows = await db
    .select()
    .from(workspaceConnections)
    .where(eq(workspaceConnections.userId, userId))
    .orderBy(asc(workspaceConnections.createdAt));
  return rows.map(summarize);
}

/**
 * Every API call looks its connection up, so lookups are kept for a few seconds. Changes
 * made by this instance drop them at once; another instance's disconnect takes effect
 * within CACHE_MS.
 */
const CACHE_MS = 5_000;
// One cache per process, not per bundle: route handlers, pages and the sign-in callback are
// bundled apart, and a reconnect or a refused token seen by one must be seen by all at once.
const globalForConnections = globalThis as unknown as {
  __connectionCache?: Map<string, { row: WorkspaceConnection | null; until: number }>;
};
const cache = (globalForConnections.__connectionCache ??= new Map());
const cacheKey = (userId: string, workspaceId: string) => `${userId}\u0000${workspaceId}`;

function forget(userId: string, workspaceId?: string): void {
  if (workspaceId !== undefined) {
    cache.delete(cacheKey(userId, workspaceId));
    return;
  }
  for (const key of cache.keys()) if (key.startsWith(`${userId}\u0000`)) cache.delete(key);
}

export async function findConnection(db: Db, userId: string, workspaceId: string): Promise<WorkspaceConnection | null> {
  const key = cacheKey(userId, workspaceId);
  const hit = cache.get(key);
  if (hit && hit.until > Date.now()) return hit.row;
  const [row] = await db
    .select()
    .from(workspaceConnections)
    .where(and(eq(workspaceConnections.userId, userId), eq(workspaceConnections.workspaceId, workspaceId)));
  if (cache.size > 10_000) cache.clear();
  cache.set(key, { row: row ?? null, until: Date.now() + CACHE_MS });
  return row ?? null;
}

export async function markNeedsReconnect(
  db: Db,
  connection: Pick<WorkspaceConnection, "id" | "userId" | "workspaceId">,
): Promise<void> {
  await db
    .update(workspaceConnections)
    .set({ status: "needs_reconnect", updatedAt: new Date() })
    .where(eq(workspaceConnections.id, connection.id));
  forget(connection.userId, connection.workspaceId);
}

export async function deleteConnection(db: Db, userId: string, workspaceId: string): Promise<boolean> {
  const rows = await db
    .delete(workspaceConnections)
    .where(and(eq(workspaceConnections.userId, userId), eq(workspaceConnections.workspaceId, workspaceId)))
    .returning({ id: workspaceConnections.id });
  forget(userId, workspaceId);
  return rows.length > 0;
}

/**
 * A client acting with this connection's token (decrypted only here, on the server), and
 * as this connection's admin on every write.
 */
export function clientFor(
  connection: WorkspaceConnection,
  version = config().intercomVersion,
  transport?: Transport,
): IntercomClient {
  const token = decryptToken(
    tokenKey(),
    connection.tokenCiphertext,
    associated(connection.userId, connection.workspaceId),
  );
  return new IntercomClient({
    baseUrl: apiBaseUrl(connection.target, connection.region, config().sandbox.url),
    token,
    version,
    timeoutMs: config().upstreamTimeoutMs,
    actingAdminId: connection.adminId,
    transport,
  });
}
