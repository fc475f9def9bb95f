/**
 * Ticket changes per ticket type, for every type of the seed: a state is always one of the
 * ticket's own type, types that share state labels each get their own, and the words say
 * exactly what each ticket becomes.
 */
import { describe, expect, it } from "vitest";
import type { TicketSnapshot } from "@/lib/bulk/types";
import { forTypes, keptFor, planChange, ticketChangeOf } from "@/lib/changes/tickets";
import { checkConversationChange, conversationCalls } from "@/lib/changes/conversations";
import type { TicketDetail } from "@/lib/records/detail-types";
import { statesWithLabel } from "@/components/bulk/attribute-choices";
import type { WorkspaceCatalog } from "@/lib/catalog/types";
import { BILLING, BUG, FEATURE, INCIDENT, REFUND, TYPES, stateId } from "../tickets/fixtures";

const NOW = 1_800_000_000;
const ctx = { types: TYPES, now: NOW };
const names = {
  admins: [{ id: "a1", name: "Alex Kim", email: "alex@example.com" }],
  teams: [{ id: "t1", name: "Billing", adminIds: [] }],
  tags: [{ id: "g1", name: "VIP" }],
  ticketTypes: TYPES,
};
const catalog = { ...names, segments: [], dataAttributes: [], companies: [] } as WorkspaceCatalog;

function ticket(typeId: string, stateLabel?: string): TicketSnapshot {
  const type = TYPES.find((t) => t.id === typeId)!;
  const state = stateLabel ? type.ticket_states.find((s) => s.internal_label === stateLabel)! : type.ticket_states[0];
  return {
    id: `t-${typeId}`,
    number: typeId,
    title: `A ${type.name}`,
    typeId,
    stateId: state.id,
    stateCategory: state.category,
    open: true,
    snoozedUntil: null,
    isShared: false,
    adminAssigneeId: null,
    teamAssigneeId: null,
    tagIds: [],
    attributes: { _default_title_: `A ${type.name}` },
    updatedAt: NOW - 10,
  };
}

describe("set state, per ticket type", () => {
  for (const type of TYPES) {
    it(`${type.name}: each of its own states, and no other type's`, () => {
      const t = ticket(type.id);
      for (const s of type.ticket_states) {
        const plan = planChange({ type: "set_state", states: { [type.id]: s.id } }, t, ctx);
        if (s.id === t.stateId) expect(plan).toEqual({ kind: "satisfied", reason: `Already ${s.internal_label}` });
        else
          expect(plan).toEqual({
            kind: "change",
            calls: [{ kind: "update", body: { ticket_state_id: s.id } }],
            target: `${type.name} → ${s.internal_label}`,
          });
      }
      const foreign = TYPES.flatMap((x) => x.ticket_states).find(
        (s) => !type.ticket_states.some((o) => o.id === s.id),
      )!;
      expect(planChange({ type: "set_state", states: { [type.id]: foreign.id } }, t, ctx).kind).toBe("cannot");
      expect(ticketChangeOf({ type: "set_state", states: { [type.id]: foreign.id } }).check(names, NOW)).toEqual({
        [`states.${type.id}`]: `That state is not one of ${type.name}'s states`,
      });
    });
  }

  it("types sharing a label each get their own state; a type without it gets none", () => {
    const resolved = statesWithLabel(catalog, "Resolved");
    expect(resolved[BUG.id]).toBe(stateId(BUG, "Resolved"));
    expect(resolved[BILLING.id]).toBe(stateId(BILLING, "Resolved"));
    // Refund approval resolves as "Approved" or "Rejected": it has no "Resolved", so nothing is guessed.
    expect(resolved[REFUND.id]).toBeUndefined();
    const refund = ticket(REFUND.id);
    expect(planChange({ type: "set_state", states: resolved }, refund, ctx)).toEqual({
      kind: "cannot",
      reason: "No state chosen for Refund approval tickets",
    });
    const chosen = { ...resolved, [REFUND.id]: stateId(REFUND, "Approved") };
    expect(planChange({ type: "set_state", states: chosen }, refund, ctx)).toMatchObject({
      kind: "change",
      target: "Refund approval → Approved",
    });
    // "In progress" is Bug report's own; Engineering incident calls its in-progress state "Investigating".
    expect(statesWithLabel(catalog, "Investigating")).toEqual({
      [BUG.id]: stateId(BUG, "Investigating"),
      [INCIDENT.id]: stateId(INCIDENT, "Investigating"),
    });
  });

  it("says what it does, per type where it differs", () => {
    expect(
      ticketChangeOf({ type: "set_state", states: { [BUG.id]: stateId(BUG, "In progress") } }).describe(names),
    ).toBe("Set Bug report tickets to In progress");
    expect(
      ticketChangeOf({
        type: "set_state",
        states: { [BUG.id]: stateId(BUG, "In progress"), [REFUND.id]: stateId(REFUND, "Approved") },
      }).describe(names),
    ).toBe("Set state: Bug report → In progress, Refund approval → Approved");
    // A stored job from before per-type states keeps its words.
    expect(ticketChangeOf({ type: "set_state_category", category: "resolved" }).describe(names)).toBe(
      "Set state to Resolved",
    );
    expect(ticketChangeOf({ type: "set_state", state_id: stateId(REFUND, "Approved") }).describe(names)).toBe(
      "Set state to Approved (Refund approval)",
    );
  });

  it("keeps only the types of the selection in the job's words", () => {
    const all = statesWithLabel(catalog, "Resolved");
    const only = forTypes({ type: "set_state", states: all }, new Set([BUG.id]));
    expect(only).toEqual({ type: "set_state", states: { [BUG.id]: stateId(BUG, "Resolved") } });
    expect(ticketChangeOf(only).describe(names)).toBe("Set Bug report tickets to Resolved");
  });
});

describe("change type, with the new state per type the tickets have now", () => {
  it("each source type gets its chosen state; without one, the state of the same kind", () => {
    const action = {
      type: "change_type" as const,
      ticket_type_id: BILLING.id,
      states: { [BUG.id]: stateId(BILLING, "Awaiting finance") },
      fill: { "Invoice number": "INV-7" },
    };
    expect(planChange(action, ticket(BUG.id), ctx)).toMatchObject({
      kind: "change",
      target: "Bug report → Billing question, Awaiting finance",
    });
    expect(planChange(action, ticket(FEATURE.id, "In progress"), ctx)).toMatchObject({
      kind: "change",
      target: "Feature request → Billing question, In progress",
    });
    expect(ticketChangeOf(action).describe(names)).toBe(
      "Change type to Billing question (Bug report → Awaiting finance)",
    );
    expect(ticketChangeOf(action).check(names, NOW)).toBeNull();
    expect(ticketChangeOf({ ...action, states: { [BUG.id]: stateId(REFUND, "Approved") } }).check(names, NOW)).toEqual({
      [`states.${BUG.id}`]: "That state is not one of Billing question's states",
    });
  });
});

describe("checks against the workspace", () => {
  it("an unknown teammate, team or tag is a field error", () => {
    expect(ticketChangeOf({ type: "assign_admin", admin_id: "zz" }).check(names, NOW)).toEqual({
      admin_id: "That teammate is not in this workspace",
    });
    expect(ticketChangeOf({ type: "assign_team", team_id: "zz" }).check(names, NOW)).toEqual({
      team_id: "That team is not in this workspace",
    });
    expect(ticketChangeOf({ type: "add_tag", tag_id: "zz" }).check(names, NOW)).toEqual({
      tag_id: "That tag does not exist in this workspace",
    });
    expect(ticketChangeOf({ type: "assign_admin", admin_id: "0" }).check(names, NOW)).toBeNull();
    // Conversations use the same checks.
    expect(checkConversationChange({ type: "assign_admin", admin_id: "zz" }, names, NOW)).toEqual({
      admin_id: "That teammate is not in this workspace",
    });
    expect(checkConversationChange({ type: "snooze", until: NOW - 5 }, names, NOW)).toEqual({
      until: "Choose a time in the future",
    });
  });

  it("a ticket's delete needs its number typed; a job's does not", () => {
    const t = ticket(BUG.id);
    expect(planChange({ type: "delete", confirm: "nope" }, t, { ...ctx, single: true })).toMatchObject({
      kind: "cannot",
      fields: { confirm: `Type the ticket number, ${t.number}, to delete it` },
    });
    expect(planChange({ type: "delete", confirm: `#${t.number}` }, t, { ...ctx, single: true }).kind).toBe("change");
    expect(planChange({ type: "delete" }, t, ctx).kind).toBe("change");
  });
});

describe("unsnooze", () => {
  it("reopens a snoozed ticket, and leaves the others", () => {
    const snoozed = { ...ticket(BUG.id), snoozedUntil: NOW + 600 };
    expect(planChange({ type: "unsnooze" }, snoozed, ctx)).toEqual({
      kind: "change",
      calls: [{ kind: "update", body: { open: true } }],
    });
    expect(planChange({ type: "unsnooze" }, ticket(BUG.id), ctx)).toEqual({ kind: "satisfied", reason: "Not snoozed" });
    expect(planChange({ type: "unsnooze" }, { ...ticket(BUG.id), open: false }, ctx).kind).toBe("cannot");
    expect(conversationCalls({ type: "unsnooze" }, "c1", null)).toEqual([
      { kind: "part", body: { message_type: "open" } },
    ]);
  });
});

describe("the record page", () => {
  const bug = BUG;
  const detail = {
    id: "9",
    ticketNumber: "9",
    title: "x",
    category: "Customer",
    type: bug,
    state: bug.ticket_states[0],
    previousStateId: null,
    open: true,
    snoozedUntil: NOW + 60,
    isShared: false,
    adminAssigneeId: null,
    teamAssigneeId: null,
    attributes: {},
    tags: [],
    contacts: [],
    linked: [],
    parts: [],
    createdAt: NOW,
    updatedAt: NOW,
  } satisfies TicketDetail;

  it("shows the change at once, and says what failed and what is back", () => {
    const investigating = stateId(BUG, "Investigating");
    const change = ticketChangeOf({ type: "set_state", states: { [BUG.id]: investigating } });
    expect(change.optimistic?.(detail, names)).toMatchObject({ state: { id: investigating }, previousStateId: "401" });
    expect(change.attempt(names, detail)).toBe("set the state to Investigating");
    expect(change.rolledBack?.(detail, names)).toBe("The ticket is back in Submitted.");
    expect(ticketChangeOf({ type: "unsnooze" }).optimistic?.(detail, names)).toMatchObject({ snoozedUntil: null });
    expect(ticketChangeOf({ type: "add_tag", tag_id: "g1" }).optimistic?.(detail, names).tags).toEqual([
      { id: "g1", name: "VIP" },
    ]);
    expect(ticketChangeOf({ type: "assign_admin", admin_id: "a1" }).describe(names)).toBe("Assign to Alex Kim");
  });
});

describe("what a job keeps of each ticket", () => {
  it("everything for a type change, only the attributes set otherwise", () => {
    const t = { ...ticket(BUG.id), attributes: { Browser: "Chrome", Severity: "x" } };

    expect(keptFor({ type: "change_type", ticket_type_id: BILLING.id }, t)).toEqual(t);
    expect(keptFor({ type: "set_attributes", attributes: { Browser: "Edge" } }, t).attributes).toEqual({
      Browser: "Chrome",
    });
    expect(keptFor({ type: "close" }, t).attributes).toEqual({});
  });
});

describe("one state name across types", () => {
  it("is said once when every type gets a state of that name", () => {
    const resolved = { [BUG.id]: stateId(BUG, "Resolved"), [BILLING.id]: stateId(BILLING, "Resolved") };
    expect(ticketChangeOf({ type: "set_state", states: resolved }).describe(names)).toBe(
      "Set Bug report and Billing question tickets to Resolved",
    );
  });
});
