/**
 * What one bulk action does to one ticket, decided from the ticket's values alone: change it
 * (and with which calls), leave it (already as wanted), or skip it (cannot take the action,
 * with a reason that groups well in a preview). The inverse, for undo, is decided the same
 * way from the values before and after the job and the ticket's values now.
 * Plain TypeScript: the preview, the runner and the tests share it.
 */
import type { StateCategory, TicketType } from "@/lib/intercom/schemas";
import { attributeLabel, attributeValueError, listOptions, type AttrValue } from "@/lib/tickets/attributes";
import { stateCategoryLabel } from "@/lib/tickets/labels";
import { planTypeChange, type TypeChangeRequest } from "@/lib/tickets/type-change";
import type { BulkAction } from "./schemas";
import type { TicketSnapshot } from "./types";

/** One Intercom call, independent of HTTP: the runner turns it into a request. */
export type Call =
  | { kind: "update"; body: Record<string, unknown> }
  | { kind: "add_tag"; tagId: string }
  | { kind: "remove_tag"; tagId: string }
  | { kind: "change_type"; body: TypeChangeRequest }
  | { kind: "delete" };

export type ItemPlan =
  { kind: "change"; calls: Call[] } | { kind: "satisfied"; reason: string } | { kind: "cannot"; reason: string };

export interface PlanContext {
  types: TicketType[];
  /** Unix seconds, for snoozes. */
  now: number;
}

const change = (...calls: Call[]): ItemPlan => ({ kind: "change", calls });
const satisfied = (reason: string): ItemPlan => ({ kind: "satisfied", reason });
const cannot = (reason: string): ItemPlan => ({ kind: "cannot", reason });

/** A list attribute's value named by label, as the id of that label on this ticket's type. */
function valueForType(type: TicketType, name: string, value: AttrValue): { value: AttrValue } | { error: string } {
  const attr = type.ticket_type_attributes.find((a) => a.name === name && !a.archived);
  if (!attr) return { error: `${type.name} has no attribute ${name}` };
  let v = value;
  if (attr.data_type === "list" && typeof value === "string") {
    const item = listOptions(attr).find((o) => !o.archived && o.label === value);
    if (!item) return { error: `${type.name} has no ${attributeLabel(attr)} option “${value}”` };
    v = item.id;
  }
  const error = attributeValueError(attr, v, { required: attr.required_to_create });
  return error ? { error: `${type.name}: ${error}` } : { value: v };
}

function stateIn(type: TicketType, category: StateCategory) {
  return type.ticket_states.find((s) => s.category === category);
}

/** What `action` does to ticket `t`. */
export function planItem(action: BulkAction, t: TicketSnapshot, ctx: PlanContext): ItemPlan {
  const type = ctx.types.find((x) => x.id === t.typeId);
  switch (action.type) {
    case "assign_admin":
      return t.adminAssigneeId === action.admin_id
        ? satisfied("Already assigned to that teammate")
        : change({ kind: "update", body: { assignee_id: action.admin_id } });
    case "assign_team":
      return t.teamAssigneeId === action.team_id
        ? satisfied("Already with that team")
        : change({ kind: "update", body: { assignee_id: action.team_id } });
    case "unassign":
      return t.adminAssigneeId === null && t.teamAssigneeId === null
        ? satisfied("Already unassigned")
        : change({ kind: "update", body: { assignee_id: "0" } });
    case "set_state": {
      if (!type) return cannot("Its ticket type is unknown");
      const state = type.ticket_states.find((s) => s.id === action.state_id);
      if (!state) return cannot(`${type.name} tickets do not have this state`);
      return t.stateId === state.id
        ? satisfied(`Already ${state.internal_label}`)
        : change({ kind: "update", body: { ticket_state_id: state.id } });
    }
    case "set_state_category": {
      if (!type) return cannot("Its ticket type is unknown");
      if (t.stateCategory === action.category) return satisfied(`Already ${stateCategoryLabel(action.category)}`);
      const state = stateIn(type, action.category);
      if (!state) return cannot(`${type.name} has no ${stateCategoryLabel(action.category)} state`);
      return change({ kind: "update", body: { ticket_state_id: state.id } });
    }
    case "close":
      return t.open ? change({ kind: "update", body: { open: false } }) : satisfied("Already closed");
    case "reopen":
      return t.open && t.snoozedUntil === null
        ? satisfied("Already open")
        : change({ kind: "update", body: { open: true } });
    case "snooze":
      if (action.until <= ctx.now) return cannot("The snooze time has passed");
      return t.open && t.snoozedUntil === action.until
        ? satisfied("Already snoozed until then")
        : change({ kind: "update", body: { snoozed_until: action.until } });
    case "set_shared":
      return t.isShared === action.shared
        ? satisfied(action.shared ? "Already shared" : "Already not shared")
        : change({ kind: "update", body: { is_shared: action.shared } });
    case "add_tag":
      return t.tagIds.includes(action.tag_id)
        ? satisfied("Already has the tag")
        : change({ kind: "add_tag", tagId: action.tag_id });
    case "remove_tag":
      return t.tagIds.includes(action.tag_id)
        ? change({ kind: "remove_tag", tagId: action.tag_id })
        : satisfied("Does not have the tag");
    case "set_attribute": {
      if (!type) return cannot("Its ticket type is unknown");
      const resolved = valueForType(type, action.name, action.value);
      if ("error" in resolved) return cannot(resolved.error);
      if ((t.attributes[action.name] ?? null) === resolved.value)
        return satisfied(`${action.name} already has that value`);
      return change({ kind: "update", body: { ticket_attributes: { [action.name]: resolved.value } } });
    }
    case "change_type": {
      if (t.typeId === action.ticket_type_id) return satisfied("Already of that type");
      const target = ctx.types.find((x) => x.id === action.ticket_type_id);
      if (!type || !target) return cannot("Its ticket type is unknown");
      if (target.category !== type.category)
        return cannot(`${type.category} tickets cannot become ${target.category} tickets`);
      // The values given fill in what a ticket would otherwise leave empty; carried values are kept.
      const fills: Record<string, AttrValue> = {};
      for (const [name, value] of Object.entries(action.attributes ?? {})) {
        const resolved = valueForType(target, name, value);
        if ("error" in resolved) return cannot(resolved.error);
        fills[name] = resolved.value;
      }
      const ticket = { typeId: t.typeId, stateCategory: t.stateCategory, attributes: t.attributes };
      const bare = planTypeChange(ticket, ctx.types, target.id, action.ticket_state_id ?? null, {});
      const overrides = Object.fromEntries(
        bare.attributes.flatMap((o) =>
          (o.kind === "needs_value" || o.kind === "empty") && fills[o.attribute.name] !== undefined
            ? [[o.attribute.name, fills[o.attribute.name]]]
            : [],
        ),
      );
      const plan = planTypeChange(ticket, ctx.types, target.id, action.ticket_state_id ?? null, overrides);
      if (!plan.request) {
        const [field, message] = Object.entries(plan.errors)[0];
        // Per type, so the preview groups "Bug report → Feature request: Product area needs a value".
        return cannot(field === "ticket_type_id" ? message : `${type.name} → ${target.name}: ${message}`);
      }
      return change({ kind: "change_type", body: plan.request });
    }
    case "delete":
      return change({ kind: "delete" });
  }
}

/** The values an action touches, to tell "as the job left it" from "changed since". */
export function touched(action: BulkAction, t: TicketSnapshot): unknown {
  switch (action.type) {
    case "assign_admin":
    case "assign_team":
    case "unassign":
      return [t.adminAssigneeId, t.teamAssigneeId];
    case "set_state":
    case "set_state_category":
      return t.stateId;
    case "close":
    case "reopen":
    case "snooze":
      return [t.open, t.snoozedUntil];
    case "set_shared":
      return t.isShared;
    case "add_tag":
    case "remove_tag":
      return t.tagIds.includes(action.tag_id);
    case "set_attribute":
      return t.attributes[action.name] ?? null;
    case "change_type":
      return [t.typeId, t.stateId, Object.entries(t.attributes).toSorted(([a], [b]) => a.localeCompare(b))];
    case "delete":
      return null;
  }
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Words for what changed since the job, for the conflict list. */
function changedSince(action: BulkAction): string {
  switch (action.type) {
    case "assign_admin":
    case "assign_team":
    case "unassign":
      return "Reassigned since the job ran";
    case "set_state":
    case "set_state_category":
      return "Its state changed since the job ran";
    case "close":
    case "reopen":
    case "snooze":
      return "Opened, closed or snoozed since the job ran";
    case "set_shared":
      return "Sharing changed since the job ran";
    case "add_tag":
    case "remove_tag":
      return "The tag changed since the job ran";
    case "set_attribute":
      return `${action.name} changed since the job ran`;
    case "change_type":
      return "Its type, state or attributes changed since the job ran";
    case "delete":
      return "Deleted";
  }
}

/** The calls that put back what `action` changed, from `before` (the ticket's values before the job) onto `now`. */
function restoreCalls(action: BulkAction, before: TicketSnapshot, now: TicketSnapshot, ctx: PlanContext): ItemPlan {
  switch (action.type) {
    case "assign_admin":
    case "assign_team":
    case "unassign": {
      const calls: Call[] = [];
      // Intercom clears both assignees with "0"; the ones to keep are set again after it.
      const clear =
        (before.adminAssigneeId === null && now.adminAssigneeId !== null) ||
        (before.teamAssigneeId === null && now.teamAssigneeId !== null);
      if (clear) calls.push({ kind: "update", body: { assignee_id: "0" } });
      if (before.adminAssigneeId && (clear || now.adminAssigneeId !== before.adminAssigneeId))
        calls.push({ kind: "update", body: { assignee_id: before.adminAssigneeId } });
      if (before.teamAssigneeId && (clear || now.teamAssigneeId !== before.teamAssigneeId))
        calls.push({ kind: "update", body: { assignee_id: before.teamAssigneeId } });
      return change(...calls);
    }
    case "set_state":
    case "set_state_category":
      return change({ kind: "update", body: { ticket_state_id: before.stateId } });
    case "close":
    case "reopen":
    case "snooze":
      if (!before.open) return change({ kind: "update", body: { open: false } });
      if (before.snoozedUntil !== null && before.snoozedUntil > ctx.now)
        return change({ kind: "update", body: { snoozed_until: before.snoozedUntil } });
      return change({ kind: "update", body: { open: true } });
    case "set_shared":
      return change({ kind: "update", body: { is_shared: before.isShared } });
    case "add_tag":
      return change({ kind: "remove_tag", tagId: action.tag_id });
    case "remove_tag":
      return change({ kind: "add_tag", tagId: action.tag_id });
    case "set_attribute": {
      const type = ctx.types.find((x) => x.id === now.typeId);
      const attr = type?.ticket_type_attributes.find((a) => a.name === action.name);
      const value = before.attributes[action.name] ?? null;
      if (attr?.required_to_create && value === null)
        return cannot(`${action.name} is required and cannot be emptied again`);
      return change({ kind: "update", body: { ticket_attributes: { [action.name]: value } } });
    }
    case "change_type": {
      const old = ctx.types.find((x) => x.id === before.typeId);
      if (!old) return cannot("The old ticket type no longer exists");
      if (old.archived) return cannot(`${old.name} is archived`);
      const live = new Set(old.ticket_type_attributes.filter((a) => !a.archived).map((a) => a.name));
      const overrides = Object.fromEntries(
        Object.entries(before.attributes).filter(([name, v]) => live.has(name) && v !== null && v !== ""),
      );
      const plan = planTypeChange(
        { typeId: now.typeId, stateCategory: now.stateCategory, attributes: now.attributes },
        ctx.types,
        old.id,
        before.stateId,
        overrides,
      );
      if (!plan.request) return cannot(`Cannot change back to ${old.name}: ${Object.values(plan.errors)[0]}`);
      return change({ kind: "change_type", body: plan.request });
    }
    case "delete":
      return cannot("Deleted tickets cannot be restored");
  }
}

/**
 * Undoing `action` on one ticket: nothing to do when it is already as before, a conflict when
 * someone changed it since the job (never overwritten), else the calls that restore it.
 */
export function planUndo(
  action: BulkAction,
  before: TicketSnapshot,
  after: TicketSnapshot | null,
  now: TicketSnapshot,
  ctx: PlanContext,
): ItemPlan | { kind: "conflict"; reason: string } {
  if (action.type === "delete") return cannot("Deleted tickets cannot be restored");
  if (same(touched(action, now), touched(action, before))) return satisfied("Already as before the job");
  if (after && !same(touched(action, now), touched(action, after)))
    return { kind: "conflict", reason: changedSince(action) };
  return restoreCalls(action, before, now, ctx);
}

/**
 * What a job keeps of a ticket's values: all of them where the action or its undo needs them
 * (a type change), else only the attribute it sets, or none. Descriptions are long; a
 * 10,000-ticket job should not store 10,000 of them for nothing.
 */
export function keptFor(action: BulkAction, t: TicketSnapshot): TicketSnapshot {
  if (action.type === "change_type") return t;
  if (action.type === "set_attribute")
    return { ...t, attributes: action.name in t.attributes ? { [action.name]: t.attributes[action.name] } : {} };
  return { ...t, attributes: {} };
}
