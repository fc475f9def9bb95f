import { createHash, randomBytes } from "node:crypto";
import { and, desc, eq, lt, ne, or } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { sessions, type SessionRow } from "@/lib/db/schema";

/**
 * Sessions held on the server. The cookie names a row here; the row is what keeps the
 * session alive. Deleting it (sign-out, "End session", expiry) ends the session at once on
 * every instance, whatever the cookie still says.
 */
export interface SessionLimits {
  /** Seconds from sign-in after which the session ends, however active. */
  maxAgeS: number;
  /** Seconds without a request after which the session ends. */
  idleS: number;
}

/** lastSeenAt is written at most this often: enough for an idle timeout counted in minutes. */
export const TOUCH_EVERY_MS = 60_000;

export interface NewSession {
  userId: string;
  userAgent: string | null;
  ip: string | null;
}

export async function createSession(db: Db, s: NewSession, limits: SessionLimits, now = new Date()): Promise<string> {
  const id = randomBytes(32).toString("base64url");
  await db.insert(sessions).values({
    id,
    userId: s.userId,
    userAgent: s.userAgent?.slice(0, 512) ?? null,
    ip: s.ip?.slice(0, 64) ?? null,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + limits.maxAgeS * 1000),
  });
  return id;
}

/** Why a session is not live, or null when it is. */
export function sessionEnded(
  row: Pick<SessionRow, "expiresAt" | "lastSeenAt">,
  limits: SessionLimits,
  now: Date,
): "expired" | "idle" | null {
  if (row.expiresAt.getTime() <= now.getTime()) return "expired";
  if (row.lastSeenAt.getTime() + limits.idleS * 1000 <= now.getTime()) return "idle";
  return null;
}

/**
 * The live session with this id for this user, or null. Counts the request as activity; a
 * session past either limit is deleted and never comes back.
 */
export async function liveSession(
  db: Db,
  id: string,
  userId: string,
  limits: SessionLimits,
  now = new Date(),
): Promise<SessionRow | null> {
  const [row] = await db
    .select()
    .from(sessions)
    .where(and(eq(sessions.id, id), eq(sessions.userId, userId)));
  if (!row) return null;
  if (sessionEnded(row, limits, now)) {
    await db.delete(sessions).where(eq(sessions.id, id));
    return null;
  }
  // Written at most once a minute, and often enough for a short idle timeout to count every request.
  if (now.getTime() - row.lastSeenAt.getTime() >= Math.min(TOUCH_EVERY_MS, limits.idleS * 100)) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, id));
    return { ...row, lastSeenAt: now };
  }
  return row;
}

/** The user's live sessions, most recently used first. */
export async function listSessions(
  db: Db,
  userId: string,
  limits: SessionLimits,
  now = new Date(),
): Promise<SessionRow[]> {
  const rows = await db.select().from(sessions).where(eq(sessions.userId, userId)).orderBy(desc(sessions.lastSeenAt));
  return rows.filter((row) => sessionEnded(row, limits, now) === null);
}

/** Ends one of the user's sessions; false when there was no such session of theirs. */
export async function endSession(db: Db, userId: string, id: string): Promise<boolean> {
  const rows = await db
    .delete(sessions)
    .where(and(eq(sessions.id, id), eq(sessions.userId, userId)))
    .returning({ id: sessions.id });
  return rows.length > 0;
}

/** Ends every session of the user but one; answers how many ended. */
export async function endOtherSessions(db: Db, userId: string, keepId: string): Promise<number> {
  const rows = await db
    .delete(sessions)
    .where(and(eq(sessions.userId, userId), ne(sessions.id, keepId)))
    .returning({ id: sessions.id });
  return rows.length;
}

/** Removes sessions past either limit (they are already refused; this only tidies). */
export async function sweepSessions(db: Db, limits: SessionLimits, now = new Date()): Promise<number> {
  const idleBefore = new Date(now.getTime() - limits.idleS * 1000);
  const rows = await db
    .delete(sessions)
    .where(or(lt(sessions.expiresAt, now), lt(sessions.lastSeenAt, idleBefore)))
    .returning({ id: sessions.id });
  return rows.length;
}

/** "Chrome on macOS" from a User-Agent header, for the sessions list. */
export function describeDevice(userAgent: string | null): string {
  if (!userAgent) return "Unknown device";
  const browser = /Edg\//.test(userAgent)
    ? "Edge"
    : /Firefox\//.test(userAgent)
      ? "Firefox"
      : /HeadlessChrome\//.test(userAgent)
        ? "Headless Chrome"
        : /Chrome\/|Chromium\//.test(userAgent)
          ? "Chrome"
          : /Safari\//.test(userAgent)
            ? "Safari"
            : /curl\//i.test(userAgent)
              ? "curl"
              : "Browser";
  const os = /Windows/.test(userAgent)
    ? "Windows"
    : /iPhone|iPad/.test(userAgent)
      ? "iOS"
      : /Mac OS X|Macintosh/.test(userAgent)
        ? "macOS"
        : /Android/.test(userAgent)
          ? "Android"
          : /Linux/.test(userAgent)
            ? "Linux"
            : null;
  return os ? `${browser} on ${os}` : browser;
}

/**
 * How a session is named to the browser: a digest of its id, never the id itself, so the
 * sessions list cannot leak anything that identifies a live session to the server.
 */
export function sessionHandle(id: string): string {
  return createHash("sha256").update(id).digest("base64url").slice(0, 22);
}

/** What the lead sees of one of their sessions. */
export interface SessionView {
  handle: string;
  device: string;
  ip: string | null;
  createdAt: string;
  lastSeenAt: string;
  current: boolean;
}

export function viewSession(row: SessionRow, currentId: string): SessionView {
  return {
    handle: sessionHandle(row.id),
    device: describeDevice(row.userAgent),
    ip: row.ip,
    createdAt: row.createdAt.toISOString(),
    lastSeenAt: row.lastSeenAt.toISOString(),
    current: row.id === currentId,
  };
}

/** Ends one of the user's sessions named by its handle; what it was, or null when there is none. */
export async function endSessionByHandle(
  db: Db,
  userId: string,
  handle: string,
): Promise<{ device: string; ip: string | null } | null> {
  const rows = await db.select().from(sessions).where(eq(sessions.userId, userId));
  const match = rows.find((r) => sessionHandle(r.id) === handle);
  if (!match || !(await endSession(db, userId, match.id))) return null;
  return { device: describeDevice(match.userAgent), ip: match.ip };
}
