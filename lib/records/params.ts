import { intercomIdParams } from "@/lib/http/params";

/** The `[id]` of a record's routes, for the route wrapper's `params`: anything not an Intercom id is a 404. */
export const ticketParams = intercomIdParams("ticket");
export const conversationParams = intercomIdParams("conversation");
export const segmentParams = intercomIdParams("segment");
