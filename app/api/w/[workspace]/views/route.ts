import { getDb } from "@/lib/db/client";
import { route } from "@/lib/http/route";
import { makeViewsHandlers } from "@/lib/views/handlers";
import { otherMethods } from "@/lib/http/methods";

const views = makeViewsHandlers(route, getDb);

/** The views a lead sees in this workspace (seeding the defaults on first use). */
export const GET = views.list;
/** Save a new view, personal or shared. */
export const POST = views.create;

export const { PUT, PATCH, DELETE } = otherMethods("GET", "POST");
