import "server-only";
import { decode } from "next-auth/jwt";
import { cookies, headers } from "next/headers";
import { cache } from "react";
import { authSecret, config } from "@/lib/config";
import { getDb } from "@/lib/db/client";
import type { WorkspaceConnection } from "@/lib/db/schema";
import { findConnection, listConnections, type ConnectionSummary } from "./connections";
import { liveSession } from "./sessions";

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  /** The workspace signed in with most recently. */
  lastWorkspace: string | null;
  /** The server-side session this request belongs to. */
  sessionId: string;
}

export function sessionCookieName(): string {
  return config().publicUrl.startsWith("https://") ? "__Secure-next-auth.session-token" : "next-auth.session-token";
}

/**
 * The signed-in lead: next-auth's encrypted cookie names the lead and a session held on the
 * server, and the session must still be live (not signed out, ended from another device,
 * idle or past its lifetime). Decrypting the cookie is most of a request's cost, so a
 * verified cookie is remembered briefly; the session row is read on every request, so an
 * ended session stops working at once on every instance. A page's layout and its data
 * share one check per request.
 */
export const getSessionUser = cache(readSessionUser);

async function readSessionUser(): Promise<SessionUser | null> {
  const raw = (await cookies()).get(sessionCookieName())?.value;
  if (!raw) return null;
  const user = await decodeCookie(raw);
  if (!user) return null;
  const live = await liveSession(await getDb(), user.sessionId, user.id, config().session);
  return live ? user : null;
}

async function decodeCookie(raw: string): Promise<SessionUser | null> {
  const hit = decoded.get(raw);
  if (hit && hit.until > Date.now()) return hit.user;
  const token = await decode({ token: raw, secret: authSecret() }).catch(() => null);
  if (
    !token ||
    typeof token.uid !== "string" ||
    !token.uid ||
    typeof token.email !== "string" ||
    typeof token.sid !== "string" ||
    !token.sid
  )
    return null;
  const user: SessionUser = {
    id: token.uid,
    email: token.email,
    name: typeof token.name === "string" ? token.name : "",
    lastWorkspace: typeof token.ws === "string" ? token.ws : null,
    sessionId: token.sid,
  };
  if (decoded.size > 5_000) decoded.clear();
  decoded.set(raw, {
    user,
    until: Math.min(Date.now() + DECODED_MS, typeof token.exp === "number" ? token.exp * 1000 : 0),
  });
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

/**
 * The sign-in page for a request that has no live session, coming back to the page asked
 * for; it says the session ended when the browser still holds a cookie of an ended one.
 */
export async function signInPath(): Promise<string> {
  const [jar, h] = await Promise.all([cookies(), headers()]);
  const params = new URLSearchParams();
  if (jar.has(sessionCookieName())) params.set("error", "expired");
  const here = h.get("x-request-path");
  if (here && here !== "/" && !here.startsWith("/signin")) params.set("callbackUrl", here);
  const query = params.toString();
  return query ? `/signin?${query}` : "/signin";
}
