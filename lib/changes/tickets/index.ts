/**
 * Every change a ticket takes, one definition each. Everything that changes a ticket goes
 * through here: the ticket's page (checks and its optimistic update), the ticket routes, the
 * bulk preview, the bulk runner, undo and the audit log.
 */
import type { TicketSnapshot } from "@/lib/bulk/types";
import type { StoredTicketChange, TicketChange } from "../schema";
import type { Plan, PlanContext, UndoPlan } from "../types";
import { cannot, satisfied } from "../types";
import { assignment } from "./assignment";
import { attributes } from "./attributes";
import type { BoundTicketChange } from "./bound";
import type { Definitions, TicketChangeDefinition } from "./definition";
import { legacySetState, legacySetStateCategory } from "./legacy";
import { lifecycle } from "./lifecycle";
import { others } from "./others";
import { sharingAndTags } from "./sharing-tags";
import { state } from "./state";

export const ticketDefinitions: Definitions = {
  ...assignment,
  ...state,
  ...lifecycle,
  ...sharingAndTags,
  ...attributes,
  ...others,
};

function bind<T extends TicketChange>(def: TicketChangeDefinition<T>, a: T): BoundTicketChange {
  const restore = def.restore;
  const optimistic = def.optimistic;
  const rolledBack = def.rolledBack;
  return {
    type: a.type,
    check: (names, now) => def.check(a, names, now),
    plan: (t, ctx) => def.plan(a, t, ctx),
    touched: (t) => def.touched(a, t),
    fields: def.fields,
    changedSince: def.changedSince(a),
    ...(restore ? { restore: (before, now, ctx) => restore(a, before, now, ctx) } : {}),
    describe: (names, timezone = "UTC") => def.describe(a, names, timezone),
    attempt: (names, ticket) => def.attempt(a, names, ticket),
    ...(optimistic ? { optimistic: (d, names) => optimistic(d, a, names) } : {}),
    ...(rolledBack ? { rolledBack: (d, names) => rolledBack(d, a, names) } : {}),
    keepsAll: def.keepsAll ?? false,
  };
}

/** Bound once per change object: a 10,000-ticket job asks for its change for every ticket. */
const boundChanges = new WeakMap<StoredTicketChange | TicketChange, BoundTicketChange>();

/** The change a request or a stored job stands for (stored jobs may hold older shapes). */
export function ticketChangeOf(a: StoredTicketChange | TicketChange): BoundTicketChange {
  let bound = boundChanges.get(a);
  if (!bound) boundChanges.set(a, (bound = bindChange(a)));
  return bound;
}

function bindChange(a: StoredTicketChange | TicketChange): BoundTicketChange {
  switch (a.type) {
    case "set_state":
      return "state_id" in a ? legacySetState(a) : bind(ticketDefinitions.set_state, a);
    case "set_state_category":
      return legacySetStateCategory(a);
    case "set_attribute":
      return bind(ticketDefinitions.set_attributes, { type: "set_attributes", attributes: { [a.name]: a.value } });
    default:
      return bind(ticketDefinitions[a.type] as TicketChangeDefinition<typeof a>, a);
  }
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Undoing a change on one ticket: nothing to do when it is already as before, a conflict when
 * someone changed it since (never overwritten), else the calls that restore it.
 */
export function planUndo(
  a: StoredTicketChange,
  before: TicketSnapshot,
  after: TicketSnapshot | null,
  now: TicketSnapshot,
  ctx: PlanContext,
): UndoPlan {
  const c = ticketChangeOf(a);
  if (!c.restore) return cannot(a.type === "delete" ? "Deleted tickets cannot be restored" : "This cannot be undone");
  if (same(c.touched(now), c.touched(before))) return satisfied("Already as before the job");
  if (after && !same(c.touched(now), c.touched(after))) return { kind: "conflict", reason: c.changedSince };
  return c.restore(before, now, ctx);
}

/** What `a` does to ticket `t`. */
export const planChange = (a: StoredTicketChange, t: TicketSnapshot, ctx: PlanContext): Plan =>
  ticketChangeOf(a).plan(t, ctx);

/**
 * What a job keeps of a ticket's values: all of them where the change or its undo needs them
 * (a type change), else only the attributes it sets, or none. A 10,000-ticket job should not
 * store 10,000 descriptions for nothing.
 */
export function keptFor(a: StoredTicketChange, t: TicketSnapshot): TicketSnapshot {
  if (ticketChangeOf(a).keepsAll) return t;
  const names = a.type === "set_attributes" ? Object.keys(a.attributes) : a.type === "set_attribute" ? [a.name] : [];
  return {
    ...t,
    attributes: Object.fromEntries(names.filter((n) => n in t.attributes).map((n) => [n, t.attributes[n]])),
  };
}

export type { BoundTicketChange };

/**
 * The change as it applies to the ticket types of a selection: per-type targets for types
 * with no ticket selected are dropped, so the job's words name only what it does.
 */
export function forTypes<T extends StoredTicketChange>(a: T, typeIds: Set<string>): T {
  if ((a.type === "set_state" || a.type === "change_type") && "states" in a && a.states) {
    const states = Object.fromEntries(Object.entries(a.states).filter(([typeId]) => typeIds.has(typeId)));
    return { ...a, states };
  }
  return a;
}
