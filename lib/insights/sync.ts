import "server-only";
import type { Db } from "@/lib/db/client";
import { addDays, dayStart, localDate } from "./calendar";
import type { InsightsReader } from "./reader";
import { SOURCE_DEFS, sourceQuery, type InsightRow } from "./sources";
import { readDays, writeDays, type DayScope } from "./store";

/** Days this recent can still change (a late reply, a close, a reassignment): read again on refresh. */
export const RECENT_DAYS = 7;
/** Today and yesterday are read again without a refresh once their copy is this old. */
export const LIVE_DAYS_TTL_MS = 10 * 60_000;

export interface SourceDays {
  /** Rows per day, for every day of the range. */
  days: Map<string, InsightRow[]>;
  /** The oldest copy used (Unix seconds). */
  computedAt: number;
}

/**
 * A source's records for every day from `from` to `to`, from the cache where it holds them
 * and from Intercom otherwise: a missing day, today and yesterday once their copy is ten
 * minutes old, and on refresh every day of the last week. Days to read are fetched in runs
 * of consecutive days, one paged search per run.
 */
export async function syncSource(
  db: Db,
  reader: InsightsReader,
  scope: DayScope,
  from: string,
  to: string,
  options: { refresh: boolean; nowMs: number; adminId: string },
): Promise<SourceDays> {
  const cached = await readDays(db, scope, from, to);
  const todayDate = localDate(Math.floor(options.nowMs / 1000), scope.timezone);
  const recent = addDays(todayDate, -(RECENT_DAYS - 1));
  const yesterday = addDays(todayDate, -1);
  const stale = (day: string) => {
    const copy = cached.get(day);
    if (!copy) return true;
    if (options.refresh && day >= recent) return true;
    return day >= yesterday && options.nowMs - copy.computedAt.getTime() > LIVE_DAYS_TTL_MS;
  };
  const days = new Map<string, InsightRow[]>();
  let oldest = Math.floor(options.nowMs / 1000);
  const runs: [string, string][] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) {
    if (stale(d)) {
      const last = runs.at(-1);
      if (last && addDays(last[1], 1) === d) last[1] = d;
      else runs.push([d, d]);
    } else {
      const copy = cached.get(d)!;
      days.set(d, copy.rows);
      oldest = Math.min(oldest, Math.floor(copy.computedAt.getTime() / 1000));
    }
  }
  for (const [first, last] of runs) {
    const read = await readRun(reader, scope, first, last, options.adminId);
    await writeDays(db, scope, read);
    for (const [d, rows] of read) days.set(d, rows);
  }
  return { days, computedAt: oldest };
}

/** One paged search over consecutive days, its records sorted into their days (empty days included). */
async function readRun(
  reader: InsightsReader,
  scope: DayScope,
  first: string,
  last: string,
  adminId: string,
): Promise<Map<string, InsightRow[]>> {
  const out = new Map<string, InsightRow[]>();
  for (let d = first; d <= last; d = addDays(d, 1)) out.set(d, []);
  const query = sourceQuery(scope.source, dayStart(first, scope.timezone), dayStart(addDays(last, 1), scope.timezone));
  const put = (row: InsightRow) => out.get(localDate(row.t, scope.timezone))?.push(row);
  if (SOURCE_DEFS[scope.source].resource === "conversations") {
    for await (const page of reader.conversations(query, adminId))
      for (const c of page) {
        const closed = scope.source === "conversations.closed";
        const t = closed ? c.statistics?.last_close_at : c.created_at;
        if (t === null || t === undefined) continue;
        put({
          t,
          team: c.team_assignee_id,
          admin: c.admin_assignee_id,
          v: (closed ? c.statistics?.time_to_last_close : c.statistics?.time_to_admin_reply) ?? null,
          ...(closed
            ? {}
            : {
                sla: c.sla_applied ? { name: c.sla_applied.sla_name, status: c.sla_applied.sla_status ?? null } : null,
              }),
        });
      }
  } else {
    for await (const page of reader.tickets(query, adminId))
      for (const t of page)
        put({
          t: scope.source === "tickets.resolved" ? t.updated_at : t.created_at,
          team: t.team_assignee_id,
          admin: t.admin_assignee_id,
          type: t.ticket_type?.id,
        });
  }
  return out;
}
