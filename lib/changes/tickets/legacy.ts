/**
 * Jobs stored before states were chosen per ticket type (one state id, or a state category).
 * Their labels and their undo still work; an item tried again is planned as it was planned
 * then, never turned into a new kind of change.
 */
import type { TicketSnapshot } from "@/lib/bulk/types";
import { stateCategoryLabel } from "@/lib/tickets/labels";
import type { LegacyTicketChange } from "../schema";
import { cannot, change, satisfied, type Names } from "../types";
import type { BoundTicketChange } from "./bound";

type Legacy<K extends LegacyTicketChange["type"]> = Extract<LegacyTicketChange, { type: K }>;

function stateChange(
  type: string,
  plan: BoundTicketChange["plan"],
  describe: (names: Names) => string,
): BoundTicketChange {
  return {
    type,
    check: () => null,
    plan,
    touched: (t) => t.stateId,
    fields: ["stateId"],
    changedSince: "Its state changed since the job ran",
    restore: (before: TicketSnapshot) => change([{ kind: "update", body: { ticket_state_id: before.stateId } }]),
    describe,
    attempt: () => "set the state",
    keepsAll: false,
  };
}

export const legacySetState = (a: Legacy<"set_state">) =>
  stateChange(
    "set_state",
    (t, ctx) => {
      const type = ctx.types.find((x) => x.id === t.typeId);
      if (!type) return cannot("Its ticket type is unknown");
      const s = type.ticket_states.find((x) => x.id === a.state_id);
      if (!s) return cannot(`${type.name} tickets do not have this state`);
      return t.stateId === s.id
        ? satisfied(`Already ${s.internal_label}`)
        : change([{ kind: "update", body: { ticket_state_id: s.id } }]);
    },
    (names) => {
      for (const t of names.ticketTypes) {
        const s = t.ticket_states.find((x) => x.id === a.state_id);
        if (s) return `Set state to ${s.internal_label} (${t.name})`;
      }
      return `Set state to state ${a.state_id}`;
    },
  );

export const legacySetStateCategory = (a: Legacy<"set_state_category">) =>
  stateChange(
    "set_state_category",
    (t, ctx) => {
      const type = ctx.types.find((x) => x.id === t.typeId);
      if (!type) return cannot("Its ticket type is unknown");
      if (t.stateCategory === a.category) return satisfied(`Already ${stateCategoryLabel(a.category)}`);
      const s = type.ticket_states.find((x) => x.category === a.category);
      if (!s) return cannot(`${type.name} has no ${stateCategoryLabel(a.category)} state`);
      return change([{ kind: "update", body: { ticket_state_id: s.id } }]);
    },
    () => `Set state to ${stateCategoryLabel(a.category)}`,
  );
