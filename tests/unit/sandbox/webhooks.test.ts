import { describe, expect, it } from "vitest";
import { webhookTopics } from "@/lib/sandbox/webhooks";

describe("webhook topics per Intercom-Version", () => {
  it("a ticket reaching a resolved state: ticket.closed before 2.15, ticket.resolved from 2.15", () => {
    const change = { kind: "ticket_state_changed", to: "resolved" } as const;
    expect(webhookTopics("2.14", change)).toEqual(["ticket.state.updated", "ticket.closed"]);
    for (const v of ["2.15", "2.16", "Preview"] as const) {
      expect(webhookTopics(v, change)).toEqual(["ticket.state.updated", "ticket.resolved"]);
    }
  });

  it("any other state is only a state update, in every version", () => {
    for (const v of ["2.14", "2.15", "2.16", "Preview"] as const) {
      expect(webhookTopics(v, { kind: "ticket_state_changed", to: "in_progress" })).toEqual(["ticket.state.updated"]);
    }
  });

  it("closing a ticket is ticket.closed in every version", () => {
    for (const v of ["2.14", "2.15", "2.16", "Preview"] as const) {
      expect(webhookTopics(v, { kind: "ticket_closed" })).toEqual(["ticket.closed"]);
    }
  });

  it("snoozing and unsnoozing a ticket have topics from 2.16", () => {
    expect(webhookTopics("2.15", { kind: "ticket_snoozed" })).toEqual([]);
    expect(webhookTopics("2.16", { kind: "ticket_snoozed" })).toEqual(["ticket.admin.snoozed"]);
    expect(webhookTopics("2.15", { kind: "ticket_unsnoozed" })).toEqual([]);
    expect(webhookTopics("Preview", { kind: "ticket_unsnoozed" })).toEqual(["ticket.admin.unsnoozed"]);
  });

  it("assignments and notes name who was assigned and what was written", () => {
    expect(webhookTopics("2.14", { kind: "ticket_assigned", to: "admin" })).toEqual(["ticket.admin.assigned"]);
    expect(webhookTopics("2.14", { kind: "ticket_assigned", to: "team" })).toEqual(["ticket.team.assigned"]);
    expect(webhookTopics("2.16", { kind: "ticket_note_created" })).toEqual(["ticket.note.created"]);
    expect(webhookTopics("2.14", { kind: "conversation_priority_changed" })).toEqual(["conversation.priority.updated"]);
  });
});
