/**
 * What Insights reads from Intercom, and the search behind every number. A source is one kind
 * of record on one date field (conversations by created_at, by statistics.last_close_at, …).
 * The same search tree both pages through a span of days to compute the numbers and, cut to
 * one bucket and one split group, becomes the drill-down link of a point, so a click opens
 * exactly the records the point counts.
 */
import { filterNode, groupNode, type FilterNode, type SearchQuery } from "@/lib/search/model";
import type { InsightResource, InsightSplit } from "./types";

/** One record as a source keeps it, per day, in the cache: only what the charts use. */
export interface InsightRow {
  /** The source's date (Unix seconds). */
  t: number;
  team: string | null;
  admin: string | null;
  /** Tickets: the ticket type. */
  type?: string;
  /** A duration in seconds: first response (created conversations), time to close (closed ones). */
  v?: number | null;
  /** SLA applied: its name and status (created conversations). */
  sla?: { name: string; status: string | null } | null;
}

export const SOURCES = [
  "conversations.created",
  "conversations.closed",
  "tickets.created",
  "tickets.resolved",
] as const;
export type SourceId = (typeof SOURCES)[number];

export interface SourceDef {
  resource: InsightResource;
  /** The date field the source buckets on. */
  field: string;
  /** Filters every search of the source carries besides the date range. */
  extra: () => FilterNode[];
}

export const SOURCE_DEFS: Record<SourceId, SourceDef> = {
  "conversations.created": { resource: "conversations", field: "created_at", extra: () => [] },
  "conversations.closed": { resource: "conversations", field: "statistics.last_close_at", extra: () => [] },
  "tickets.created": { resource: "tickets", field: "created_at", extra: () => [] },
  // Intercom keeps no resolution time on a ticket: a resolved ticket counts on its last update.
  "tickets.resolved": {
    resource: "tickets",
    field: "updated_at",
    extra: () => [filterNode("state", "=", "resolved")],
  },
};

/** A split group: which field it filters, and the value (null: none assigned). */
export interface GroupFilter {
  split: Exclude<InsightSplit, "none">;
  value: string | null;
}

export const SPLIT_FIELDS: Record<GroupFilter["split"], string> = {
  team: "team_assignee_id",
  teammate: "admin_assignee_id",
  type: "ticket_type_id",
};

/** The row's group under a split. */
export function groupOf(row: Pick<InsightRow, "team" | "admin" | "type">, split: GroupFilter["split"]): string | null {
  return split === "team" ? row.team : split === "teammate" ? row.admin : (row.type ?? null);
}

/**
 * The search for a source's records from `start` (counted) to `end` (not counted), narrowed
 * to a split group and by more filters where given. Intercom's date filters are strict, so
 * "from start" is written "after start − 1".
 */
export function sourceQuery(
  source: SourceId,
  start: number,
  end: number,
  options: { group?: GroupFilter; more?: FilterNode[] } = {},
): SearchQuery {
  const def = SOURCE_DEFS[source];
  const filters = [
    filterNode(def.field, ">", start - 1),
    filterNode(def.field, "<", end),
    ...def.extra(),
    ...(options.group ? [filterNode(SPLIT_FIELDS[options.group.split], "=", options.group.value)] : []),
    ...(options.more ?? []),
  ];
  return { resource: def.resource, root: groupNode("AND", filters) };
}
