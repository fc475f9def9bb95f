/** Bulk actions in words, for previews, progress and the Jobs page. */
import type { WorkspaceCatalog } from "@/lib/catalog/types";
import { formatDateTime } from "@/lib/format/time";
import { stateCategoryLabel } from "@/lib/tickets/labels";
import type { BulkAction } from "./schemas";

export function describeAction(
  action: BulkAction,
  catalog: Pick<WorkspaceCatalog, "admins" | "teams" | "tags" | "ticketTypes">,
  timezone = "UTC",
): string {
  const admin = (id: string) => catalog.admins.find((a) => a.id === id)?.name ?? `teammate ${id}`;
  const team = (id: string) => catalog.teams.find((t) => t.id === id)?.name ?? `team ${id}`;
  const tag = (id: string) => catalog.tags.find((t) => t.id === id)?.name ?? `tag ${id}`;
  const type = (id: string) => catalog.ticketTypes.find((t) => t.id === id)?.name ?? `type ${id}`;
  const state = (id: string) => {
    for (const t of catalog.ticketTypes) {
      const s = t.ticket_states.find((x) => x.id === id);
      if (s) return `${s.internal_label} (${t.name})`;
    }
    return `state ${id}`;
  };
  switch (action.type) {
    case "assign_admin":
      return `Assign to ${admin(action.admin_id)}`;
    case "assign_team":
      return `Assign to team ${team(action.team_id)}`;
    case "unassign":
      return "Unassign";
    case "set_state":
      return `Set state to ${state(action.state_id)}`;
    case "set_state_category":
      return `Set state to ${stateCategoryLabel(action.category)}`;
    case "close":
      return "Close";
    case "reopen":
      return "Reopen";
    case "snooze":
      return `Snooze until ${formatDateTime(action.until, timezone)}`;
    case "set_shared":
      return action.shared ? "Share with the customer" : "Stop sharing with the customer";
    case "add_tag":
      return `Add the tag “${tag(action.tag_id)}”`;
    case "remove_tag":
      return `Remove the tag “${tag(action.tag_id)}”`;
    case "set_attribute":
      return `Set ${action.name} to ${action.value === null || action.value === "" ? "nothing" : typeof action.value === "boolean" ? (action.value ? "Yes" : "No") : String(action.value)}`;
    case "change_type":
      return `Change type to ${type(action.ticket_type_id)}`;
    case "delete":
      return "Delete";
  }
}
