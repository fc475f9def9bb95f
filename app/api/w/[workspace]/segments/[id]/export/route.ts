import { route } from "@/lib/http/route";
import { makeSegmentExportHandlers } from "@/lib/segments/export-handlers";
import { otherMethods } from "@/lib/http/methods";

const handlers = makeSegmentExportHandlers(route);

/** A segment's members as CSV, streamed page by page. */
export const GET = handlers.start;

/** Stops a running export of this lead's by its id. */
export const DELETE = handlers.cancel;

export const { POST, PUT, PATCH } = otherMethods("GET", "DELETE");
