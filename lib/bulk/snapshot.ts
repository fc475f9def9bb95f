import type { TicketBrief } from "@/lib/intercom/schemas";
import { scalarValue, type AttrValue } from "@/lib/tickets/attributes";
import type { TicketSnapshot } from "./types";

/** The values of a ticket that bulk actions change, from Intercom's ticket object. */
export function snapshotOf(t: TicketBrief): TicketSnapshot {
  const attributes: Record<string, AttrValue> = {};
  for (const [name, value] of Object.entries(t.ticket_attributes)) {
    const v = scalarValue(value);
    if (v !== undefined) attributes[name] = v;
  }
  return {
    id: t.id,
    number: t.ticket_id,
    title: typeof t.ticket_attributes._default_title_ === "string" ? t.ticket_attributes._default_title_ : "",
    typeId: t.ticket_type.id,
    stateId: t.ticket_state.id,
    stateCategory: t.ticket_state.category,
    open: t.open,
    snoozedUntil: t.snoozed_until,
    isShared: t.is_shared,
    adminAssigneeId: t.admin_assignee_id,
    teamAssigneeId: t.team_assignee_id,
    tagIds: (t.tags ?? []).map((x) => x.id),
    attributes,
    updatedAt: t.updated_at,
  };
}
