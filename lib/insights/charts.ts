import "server-only";
import type { WorkspaceCatalog } from "@/lib/catalog/types";
import type { Db } from "@/lib/db/client";
import { filterNode, groupNode, type SearchQuery } from "@/lib/search/model";
import { encodeQuery } from "@/lib/search/url";
import { addDays } from "./calendar";
import { percentile } from "./numbers";
import type { OpenRow } from "./reader";
import { groupOf, sourceQuery, SPLIT_FIELDS, type GroupFilter, type InsightRow, type SourceId } from "./sources";
import { firstSnapshotDay, readSnapshots } from "./store";
import type { SourceDays } from "./sync";
import type { AxisBucket, Chart, ChartId, InsightResource, InsightSplit, Point, Series } from "./types";

/**
 * Each Insights chart from what the sources and the open records hold: its series per split
 * group, each point with the search behind it (lib/insights/sources.ts), or, when its data
 * could not be read, what is missing and when it is tried again.
 */

export type Failed = { failed: { message: string; retryAt: number | null } };

/** Waiting-time buckets of "Waiting now", in seconds: from (counted) to (not counted). */
const WAITING = [
  { key: "0-1h", label: "Under 1 h", from: 0, to: 3_600 },
  { key: "1-4h", label: "1–4 h", from: 3_600, to: 4 * 3_600 },
  { key: "4-24h", label: "4–24 h", from: 4 * 3_600, to: 86_400 },
  { key: "1-3d", label: "1–3 days", from: 86_400, to: 3 * 86_400 },
  { key: "3d+", label: "Over 3 days", from: 3 * 86_400, to: null },
] as const;

export interface Names {
  team: Map<string, string>;
  teammate: Map<string, string>;
  type: Map<string, string>;
}

export function namesFrom(catalog: WorkspaceCatalog): Names {
  return {
    team: new Map(catalog.teams.map((t) => [t.id, t.name])),
    teammate: new Map(catalog.admins.map((a) => [a.id, a.name])),
    type: new Map(catalog.ticketTypes.map((t) => [t.id, t.name])),
  };
}

const NONE_NAMES: Record<GroupFilter["split"], string> = { team: "No team", teammate: "Unassigned", type: "No type" };

export interface ChartContext {
  axis: AxisBucket[];
  split: InsightSplit;
  names: Names;
  to: string;
}

/** The split a chart of this resource can take: conversations have no ticket type. */
function splitFor(ctx: ChartContext, resource: InsightResource): GroupFilter["split"] | null {
  if (ctx.split === "none" || (ctx.split === "type" && resource === "conversations")) return null;
  return ctx.split;
}

const splitNote = (ctx: ChartContext, resource: InsightResource) =>
  ctx.split === "type" && resource === "conversations" ? "Conversations have no ticket type: not split." : undefined;

/** The last day of each bucket (the day after it starts the next, or the range's end). */
function lastDays(ctx: ChartContext): string[] {
  return ctx.axis.map((b, i) => (i + 1 < ctx.axis.length ? addDays(ctx.axis[i + 1].key, -1) : ctx.to));
}

/** A source's rows per bucket. */
function perBucket(ctx: ChartContext, days: SourceDays): InsightRow[][] {
  const ends = lastDays(ctx);
  return ctx.axis.map((b, i) => {
    const out: InsightRow[] = [];
    for (let d = b.key; d <= ends[i]; d = addDays(d, 1)) out.push(...(days.days.get(d) ?? []));
    return out;
  });
}

interface Group {
  filter: GroupFilter | undefined;
  name: string;
  key: string;
}

/** The split's groups present in the rows, largest first; one "All" group when not split. */
type Grouped = Pick<InsightRow, "team" | "admin" | "type">;

function groupsOf(ctx: ChartContext, split: GroupFilter["split"] | null, rows: Grouped[]): Group[] {
  if (!split) return [{ filter: undefined, name: "All", key: "all" }];
  const totals = new Map<string | null, number>();
  for (const r of rows) {
    const g = groupOf(r, split);
    totals.set(g, (totals.get(g) ?? 0) + 1);
  }
  return [...totals]
    .sort((a, b) => b[1] - a[1])
    .map(([value]) => ({
      filter: { split, value },
      name: value === null ? NONE_NAMES[split] : (ctx.names[split].get(value) ?? `#${value}`),
      key: value ?? "none",
    }));
}

const inGroup = (row: Grouped, group: Group) =>
  !group.filter || groupOf(row, group.filter.split) === group.filter.value;

function failedChart(base: Omit<Chart, "series" | "computedAt">, failed: Failed["failed"]): Chart {
  return { ...base, series: [], computedAt: Math.floor(Date.now() / 1000), missing: failed };
}

const sourceResource = (source: SourceId): InsightResource =>
  source.startsWith("tickets") ? "tickets" : "conversations";

export function countChart(
  ctx: ChartContext,
  source: SourceId,
  title: string,
  days: SourceDays | Failed,
  extra: { note?: string } = {},
): Chart {
  const resource = sourceResource(source);
  const base = { id: source as ChartId, title, resource, unit: "count" as const, axis: ctx.axis, ...extra };
  if ("failed" in days) return failedChart(base, days.failed);
  const split = splitFor(ctx, resource);
  const rows = perBucket(ctx, days);
  const groups = groupsOf(ctx, split, rows.flat());
  const series: Series[] = groups.map((g) => ({
    key: g.key,
    name: g.name,
    stat: "count",
    points: ctx.axis.map((b, i) => ({
      value: rows[i].filter((r) => inGroup(r, g)).length,
      q: encodeQuery(sourceQuery(source, b.start, b.end, { group: g.filter })),
    })),
  }));
  return { ...base, note: extra.note ?? splitNote(ctx, resource), series, computedAt: days.computedAt };
}

const STAT_NAMES = { median: "Median", p90: "90th percentile" } as const;

export function percentileChart(
  ctx: ChartContext,
  id: ChartId,
  title: string,
  days: SourceDays | Failed,
  stats: ("median" | "p90")[],
): Chart {
  const base = { id, title, resource: "conversations" as const, unit: "seconds" as const, axis: ctx.axis };
  if ("failed" in days) return failedChart(base, days.failed);
  const split = splitFor(ctx, "conversations");
  const rows = perBucket(ctx, days);
  const measured = (r: InsightRow) => r.v !== null && r.v !== undefined;
  const groups = groupsOf(ctx, split, rows.flat().filter(measured));
  // First response counts conversations with a teammate's reply; time to close, every closed one.
  const more = id === "conversations.first_response" ? [filterNode("statistics.first_admin_reply_at", ">", 0)] : [];
  const source: SourceId = id === "conversations.first_response" ? "conversations.created" : "conversations.closed";
  const series = groups.flatMap((g) =>
    stats.map((stat): Series => ({
      key: `${g.key}:${stat}`,
      name: groups.length === 1 && !g.filter ? STAT_NAMES[stat] : `${g.name} · ${STAT_NAMES[stat].toLowerCase()}`,
      stat,
      points: ctx.axis.map((b, i): Point => {
        const values = rows[i].filter((r) => measured(r) && inGroup(r, g)).map((r) => r.v as number);
        return {
          value: percentile(values, stat === "median" ? 0.5 : 0.9),
          n: values.length,
          q: encodeQuery(sourceQuery(source, b.start, b.end, { group: g.filter, more })),
        };
      }),
    })),
  );
  const note =
    id === "conversations.first_response"
      ? "Time from a conversation's start to its first teammate reply, for conversations created in each period."
      : "Time from a conversation's start to its last close, for conversations closed in each period.";
  return {
    ...base,
    series,
    note: [note, splitNote(ctx, "conversations")].filter(Boolean).join(" "),
    computedAt: days.computedAt,
  };
}

export function slaChart(ctx: ChartContext, days: SourceDays | Failed): Chart {
  const base = {
    id: "conversations.sla" as const,
    title: "SLA",
    resource: "conversations" as const,
    unit: "count" as const,
    axis: ctx.axis,
    note: "Conversations created in each period with an SLA applied, by SLA and outcome. Intercom's search cannot filter on SLAs: a bar opens every conversation created in its period.",
  };
  if ("failed" in days) return failedChart(base, days.failed);
  const rows = perBucket(ctx, days);
  const names = [...new Set(rows.flat().flatMap((r) => (r.sla ? [r.sla.name] : [])))].sort();
  const series = names.flatMap((name) =>
    (["hit", "missed"] as const).map((stat): Series => ({
      key: `${name}:${stat}`,
      name: `${name} · ${stat}`,
      stat,
      points: ctx.axis.map((b, i) => ({
        value: rows[i].filter((r) => r.sla?.name === name && r.sla.status === stat).length,
        q: encodeQuery(sourceQuery("conversations.created", b.start, b.end)),
      })),
    })),
  );
  return { ...base, series, computedAt: days.computedAt };
}

/** The search for open conversations waiting between two ages (seconds; `to` null: no upper age). */
function waitingQuery(now: number, from: number, to: number | null, group: GroupFilter | undefined): SearchQuery {
  return {
    resource: "conversations",
    root: groupNode("AND", [
      filterNode("state", "=", "open"),
      // Waiting at least `from`: since no later than now − from.
      filterNode("waiting_since", "<", now - from + 1),
      to === null ? filterNode("waiting_since", ">", 0) : filterNode("waiting_since", ">", now - to),
      ...(group ? [filterNode(SPLIT_FIELDS[group.split], "=", group.value)] : []),
    ]),
  };
}

export function waitingChart(
  ctx: ChartContext,
  open: { rows: OpenRow[]; computedAt: number } | Failed,
  now: number,
): Chart {
  const waitingAxis: AxisBucket[] = WAITING.map((w) => ({
    key: w.key,
    label: w.label,
    start: w.to === null ? 0 : now - w.to,
    end: now - w.from + 1,
  }));
  const base = {
    id: "conversations.waiting" as const,
    title: "Waiting now",
    resource: "conversations" as const,
    unit: "count" as const,
    axis: waitingAxis,
    note: "Open conversations by how long the customer has been waiting for a reply.",
  };
  if ("failed" in open) return failedChart(base, open.failed);
  const split = splitFor(ctx, "conversations");
  const waiting = open.rows.filter((r) => r.state === "open" && r.waitingSince !== null);
  const asRows: InsightRow[] = waiting.map((r) => ({ t: r.waitingSince!, team: r.team, admin: r.admin }));
  const groups = groupsOf(ctx, split, asRows);
  const series: Series[] = groups.map((g) => ({
    key: g.key,
    name: g.name,
    stat: "count",
    points: WAITING.map((w) => ({
      value: asRows.filter((r) => {
        const age = now - r.t;
        return inGroup(r, g) && age >= w.from && (w.to === null || age < w.to);
      }).length,
      q: encodeQuery(waitingQuery(now, w.from, w.to, g.filter)),
    })),
  }));
  return { ...base, series, computedAt: open.computedAt };
}

export async function backlogChart(
  db: Db,
  workspaceId: string,
  ctx: ChartContext,
  resource: InsightResource,
  open: { rows: OpenRow[]; computedAt: number } | Failed,
  [created, closed]: [SourceDays | Failed, SourceDays | Failed],
  todayDate: string,
): Promise<Chart> {
  const title = resource === "tickets" ? "Open tickets" : "Open conversations";
  const base = { id: `${resource}.backlog` as ChartId, title, resource, unit: "count" as const, axis: ctx.axis };
  const failed = "failed" in open ? open : "failed" in created ? created : "failed" in closed ? closed : null;
  if (failed) return failedChart(base, failed.failed);
  const o = open as { rows: OpenRow[]; computedAt: number };
  const [cr, cl] = [created as SourceDays, closed as SourceDays];
  const split = splitFor(ctx, resource);
  const ends = lastDays(ctx);
  const snapshots = await readSnapshots(db, workspaceId, resource, ctx.axis[0].key, ctx.to);
  const first = await firstSnapshotDay(db, workspaceId, resource);
  const groups = groupsOf(ctx, split, o.rows);
  const groupKey = (g: Group) => g.filter?.value ?? "none";
  // What was created, and closed, on each day after `day` up to today, in a group.
  const after = (days: SourceDays, day: string, g: Group) => {
    let n = 0;
    for (let d = addDays(day, 1); d <= todayDate; d = addDays(d, 1))
      for (const r of days.days.get(d) ?? []) if (inGroup(r, g)) n++;
    return n;
  };
  let estimated = false;
  const series: Series[] = groups.map((g) => ({
    key: g.key,
    name: g.name,
    stat: "count",
    points: ends.map((day): Point => {
      const nowOpen = o.rows.filter((r) => inGroup(r, g)).length;
      if (day >= todayDate) {
        const openQuery: SearchQuery = {
          resource,
          root: groupNode("AND", [
            filterNode("open", "=", true),
            ...(g.filter ? [filterNode(SPLIT_FIELDS[g.filter.split], "=", g.filter.value)] : []),
          ]),
        };
        return { value: nowOpen, q: encodeQuery(openQuery) };
      }
      const snap = snapshots.get(day);
      if (snap) return { value: split ? (snap[split][groupKey(g)] ?? 0) : snap.all, q: null };
      estimated = true;
      return { value: Math.max(0, nowOpen - after(cr, day, g) + after(cl, day, g)), q: null, estimated: true };
    }),
  }));
  const closing = resource === "tickets" ? "resolved" : "closed";
  const note = estimated
    ? `Open at the end of each period. ${first ? `Before ${first}, when daily snapshots begin,` : "Until daily snapshots exist,"} the count is estimated: open now, less what was created since, plus what was ${closing} since. Records reopened or moved between ${split === "type" ? "types" : "teams"} make it approximate.`
    : "Open at the end of each period, from the daily snapshots; today's bar is open now.";
  return {
    ...base,
    series,
    note: [note, splitNote(ctx, resource)].filter(Boolean).join(" "),
    computedAt: Math.min(o.computedAt, cr.computedAt, cl.computedAt),
  };
}
