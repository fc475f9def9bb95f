/**
 * The seam for webhooks: which topics a change fires, per Intercom-Version. The sandbox has
 * no sender yet; one would subscribe an app to topics and deliver what this returns.
 */
import type { StateCategory } from "./store/types";
import { atLeast, type ApiVersion } from "./versions";

export type WebhookChange =
  | { kind: "ticket_state_changed"; to: StateCategory }
  | { kind: "ticket_closed" }
  | { kind: "ticket_snoozed" }
  | { kind: "ticket_unsnoozed" }
  | { kind: "ticket_assigned"; to: "admin" | "team" }
  | { kind: "ticket_note_created" }
  | { kind: "conversation_priority_changed" };

export function webhookTopics(version: ApiVersion, change: WebhookChange): string[] {
  switch (change.kind) {
    case "ticket_state_changed":
      if (change.to !== "resolved") return ["ticket.state.updated"];
      // From 2.15 a resolved state fires ticket.resolved, and no longer ticket.closed.
      return ["ticket.state.updated", atLeast(version, "2.15") ? "ticket.resolved" : "ticket.closed"];
    case "ticket_closed":
      return ["ticket.closed"];
    case "ticket_snoozed":
      return atLeast(version, "2.16") ? ["ticket.admin.snoozed"] : [];
    case "ticket_unsnoozed":
      return atLeast(version, "2.16") ? ["ticket.admin.unsnoozed"] : [];
    case "ticket_assigned":
      return [change.to === "admin" ? "ticket.admin.assigned" : "ticket.team.assigned"];
    case "ticket_note_created":
      return ["ticket.note.created"];
    case "conversation_priority_changed":
      return ["conversation.priority.updated"];
  }
}
