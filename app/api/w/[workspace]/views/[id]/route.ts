import { getDb } from "@/lib/db/client";
import { route } from "@/lib/http/route";
import { makeViewsHandlers } from "@/lib/views/handlers";
import { otherMethods } from "@/lib/http/methods";

const views = makeViewsHandlers(route, getDb);

export const GET = views.get;
/** Rename, or change the search, columns or sharing. */
export const PATCH = views.update;
export const DELETE = views.remove;

export const { POST, PUT } = otherMethods("GET", "PATCH", "DELETE");
