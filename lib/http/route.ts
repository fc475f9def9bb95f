import "server-only";
import { markNeedsReconnect } from "@/lib/auth/connections";
import { connectionFor, getSessionUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { config } from "@/lib/config";
import { createRoute } from "./wrapper";

/** The route wrapper every handler uses, wired to the real session, database and origin. */
export const route = createRoute({
  getUser: getSessionUser,
  findConnection: connectionFor,
  allowedOrigin: () => config().publicOrigin,
  markNeedsReconnect: async (connection) => markNeedsReconnect(await getDb(), connection),
});

export { fieldErrors, toErrorResponse, type RouteContext } from "./wrapper";
