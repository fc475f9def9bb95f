/** What an event part says, in words: "Kai assigned this to Billing", "closed", … */
import type { TimelinePart } from "@/lib/records/detail-types";

const CATEGORY = {
  submitted: "Submitted",
  in_progress: "In progress",
  waiting_on_customer: "Waiting on customer",
  resolved: "Resolved",
} as const;

export interface Names {
  admin: (id: string | null) => string | null;
  team: (id: string | null) => string | null;
}

export function isMessage(p: TimelinePart): boolean {
  return (
    p.partType === "comment" ||
    p.partType === "note" ||
    p.partType === "quick_reply" ||
    (p.bodyHtml !== null && (p.partType === "open" || p.partType === "close"))
  );
}

export function eventText(p: TimelinePart, names: Names): string {
  const target = () => {
    const to = p.assignedTo;
    if (!to || to.id === null || to.type === "nobody_admin") return "nobody";
    return (to.type === "team" ? names.team(to.id) : names.admin(to.id)) ?? `${to.type} ${to.id}`;
  };
  switch (p.partType) {
    case "assignment":
    case "default_assignment":
      return `assigned this to ${target()}`;
    case "assign_and_reopen":
      return `reopened this and assigned it to ${target()}`;
    case "close":
      return "closed this";
    case "open":
      return "reopened this";
    case "snoozed":
      return "snoozed this";
    case "ticket_state_updated_by_admin":
      return p.fromState && p.toState && p.fromState !== p.toState
        ? `moved the state from ${CATEGORY[p.fromState]} to ${CATEGORY[p.toState]}`
        : `set the state${p.toState ? ` (${CATEGORY[p.toState]})` : ""}`;
    case "ticket_attribute_updated_by_admin":
      return p.change ? `set ${p.change.label} to ${p.change.value || "nothing"}` : "changed an attribute";
    case "ticket_type_updated_by_admin":
      return p.change ? `changed the type: ${p.change.value}` : "changed the ticket type";
    case "priority_changed":
      return "changed the priority";
    case "conversation_attribute_updated_by_admin":
      return "updated the conversation's attributes";
    default:
      return p.partType.replace(/_/g, " ");
  }
}
