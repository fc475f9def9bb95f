import "server-only";
import { notFound, redirect } from "next/navigation";
import { clientFor } from "@/lib/auth/connections";
import { connectionFor, getSessionUser, signInPath } from "@/lib/auth/session";
import type { IntercomClient } from "@/lib/intercom/client";
import { IntercomError } from "@/lib/intercom/errors";

/**
 * Loads what a server-rendered page shows, as the signed-in lead's workspace connection:
 * no session goes to sign-in, a workspace that is not theirs or a record Intercom does not
 * know (404, or an id it refuses) renders the nearest not-found page.
 */
export async function loadForPage<T>(workspace: string, load: (client: IntercomClient) => Promise<T>): Promise<T> {
  const user = await getSessionUser();
  if (!user) redirect(await signInPath());
  const connection = await connectionFor(user, workspace);
  if (!connection) notFound();
  try {
    return await load(clientFor(connection));
  } catch (e) {
    if (e instanceof IntercomError && (e.status === 404 || (e.status === 400 && e.code === "parameter_invalid"))) notFound();
    throw e;
  }
}

/** Ids in page URLs are Intercom's: letters, digits, "_" and "-". Anything else is no record. */
export function pageRecordId(id: string): string {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(id)) notFound();
  return id;
}
