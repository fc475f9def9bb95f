import { makeAuditHandlers } from "@/lib/audit/handlers";
import { getDb } from "@/lib/db/client";
import { route } from "@/lib/http/route";

/** The workspace's audit log as CSV, with the same filters as the page. */
const audit = makeAuditHandlers(route, getDb);

export const GET = audit.export;
/** Nothing changes or deletes entries: every other method is a JSON 405. */
export const POST = audit.readOnly;
export const PUT = audit.readOnly;
export const PATCH = audit.readOnly;
export const DELETE = audit.readOnly;
