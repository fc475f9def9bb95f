/**
 * Each ticket change's definition: its plan per ticket, its undo (applying then undoing gives
 * back the ticket as it was), what cannot take it and why, and its words.
 */
import { describe, expect, it } from "vitest";
import type { TicketSnapshot } from "@/lib/bulk/types";
import type { StoredTicketChange } from "@/lib/changes/schema";
import { planChange as planItem, planUndo, ticketChangeOf } from "@/lib/changes/tickets";
import type { Call } from "@/lib/changes/types";
import { planTypeChange, resultingAttributes } from "@/lib/tickets";
import { BILLING, BUG, FEATURE, REFUND, TYPES, bugValues, item, stateId } from "../tickets/fixtures";

const NOW = 1_800_000_000;
const ctx = { types: TYPES, now: NOW };
const touched = (a: StoredTicketChange, t: TicketSnapshot) => ticketChangeOf(a).touched(t);
type BulkAction = StoredTicketChange;
const ADMINS = new Set(["a1", "a2"]);
const TEAMS = new Set(["t1", "t2"]);

const base: TicketSnapshot = {
  id: "9001",
  number: "42",
  title: "Export fails",
  typeId: BUG.id,
  stateId: stateId(BUG, "Submitted"),
  stateCategory: "submitted",
  open: true,
  snoozedUntil: null,
  isShared: false,
  adminAssigneeId: "a1",
  teamAssigneeId: "t1",
  tagIds: ["g1"],
  attributes: bugValues(),
  updatedAt: NOW - 100,
};

/** Intercom's behaviour for each call, as the sandbox implements it. */
function apply(t: TicketSnapshot, calls: Call[]): TicketSnapshot | null {
  let s: TicketSnapshot | null = structuredClone(t);
  for (const c of calls) {
    if (!s) return null;
    switch (c.kind) {
      case "update": {
        const b = c.body as Record<string, unknown>;
        if (b.assignee_id === "0") s = { ...s, adminAssigneeId: null, teamAssigneeId: null };
        else if (typeof b.assignee_id === "string" && ADMINS.has(b.assignee_id))
          s = { ...s, adminAssigneeId: b.assignee_id };
        else if (typeof b.assignee_id === "string" && TEAMS.has(b.assignee_id))
          s = { ...s, teamAssigneeId: b.assignee_id };
        if (typeof b.ticket_state_id === "string") {
          const state = TYPES.find((x) => x.id === s!.typeId)!.ticket_states.find((x) => x.id === b.ticket_state_id)!;
          s = { ...s, stateId: state.id, stateCategory: state.category };
        }
        if (b.open === false) s = { ...s, open: false, snoozedUntil: null };
        if (b.open === true) s = { ...s, open: true, snoozedUntil: null };
        if (typeof b.snoozed_until === "number") s = { ...s, open: true, snoozedUntil: b.snoozed_until };
        if (typeof b.is_shared === "boolean") s = { ...s, isShared: b.is_shared };
        if (b.ticket_attributes)
          s = { ...s, attributes: { ...s.attributes, ...(b.ticket_attributes as Record<string, string>) } };
        break;
      }
      case "add_tag":
        s = { ...s, tagIds: s.tagIds.includes(c.tagId) ? s.tagIds : [...s.tagIds, c.tagId] };
        break;
      case "remove_tag":
        s = { ...s, tagIds: s.tagIds.filter((x) => x !== c.tagId) };
        break;
      case "change_type": {
        const plan = planTypeChange(
          { typeId: s.typeId, stateCategory: s.stateCategory, attributes: s.attributes },
          TYPES,
          c.body.ticket_type_id,
          c.body.ticket_state_id,
          c.body.ticket_attributes ?? {},
        );
        const state = plan.target!.ticket_states.find((x) => x.id === c.body.ticket_state_id)!;
        s = {
          ...s,
          typeId: plan.target!.id,
          stateId: state.id,
          stateCategory: state.category,
          attributes: resultingAttributes(plan),
        };
        break;
      }
      case "delete":
        s = null;
        break;
      case "reply":
        break;
    }
  }
  return s;
}

const cases: { name: string; action: BulkAction; before?: Partial<TicketSnapshot> }[] = [
  { name: "assign to a teammate", action: { type: "assign_admin", admin_id: "a2" } },
  {
    name: "assign to a teammate when nobody was",
    action: { type: "assign_admin", admin_id: "a2" },
    before: { adminAssigneeId: null },
  },
  { name: "assign to a team", action: { type: "assign_team", team_id: "t2" } },
  {
    name: "assign to a team when none was",
    action: { type: "assign_team", team_id: "t2" },
    before: { teamAssigneeId: null },
  },
  { name: "unassign", action: { type: "unassign" } },
  { name: "set a state", action: { type: "set_state", states: { [BUG.id]: stateId(BUG, "Investigating") } } },
  {
    name: "set a state (a job stored with one state id)",
    action: { type: "set_state", state_id: stateId(BUG, "Investigating") },
  },
  { name: "set a state category (a stored job)", action: { type: "set_state_category", category: "resolved" } },
  { name: "close", action: { type: "close" } },
  { name: "close a snoozed ticket", action: { type: "close" }, before: { snoozedUntil: NOW + 3600 } },
  { name: "reopen", action: { type: "reopen" }, before: { open: false } },
  { name: "snooze", action: { type: "snooze", until: NOW + 7200 } },
  { name: "snooze a closed ticket", action: { type: "snooze", until: NOW + 7200 }, before: { open: false } },
  { name: "unsnooze", action: { type: "unsnooze" }, before: { snoozedUntil: NOW + 3600 } },
  { name: "share", action: { type: "set_shared", shared: true } },
  { name: "add a tag", action: { type: "add_tag", tag_id: "g2" } },
  { name: "remove a tag", action: { type: "remove_tag", tag_id: "g1" } },
  { name: "set an attribute", action: { type: "set_attributes", attributes: { Browser: "Firefox 131" } } },
  { name: "set a list attribute by label", action: { type: "set_attributes", attributes: { Severity: "Critical" } } },
  {
    name: "set a list attribute by item id, as the ticket page does",
    action: { type: "set_attributes", attributes: { Severity: item(BUG, "Severity", "High") } },
  },
  {
    name: "set two attributes at once",
    action: { type: "set_attributes", attributes: { Browser: "Safari", Regression: false } },
  },
  { name: "set an attribute (a stored job)", action: { type: "set_attribute", name: "Browser", value: "Edge" } },
  {
    name: "change the type",
    action: { type: "change_type", ticket_type_id: FEATURE.id, attributes: { "Product area": "Reporting" } },
  },
  {
    name: "change the type with a state",
    action: {
      type: "change_type",
      ticket_type_id: BILLING.id,
      states: { [BUG.id]: stateId(BILLING, "Awaiting finance") },
      fill: { "Invoice number": "INV-1" },
    },
  },
];

describe("apply, then undo, gives the ticket back", () => {
  for (const c of cases) {
    it(c.name, () => {
      const before = { ...base, ...c.before };
      const plan = planItem(c.action, before, ctx);
      expect(plan.kind, JSON.stringify(plan)).toBe("change");
      if (plan.kind !== "change") return;
      const after = apply(before, plan.calls)!;
      expect(touched(c.action, after)).not.toEqual(touched(c.action, before));
      // Applying again is a no-op: the plan now says it is already done.
      expect(planItem(c.action, after, ctx).kind).toBe("satisfied");
      const undo = planUndo(c.action, before, after, after, ctx);
      expect(undo.kind, JSON.stringify(undo)).toBe("change");
      if (undo.kind !== "change") return;
      const restored = apply(after, undo.calls)!;
      expect(touched(c.action, restored)).toEqual(touched(c.action, before));
      // Undoing again finds nothing to do.
      expect(planUndo(c.action, before, after, restored, ctx).kind).toBe("satisfied");
    });
  }
});

describe("undo refuses to overwrite", () => {
  it("a ticket changed since the job is a conflict", () => {
    const action: BulkAction = { type: "set_state_category", category: "resolved" };
    const plan = planItem(action, base, ctx);
    const after = apply(base, plan.kind === "change" ? plan.calls : [])!;
    const moved = { ...after, stateId: stateId(BUG, "Investigating"), stateCategory: "in_progress" as const };
    expect(planUndo(action, base, after, moved, ctx)).toEqual({
      kind: "conflict",
      reason: "Its state changed since the job ran",
    });
  });

  it("deleted tickets cannot be restored", () => {
    expect(planUndo({ type: "delete" }, base, null, base, ctx)).toMatchObject({ kind: "cannot" });
  });

  it("a required attribute emptied before the job cannot be emptied again", () => {
    const action: BulkAction = { type: "set_attributes", attributes: { Severity: "High" } };
    const before = { ...base, attributes: { ...base.attributes, Severity: null } };
    const after = { ...before, attributes: { ...before.attributes, Severity: item(BUG, "Severity", "High") } };
    expect(planUndo(action, before, after, after, ctx)).toMatchObject({
      kind: "cannot",
      reason: "Severity is required and cannot be emptied again",
    });
  });
});

describe("what cannot take an action, grouped by reason", () => {
  it("a state of another type, or a category the type lacks", () => {
    expect(planItem({ type: "set_state", state_id: stateId(REFUND, "Under review") }, base, ctx)).toEqual({
      kind: "cannot",
      reason: "Bug report tickets do not have this state",
    });
    expect(planItem({ type: "set_state", states: { [BUG.id]: stateId(REFUND, "Under review") } }, base, ctx)).toEqual({
      kind: "cannot",
      reason: "That state is not one of Bug report's states",
      fields: { [`states.${BUG.id}`]: "That state is not one of Bug report's states" },
    });
    expect(planItem({ type: "set_state", states: { [REFUND.id]: stateId(REFUND, "Approved") } }, base, ctx)).toEqual({
      kind: "cannot",
      reason: "No state chosen for Bug report tickets",
    });
    const refund = { ...base, typeId: REFUND.id, stateId: stateId(REFUND, "Submitted"), attributes: { Amount: 10 } };
    expect(planItem({ type: "set_state_category", category: "waiting_on_customer" }, refund, ctx)).toEqual({
      kind: "cannot",
      reason: "Refund approval has no Waiting on customer state",
    });
  });

  it("a type of another category, and a required attribute the new type needs", () => {
    expect(planItem({ type: "change_type", ticket_type_id: REFUND.id }, base, ctx)).toEqual({
      kind: "cannot",
      reason: "Customer tickets cannot become Back-office tickets",
    });
    expect(planItem({ type: "change_type", ticket_type_id: FEATURE.id }, base, ctx)).toMatchObject({
      kind: "cannot",
      reason: "Bug report → Feature request: Product area needs a value",
    });
  });

  it("an attribute the type does not have, or an unknown list label", () => {
    expect(planItem({ type: "set_attributes", attributes: { Votes: 3 } }, base, ctx)).toMatchObject({
      kind: "cannot",
      reason: "Bug report has no attribute called Votes",
      fields: { Votes: "Bug report has no attribute called Votes" },
    });
    expect(planItem({ type: "set_attributes", attributes: { Severity: "Apocalyptic" } }, base, ctx)).toMatchObject({
      kind: "cannot",
      reason: "Bug report has no Severity option “Apocalyptic”",
    });
  });

  it("what is already as wanted is skipped without a call", () => {
    expect(planItem({ type: "assign_admin", admin_id: "a1" }, base, ctx)).toEqual({
      kind: "satisfied",
      reason: "Already assigned to that teammate",
    });
    expect(planItem({ type: "add_tag", tag_id: "g1" }, base, ctx)).toEqual({
      kind: "satisfied",
      reason: "Already has the tag",
    });
    expect(planItem({ type: "set_state_category", category: "submitted" }, base, ctx)).toEqual({
      kind: "satisfied",
      reason: "Already Submitted",
    });
    expect(planItem({ type: "snooze", until: NOW - 1 }, base, ctx)).toMatchObject({
      kind: "cannot",
      reason: "The snooze time has passed",
    });
  });

  it("a delete is one call, and cannot be undone", () => {
    expect(planItem({ type: "delete" }, base, ctx)).toEqual({ kind: "change", calls: [{ kind: "delete" }] });
  });
});
