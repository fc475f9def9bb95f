import "server-only";
import { and, desc, eq, gte, like, lt, lte, or, sql, type SQL } from "drizzle-orm";
import { ROWS_PER_INSERT } from "@/lib/db/batches";
import type { Db } from "@/lib/db/client";
import { auditLog, type AuditRow } from "@/lib/db/schema";
import { parseTime, type AuditFilters } from "./schema";
import type { AuditActor, AuditEntry, AuditPage, AuditView } from "./types";

export const AUDIT_PAGE_SIZE = 50;

/** The actor of a request: the signed-in lead, acting as their admin in the workspace. */
export function actorOf(
  user: { id: string; email: string; name: string },
  connection?: { adminId: string } | null,
): AuditActor {
  return { userId: user.id, email: user.email, name: user.name || null, adminId: connection?.adminId ?? null };
}

/**
 * The one place that writes the audit log. It never throws: a change that already happened
 * must not be answered as an error because its record could not be written. A failed write is
 * logged loudly with the entry itself, so the change can still be traced from the server log.
 * Answers whether the rows were written.
 */
export async function recordAudit(db: Db, entries: AuditEntry | AuditEntry[]): Promise<boolean> {
  const list = Array.isArray(entries) ? entries : [entries];
  if (list.length === 0) return true;
  const now = new Date();
  // Times are kept to the millisecond, as the keyset cursor carries them.
  const rows = list.map((e) => ({
    at: e.at ? new Date(e.at.getTime()) : now,
    workspaceId: e.workspaceId,
    userId: e.actor.userId,
    actorEmail: e.actor.email,
    actorName: e.actor.name,
    adminId: e.actor.adminId,
    action: e.action,
    recordType: e.recordType ?? null,
    recordId: e.recordId ?? null,
    summary: e.summary.slice(0, 1000),
    before: e.before ?? null,
    after: e.after ?? null,
    jobId: e.jobId ?? null,
    outcome: e.outcome ?? ("succeeded" as const),
  }));
  try {
    for (let i = 0; i < rows.length; i += ROWS_PER_INSERT)
      await db.insert(auditLog).values(rows.slice(i, i + ROWS_PER_INSERT));
    return true;
  } catch (e) {
    console.error(
      `AUDIT WRITE FAILED: ${rows.length} entr${rows.length === 1 ? "y" : "ies"} not recorded: ${(e as Error).message}\n` +
        rows.map((r) => JSON.stringify({ ...r, before: undefined, after: undefined })).join("\n"),
    );
    return false;
  }
}

export interface Described {
  summary: string;
  before?: unknown;
  after?: unknown;
}

/**
 * Runs a change and records it either way, right after it: succeeded with what `describe`
 * says, or failed with the same description, the error's words and nothing after.
 * `describe` gets the change's result, or undefined when it failed.
 */
export async function audited<T>(
  db: Db,
  base: Omit<AuditEntry, "summary" | "before" | "after" | "outcome">,
  change: () => Promise<T>,
  describe: (result: T | undefined) => Described,
): Promise<T> {
  let result: T;
  try {
    result = await change();
  } catch (e) {
    const d = describe(undefined);
    const why = ((e as Error)?.message ?? "failed").slice(0, 300);
    await recordAudit(db, {
      ...base,
      summary: `${d.summary} (failed: ${why})`,
      before: d.before ?? null,
      after: null,
      outcome: "failed",
    });
    throw e;
  }
  const d = describe(result);
  await recordAudit(db, {
    ...base,
    summary: d.summary,
    before: d.before ?? null,
    after: d.after ?? null,
    outcome: "succeeded",
  });
  return result;
}

interface Cursor {
  at: number;
  id: string;
}

function encodeCursor(row: { at: Date; id: string }): string {
  return Buffer.from(`${row.at.getTime()}|${row.id}`).toString("base64url");
}

function decodeCursor(raw: string | undefined): Cursor | null {
  if (!raw) return null;
  const [at, id] = Buffer.from(raw, "base64url").toString().split("|");
  if (!/^\d{1,15}$/.test(at ?? "") || !/^[0-9a-f-]{36}$/i.test(id ?? "")) return null;
  return { at: Number(at), id };
}

export class BadCursor extends Error {}

function whereOf(workspaceId: string, filters: AuditFilters, timeZone: string): SQL {
  const parts: (SQL | undefined)[] = [eq(auditLog.workspaceId, workspaceId)];
  if (filters.actor) parts.push(sql`lower(${auditLog.actorEmail}) = ${filters.actor.toLowerCase()}`);
  if (filters.action)
    parts.push(
      filters.action.includes(".") ? eq(auditLog.action, filters.action) : like(auditLog.action, `${filters.action}.%`),
    );
  if (filters.recordType === "bulk_job" && filters.recordId) {
    // A bulk job's own entries and those of each of its tickets.
    const id = filters.recordId;
    parts.push(
      or(and(eq(auditLog.recordType, "bulk_job"), eq(auditLog.recordId, id)), sql`${auditLog.jobId}::text = ${id}`),
    );
  } else {
    if (filters.recordType) parts.push(eq(auditLog.recordType, filters.recordType));
    if (filters.recordId) parts.push(eq(auditLog.recordId, filters.recordId));
  }
  const from = filters.from ? parseTime(filters.from, timeZone, "start") : null;
  const to = filters.to ? parseTime(filters.to, timeZone, "end") : null;
  if (from !== null) parts.push(gte(auditLog.at, new Date(from * 1000)));
  if (to !== null) parts.push(lt(auditLog.at, new Date((to + 1) * 1000)));
  return and(...parts)!;
}

function view(r: AuditRow): AuditView {
  return {
    id: r.id,
    at: r.at.getTime(),
    actorEmail: r.actorEmail,
    actorName: r.actorName,
    adminId: r.adminId,
    action: r.action,
    recordType: r.recordType,
    recordId: r.recordId,
    summary: r.summary,
    before: r.before ?? null,
    after: r.after ?? null,
    jobId: r.jobId,
    outcome: r.outcome,
  };
}

/** One page of a workspace's log, newest first, paged by (time, id) so new rows never shift a page. */
export async function listAudit(
  db: Db,
  workspaceId: string,
  filters: AuditFilters,
  cursor?: string,
  options: { timeZone?: string; limit?: number } = {},
): Promise<AuditPage> {
  const limit = options.limit ?? AUDIT_PAGE_SIZE;
  const after = decodeCursor(cursor);
  if (cursor && !after) throw new BadCursor("Not a valid cursor");
  const where = whereOf(workspaceId, filters, options.timeZone ?? "UTC");
  const keyset = after
    ? or(lt(auditLog.at, new Date(after.at)), and(eq(auditLog.at, new Date(after.at)), lt(auditLog.id, after.id)))
    : undefined;
  const rows = await db
    .select()
    .from(auditLog)
    .where(keyset ? and(where, keyset) : where)
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  return { entries: page.map(view), nextCursor: rows.length > limit ? encodeCursor(page[page.length - 1]) : null };
}

/** Every matching entry, newest first, read a page at a time (for the CSV export). */
export async function* allAudit(
  db: Db,
  workspaceId: string,
  filters: AuditFilters,
  timeZone: string,
): AsyncGenerator<AuditView> {
  let cursor: string | undefined;
  for (;;) {
    const page = await listAudit(db, workspaceId, filters, cursor, { timeZone, limit: 500 });
    yield* page.entries;
    if (!page.nextCursor) return;
    cursor = page.nextCursor;
  }
}

/** Deletes entries older than the retention period; answers how many went. */
export async function sweepAudit(db: Db, retentionDays: number, now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - retentionDays * 86_400_000);
  const rows = await db.delete(auditLog).where(lte(auditLog.at, cutoff)).returning({ id: auditLog.id });
  return rows.length;
}
