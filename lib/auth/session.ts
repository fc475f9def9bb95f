import "server-only";
import { decode } from "next-auth/jwt";
import { cookies } from "next/headers";
import { authSecret, config } from "@/lib/config";
import { getDb } from "@/lib/db/client";
import type { WorkspaceConnection } from "@/lib/db/schema";
import { findConnection, listConnections, type ConnectionSummary } from "./connections";

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  /** The workspace signed in with most recently. */
  lastWorkspace: string | null;
}

export function sessionCookieName(): string {
  return config().publicUrl.startsWith("https://") ? "__Secure-next-auth.session-token" : "next-auth.session-token";
}

/**
 * The signed-in lead, read straight from next-auth's encrypted session cookie. Every
 * request checks it, so it skips getServerSession's full round (which re-encrypts the
 * cookie each time) and only decrypts and verifies it.
 */
export async function getSessionUser(): Promise<SessionUser | null> {
  const raw = (await cookies()).get(sessionCookieName())?.value;
  if (!raw) return null;
  const hit = decoded.get(raw);
  if (hit && hit.until > Date.now()) return hit.user;
  const token = await decode({ token: raw, secret: authSecret() }).catch(() => null);
  if (!token || typeof token.uid !== "string" || !token.uid || typeof token.email !== "string") return null;
  const user = {
    id: token.uid,
    email: token.email,
    name: typeof token.name === "string" ? token.name : "",
    lastWorkspace: typeof token.ws === "string" ? token.ws : null,
  };
  // A verified cookie is remembered briefly (never past its own expiry): decrypting it is most of a request's cost.
  if (decoded.size > 5_000) decoded.clear();
  decoded.set(raw, { user, until: Math.min(Date.now() + DECODED_MS, typeof token.exp === "number" ? token.exp * 1000 : 0) });
  return user;
}

const DECODED_MS = 60_000;
const decoded = new Map<string, { user: SessionUser; until: number }>();

/** The signed-in lead's connection to a workspace, or null when it is not theirs. */
export async function connectionFor(user: SessionUser, workspaceId: string): Promise<WorkspaceConnection | null> {
  return findConnection(await getDb(), user.id, workspaceId);
}

export async function connectionsOf(user: SessionUser): Promise<ConnectionSummary[]> {
  return listConnections(await getDb(), user.id);
}
