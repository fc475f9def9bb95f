/** Words for Intercom's category keys in messages a lead reads. */
import type { StateCategory, TicketCategory } from "@/lib/intercom/schemas";

const STATE_CATEGORY_LABELS: Record<StateCategory, string> = {
  submitted: "Submitted",
  in_progress: "In progress",
  waiting_on_customer: "Waiting on customer",
  resolved: "Resolved",
};

export function stateCategoryLabel(category: StateCategory): string {
  return STATE_CATEGORY_LABELS[category];
}

/** Ticket categories already read well ("Customer", "Back-office", "Tracker"); kept as a function so messages have one place to change. */
export function categoryLabel(category: TicketCategory): string {
  return category;
}
