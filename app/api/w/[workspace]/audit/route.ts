import { makeAuditHandlers } from "@/lib/audit/handlers";
import { getDb } from "@/lib/db/client";
import { route } from "@/lib/http/route";

/** A page of the workspace's audit log, newest first. Read-only: nothing changes or deletes entries. */
const audit = makeAuditHandlers(route, getDb);

export const GET = audit.list;
/** Nothing changes or deletes entries: every other method is a JSON 405. */
export const POST = audit.readOnly;
export const PUT = audit.readOnly;
export const PATCH = audit.readOnly;
export const DELETE = audit.readOnly;
