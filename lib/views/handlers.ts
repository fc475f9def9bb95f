import "server-only";
import type { Db } from "@/lib/db/client";
import type { createRoute } from "@/lib/http/wrapper";
import { createView, deleteView, ensureDefaultViews, getView, listViews, updateView } from "./repository";
import { viewInput, viewPatch } from "./schemas";

type Route = ReturnType<typeof createRoute>;

/**
 * The saved-view route handlers, built from a route wrapper and a database so tests can run
 * them with a fake session and a throwaway database; the route files pass the real ones.
 */
export function makeViewsHandlers(route: Route, getDb: () => Promise<Db>) {
  const viewId = (params: Record<string, string | string[] | undefined>) => (typeof params.id === "string" ? params.id : "");

  return {
    /** GET /api/w/[workspace]/views → { views } */
    list: route({ workspace: true, intercom: false }, async ({ user, connection }) => {
      const db = await getDb();
      await ensureDefaultViews(db, connection.workspaceId);
      return { views: await listViews(db, user.id, connection.workspaceId) };
    }),

    /** POST /api/w/[workspace]/views → 201 with the view */
    create: route({ workspace: true, intercom: false, body: viewInput }, async ({ user, connection, body }) => {
      const view = await createView(await getDb(), user.id, connection.workspaceId, body);
      return Response.json(view, { status: 201, headers: { "Cache-Control": "no-store" } });
    }),

    /** GET /api/w/[workspace]/views/[id] → the view */
    get: route({ workspace: true, intercom: false }, async ({ user, connection, params }) =>
      getView(await getDb(), user.id, connection.workspaceId, viewId(params)),
    ),

    /** PATCH /api/w/[workspace]/views/[id] → the updated view */
    update: route({ workspace: true, intercom: false, body: viewPatch }, async ({ user, connection, params, body }) =>
      updateView(await getDb(), user.id, connection.workspaceId, viewId(params), body),
    ),

    /** DELETE /api/w/[workspace]/views/[id] → { deleted: id } */
    remove: route({ workspace: true, intercom: false }, async ({ user, connection, params }) => {
      const id = viewId(params);
      await deleteView(await getDb(), user.id, connection.workspaceId, id);
      return { deleted: id };
    }),
  };
}
