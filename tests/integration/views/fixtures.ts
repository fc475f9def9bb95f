/** Shared by the saved-view tests: leads with connected workspaces, queries, and a database snapshot. */
import { asc } from "drizzle-orm";
import { upsertConnection, upsertUser } from "@/lib/auth/connections";
import type { SessionUser } from "@/lib/auth/session";
import type { Db } from "@/lib/db/client";
import { savedViews, workspaceSetup } from "@/lib/db/schema";
import type { Resource } from "@/lib/search/fields";
import { viewInput, type ViewInputValues } from "@/lib/views/schemas";

/** A lead signed in with the given workspaces connected. */
export async function lead(db: Db, email: string, workspaces: string[]): Promise<SessionUser> {
  const name = email.split("@")[0];
  const id = await upsertUser(db, email, name);
  for (const workspaceId of workspaces) {
    await upsertConnection(db, {
      userId: id,
      workspaceId,
      workspaceName: workspaceId,
      region: "US",
      timezone: "UTC",
      target: "sandbox",
      adminId: "1",
      adminName: name,
      adminEmail: email,
      accessToken: `sbx_oat_${name}_${workspaceId}`,
    });
  }
  return { id, email, name, lastWorkspace: workspaces[0] ?? null, sessionId: `session-${name}` };
}

/** A query as the browser sends it: no node ids. */
export function rawQuery(
  resource: Resource,
  children: unknown[] = [{ kind: "filter", field: "open", operator: "=", value: true }],
) {
  return { resource, root: { kind: "group", operator: "AND", children } };
}

/** A view's fields as a form would send them. */
export function viewBody(
  resource: Resource,
  name: string,
  shared: boolean,
  extra: Partial<ViewInputValues> = {},
): ViewInputValues {
  return { name, resource, query: rawQuery(resource), columns: ["title", "state"], shared, ...extra };
}

/** The same, parsed as the route handler would hand it to the repository. */
export const parsedView = (...args: Parameters<typeof viewBody>) => viewInput.parse(viewBody(...args));

/** Everything the saved-view tables hold, to prove a refused request changed nothing. */
export async function snapshot(db: Db): Promise<string> {
  const views = await db.select().from(savedViews).orderBy(asc(savedViews.id));
  const setup = await db.select().from(workspaceSetup).orderBy(asc(workspaceSetup.workspaceId));
  return JSON.stringify({ views, setup });
}
