import "server-only";
import { notFound, redirect } from "next/navigation";
import { clientFor, markNeedsReconnect } from "@/lib/auth/connections";
import { connectionFor, getSessionUser, signInPath, type SessionUser } from "@/lib/auth/session";
import { listSessions, viewSession, type SessionView } from "@/lib/auth/sessions";
import { config } from "@/lib/config";
import { getDb } from "@/lib/db/client";
import type { IntercomClient } from "@/lib/intercom/client";
import { IntercomError } from "@/lib/intercom/errors";

/** A page's data, or word that Intercom refuses the connection and the lead must reconnect first. */
export type PageData<T> = { reconnect: false; data: T } | { reconnect: true };

/**
 * Loads what a server-rendered page shows, as the signed-in lead's workspace connection:
 * no session goes to sign-in, a workspace that is not theirs or a record Intercom does not
 * know (404, or an id it refuses) renders the nearest not-found page. A connection whose
 * token Intercom refused is not used again until the lead reconnects: the page shows the
 * reconnect prompt instead.
 */
export async function loadForPage<T>(
  workspace: string,
  load: (client: IntercomClient) => Promise<T>,
): Promise<PageData<T>> {
  const user = await getSessionUser();
  if (!user) redirect(await signInPath());
  const connection = await connectionFor(user, workspace);
  if (!connection) notFound();
  if (connection.status === "needs_reconnect") return { reconnect: true };
  try {
    return { reconnect: false, data: await load(clientFor(connection)) };
  } catch (e) {
    if (e instanceof IntercomError && (e.status === 404 || (e.status === 400 && e.code === "parameter_invalid")))
      notFound();
    if (e instanceof IntercomError && e.status === 401) {
      await markNeedsReconnect(await getDb(), connection).catch(() => {});
      return { reconnect: true };
    }
    throw e;
  }
}

/** The title of a page that waits for the workspace to be reconnected. */
export const RECONNECT_TITLE = "Reconnect the workspace";

/** Ids in page URLs are Intercom's: letters, digits, "_" and "-". Anything else is no record. */
export function pageRecordId(id: string): string {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(id)) notFound();
  return id;
}

/** The lead's live sessions as **Active sessions** lists them, this one marked `current`. */
export async function ownSessions(user: SessionUser): Promise<SessionView[]> {
  const rows = await listSessions(await getDb(), user.id, config().session);
  return rows.map((row) => viewSession(row, user.sessionId));
}
