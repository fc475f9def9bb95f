import "server-only";
import { and, eq, isNull, or, type SQL } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { savedViews, workspaceSetup, type SavedViewRow } from "@/lib/db/schema";
import { RESOURCES } from "@/lib/search/fields";
import { defaultViews } from "./defaults";
import { invalidViewInput, viewNotFound, viewReadOnly } from "./errors";
import { queryResourceMismatch, type SavedView, type ViewInput, type ViewOwner, type ViewPatch } from "./schemas";

/**
 * Who may see and change a view:
 * - a personal view: its owner only;
 * - a shared view: every lead with the workspace connected sees it, only its owner changes it;
 * - a default (no owner): every lead of the workspace sees, renames and deletes it.
 * Callers have already checked that the user has the workspace connected (the route wrapper).
 * Whatever a user may not see is "not found", so view ids reveal nothing across users.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function ownerOf(row: SavedViewRow, userId: string): ViewOwner {
  if (row.ownerUserId === null) return "default";
  return row.ownerUserId === userId ? "me" : "team";
}

function toView(row: SavedViewRow, userId: string): SavedView {
  const owner = ownerOf(row, userId);
  return {
    id: row.id,
    name: row.name,
    resource: row.resource,
    query: row.query,
    columns: row.columns,
    shared: row.shared,
    owner,
    editable: owner !== "team",
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

function visibleTo(userId: string, workspaceId: string): SQL {
  return and(
    eq(savedViews.workspaceId, workspaceId),
    or(isNull(savedViews.ownerUserId), eq(savedViews.ownerUserId, userId), eq(savedViews.shared, true)),
  )!;
}

function editableBy(userId: string): SQL {
  return or(isNull(savedViews.ownerUserId), eq(savedViews.ownerUserId, userId))!;
}

/**
 * Seeds the workspace's default views the first time anyone lists them, and never again.
 * Several instances may race here: the workspace_setup row is the claim, inserted in the
 * same transaction as the defaults, so exactly one caller seeds and the rest see a conflict
 * (Postgres makes them wait for the winner's commit first).
 */
export async function ensureDefaultViews(db: Db, workspaceId: string): Promise<boolean> {
  const [done] = await db
    .select({ at: workspaceSetup.viewsSeededAt })
    .from(workspaceSetup)
    .where(eq(workspaceSetup.workspaceId, workspaceId));
  if (done?.at) return false;
  return db.transaction(async (tx) => {
    const claimed = await tx
      .insert(workspaceSetup)
      .values({ workspaceId, viewsSeededAt: new Date() })
      .onConflictDoNothing({ target: workspaceSetup.workspaceId })
      .returning({ workspaceId: workspaceSetup.workspaceId });
    if (claimed.length === 0) return false;
    await tx
      .insert(savedViews)
      .values(
        defaultViews().map((v) => ({
          workspaceId,
          ownerUserId: null,
          resource: v.resource,
          name: v.name,
          query: v.query,
          columns: v.columns,
          shared: true,
          systemKey: v.systemKey,
        })),
      )
      .onConflictDoNothing({ target: [savedViews.workspaceId, savedViews.systemKey] });
    return true;
  });
}

/** The views a user sees in a workspace: their own, teammates' shared ones and the defaults. */
export async function listViews(db: Db, userId: string, workspaceId: string): Promise<SavedView[]> {
  const rows = await db.select().from(savedViews).where(visibleTo(userId, workspaceId));
  // Sorted here rather than in SQL: collations differ between PGlite and Postgres servers.
  const rank = (r: SavedViewRow) => RESOURCES.indexOf(r.resource);
  rows.sort(
    (a, b) =>
      rank(a) - rank(b) ||
      a.name.localeCompare(b.name, "en", { sensitivity: "base" }) ||
      a.createdAt.getTime() - b.createdAt.getTime() ||
      a.id.localeCompare(b.id),
  );
  return rows.map((r) => toView(r, userId));
}

async function findVisible(db: Db, userId: string, workspaceId: string, id: string): Promise<SavedViewRow> {
  // A malformed id would make Postgres throw on the uuid cast; it simply names no view.
  if (!UUID.test(id)) throw viewNotFound();
  const [row] = await db
    .select()
    .from(savedViews)
    .where(and(eq(savedViews.id, id), visibleTo(userId, workspaceId)));
  if (!row) throw viewNotFound();
  return row;
}

export async function getView(db: Db, userId: string, workspaceId: string, id: string): Promise<SavedView> {
  return toView(await findVisible(db, userId, workspaceId, id), userId);
}

export async function createView(db: Db, userId: string, workspaceId: string, input: ViewInput): Promise<SavedView> {
  const [row] = await db
    .insert(savedViews)
    .values({
      workspaceId,
      ownerUserId: userId,
      resource: input.resource,
      name: input.name,
      query: input.query,
      columns: input.columns,
      shared: input.shared,
    })
    .returning();
  return toView(row, userId);
}

async function findEditable(db: Db, userId: string, workspaceId: string, id: string): Promise<SavedViewRow> {
  const row = await findVisible(db, userId, workspaceId, id);
  if (ownerOf(row, userId) === "team") throw viewReadOnly();
  return row;
}

export async function updateView(
  db: Db,
  userId: string,
  workspaceId: string,
  id: string,
  patch: ViewPatch,
): Promise<SavedView> {
  const row = await findEditable(db, userId, workspaceId, id);
  // The patch schema cannot know the stored view's resource; these checks need the row.
  const fields: Record<string, string> = {};
  if (patch.query && patch.query.resource !== row.resource)
    fields["query.resource"] = queryResourceMismatch(row.resource, patch.query.resource);
  if (row.ownerUserId === null && patch.shared === false)
    fields.shared = "Default views are shared with the whole workspace. Save a copy to keep a personal one.";
  if (Object.keys(fields).length) throw invalidViewInput(fields);

  const set: Partial<typeof savedViews.$inferInsert> = { updatedAt: new Date() };
  if (patch.name !== undefined) set.name = patch.name;
  if (patch.query !== undefined) set.query = patch.query;
  if (patch.columns !== undefined) set.columns = patch.columns;
  if (patch.shared !== undefined) set.shared = patch.shared;
  // Re-checked in the statement itself: the view may have been deleted since it was read.
  const [updated] = await db
    .update(savedViews)
    .set(set)
    .where(and(eq(savedViews.id, id), eq(savedViews.workspaceId, workspaceId), editableBy(userId)))
    .returning();
  if (!updated) throw viewNotFound();
  return toView(updated, userId);
}

export async function deleteView(db: Db, userId: string, workspaceId: string, id: string): Promise<void> {
  await findEditable(db, userId, workspaceId, id);
  const gone = await db
    .delete(savedViews)
    .where(and(eq(savedViews.id, id), eq(savedViews.workspaceId, workspaceId), editableBy(userId)))
    .returning({ id: savedViews.id });
  if (gone.length === 0) throw viewNotFound();
}
