/** A ticket's values as an audit entry or a job's page names them. */
import type { TicketSnapshot } from "@/lib/bulk/types";
import type { TicketType } from "@/lib/intercom/schemas";
import type { SnapshotKey } from "./tickets/definition";
import type { Names } from "./types";

/** The snapshot fields a lead reads; ids, numbers and timestamps are the ticket's, not values it changes. */
export const VALUE_KEYS: SnapshotKey[] = [
  "typeId",
  "stateId",
  "open",
  "snoozedUntil",
  "isShared",
  "adminAssigneeId",
  "teamAssigneeId",
  "tagIds",
  "attributes",
];

const NAMES: Partial<Record<SnapshotKey, string>> = {
  adminAssigneeId: "assignee_id",
  teamAssigneeId: "team_id",
  isShared: "shared",
  tagIds: "tag_ids",
};

function readable(key: SnapshotKey, value: unknown, types: TicketType[], names?: Names): [string, unknown] {
  if (names && key === "adminAssigneeId")
    return ["assignee", value ? (names.admins.find((a) => a.id === value)?.name ?? value) : "Unassigned"];
  if (names && key === "teamAssigneeId")
    return ["team", value ? (names.teams.find((t) => t.id === value)?.name ?? value) : "Unassigned"];
  if (names && key === "tagIds" && Array.isArray(value))
    return ["tags", value.map((id) => names.tags.find((t) => t.id === id)?.name ?? id)];
  if (key === "stateId") {
    const state = types.flatMap((t) => t.ticket_states).find((s) => s.id === value);
    return ["state", state?.internal_label ?? value];
  }
  if (key === "typeId") return ["type", types.find((t) => t.id === value)?.name ?? value];
  if (key === "snoozedUntil")
    return ["snoozed_until", typeof value === "number" ? new Date(value * 1000).toISOString() : null];
  return [NAMES[key] ?? key, value];
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The values that differ between two snapshots (or, with no `after`, those the change touches), named for a reader. */
export function snapshotChange(
  fields: SnapshotKey[],
  before: TicketSnapshot,
  after: TicketSnapshot | null,
  types: TicketType[],
  /** Teammates, teams and tags by name rather than id. */
  names?: Names,
): { before: Record<string, unknown>; after: Record<string, unknown> | null } {
  const keys = after ? VALUE_KEYS.filter((k) => !same(before[k], after[k])) : fields;
  const pick = (s: TicketSnapshot) => Object.fromEntries(keys.map((k) => readable(k, s[k], types, names)));
  return { before: pick(before), after: after ? pick(after) : null };
}
