import "server-only";
import * as z from "zod/mini";
import { actorOf, recordAudit } from "@/lib/audit/store";
import type { Db } from "@/lib/db/client";
import type { createRoute } from "@/lib/http/wrapper";
import { createView, deleteView, ensureDefaultViews, getView, listViews, updateView } from "./repository";
import { viewInput, viewPatch, type SavedView } from "./schemas";

type Route = ReturnType<typeof createRoute>;

/** The `[id]` of a view's routes; the repository answers `view_not_found` for one that is not a view's. */
const viewParams = z.object({ id: z.string({ error: "That view was not found." }) });

/** What the audit log keeps of a view: enough to tell what changed. */
const kept = (v: SavedView) => ({
  name: v.name,
  resource: v.resource,
  shared: v.shared,
  columns: v.columns,
  query: v.query,
});

/**
 * The saved-view route handlers, built from a route wrapper and a database so tests can run
 * them with a fake session and a throwaway database; the route files pass the real ones.
 */
export function makeViewsHandlers(route: Route, getDb: () => Promise<Db>) {
  return {
    /** GET /api/w/[workspace]/views → { views } */
    list: route({ workspace: true, intercom: false }, async ({ user, connection }) => {
      const db = await getDb();
      await ensureDefaultViews(db, connection.workspaceId);
      return { views: await listViews(db, user.id, connection.workspaceId) };
    }),

    /** POST /api/w/[workspace]/views → 201 with the view */
    create: route({ workspace: true, intercom: false, body: viewInput }, async ({ user, connection, body }) => {
      const db = await getDb();
      const view = await createView(db, user.id, connection.workspaceId, body);
      await recordAudit(db, {
        workspaceId: connection.workspaceId,
        actor: actorOf(user, connection),
        action: "view.created",
        recordType: "view",
        recordId: view.id,
        summary: `Saved the ${view.shared ? "shared" : "personal"} view ${view.name}`,
        after: kept(view),
      });
      return Response.json(view, { status: 201, headers: { "Cache-Control": "no-store" } });
    }),

    /** GET /api/w/[workspace]/views/[id] → the view */
    get: route({ workspace: true, intercom: false, params: viewParams }, async ({ user, connection, params }) =>
      getView(await getDb(), user.id, connection.workspaceId, params.id),
    ),

    /** PATCH /api/w/[workspace]/views/[id] → the updated view */
    update: route(
      { workspace: true, intercom: false, params: viewParams, body: viewPatch },
      async ({ user, connection, params, body }) => {
        const db = await getDb();
        const before = await getView(db, user.id, connection.workspaceId, params.id);
        const view = await updateView(db, user.id, connection.workspaceId, params.id, body);
        await recordAudit(db, {
          workspaceId: connection.workspaceId,
          actor: actorOf(user, connection),
          action: "view.updated",
          recordType: "view",
          recordId: view.id,
          summary:
            before.name === view.name
              ? `Changed the view ${view.name}`
              : `Renamed the view ${before.name} to ${view.name}`,
          before: kept(before),
          after: kept(view),
        });
        return view;
      },
    ),

    /** DELETE /api/w/[workspace]/views/[id] → { deleted: id } */
    remove: route({ workspace: true, intercom: false, params: viewParams }, async ({ user, connection, params }) => {
      const id = params.id;
      const db = await getDb();
      const before = await getView(db, user.id, connection.workspaceId, id);
      await deleteView(db, user.id, connection.workspaceId, id);
      await recordAudit(db, {
        workspaceId: connection.workspaceId,
        actor: actorOf(user, connection),
        action: "view.deleted",
        recordType: "view",
        recordId: id,
        summary: `Deleted the view ${before.name}`,
        before: kept(before),
      });
      return { deleted: id };
    }),
  };
}
