/** Setting a ticket's state: each ticket type has its own states, so the target is chosen per type. */
import type { TicketSnapshot } from "@/lib/bulk/types";
import type { TicketType } from "@/lib/intercom/schemas";
import { namer } from "../checks";
import { cannot, change, satisfied, type FieldErrors, type Names } from "../types";
import type { Definitions } from "./definition";

const stateOf = (type: TicketType | undefined, stateId: string | undefined) =>
  stateId === undefined ? undefined : type?.ticket_states.find((s) => s.id === stateId);

/** "Bug report → In progress", one entry a type. */
function statePairs(states: Record<string, string>, names: Names): string[] {
  return Object.entries(states).map(([typeId, stateId]) => {
    const type = names.ticketTypes.find((t) => t.id === typeId);
    return `${type?.name ?? `type ${typeId}`} → ${stateOf(type, stateId)?.internal_label ?? `state ${stateId}`}`;
  });
}

/** Every type named must exist and the state must be one of its own. */
export function statesError(states: Record<string, string>, names: Names, field = "states"): FieldErrors | null {
  const errors: FieldErrors = {};
  for (const [typeId, stateId] of Object.entries(states)) {
    const type = names.ticketTypes.find((t) => t.id === typeId);
    if (!type) errors[`${field}.${typeId}`] = "That ticket type does not exist";
    else if (!stateOf(type, stateId)) errors[`${field}.${typeId}`] = `That state is not one of ${type.name}'s states`;
  }
  return Object.keys(errors).length > 0 ? errors : null;
}

export const state: Pick<Definitions, "set_state"> = {
  set_state: {
    check: (a, names) => statesError(a.states, names),
    plan: (a, t, ctx) => {
      const type = ctx.types.find((x) => x.id === t.typeId);
      if (!type) return cannot("Its ticket type is unknown");
      const target = a.states[type.id];
      if (target === undefined) return cannot(`No state chosen for ${type.name} tickets`);
      const s = stateOf(type, target);
      if (!s)
        return cannot(`That state is not one of ${type.name}'s states`, {
          [`states.${type.id}`]: `That state is not one of ${type.name}'s states`,
        });
      return t.stateId === s.id
        ? satisfied(`Already ${s.internal_label}`)
        : change([{ kind: "update", body: { ticket_state_id: s.id } }], `${type.name} → ${s.internal_label}`);
    },
    touched: (_a, t: TicketSnapshot) => t.stateId,
    fields: ["stateId"],
    changedSince: () => "Its state changed since the job ran",
    restore: (_a, before) => change([{ kind: "update", body: { ticket_state_id: before.stateId } }]),
    describe: (a, names) => {
      const entries = Object.entries(a.states);
      if (entries.length === 0) return "Set state";
      if (entries.length === 1) {
        const [typeId, stateId] = entries[0];
        const type = names.ticketTypes.find((t) => t.id === typeId);
        return `Set ${namer(names).type(typeId)} tickets to ${stateOf(type, stateId)?.internal_label ?? `state ${stateId}`}`;
      }
      const labels = new Set(
        entries.map(
          ([typeId, stateId]) =>
            stateOf(
              names.ticketTypes.find((t) => t.id === typeId),
              stateId,
            )?.internal_label,
        ),
      );
      const [label] = labels;
      // The same state name for every type: said once. Otherwise each type's own.
      if (labels.size === 1 && label) {
        const types = entries.map(([typeId]) => namer(names).type(typeId));
        return `Set ${types.slice(0, -1).join(", ")} and ${types.at(-1)} tickets to ${label}`;
      }
      return `Set state: ${statePairs(a.states, names).join(", ")}`;
    },
    attempt: (a, names, ticket) => {
      const typeId = ticket?.type.id ?? Object.keys(a.states)[0];
      const type = ticket?.type ?? names.ticketTypes.find((t) => t.id === typeId);
      return `set the state to ${stateOf(type, a.states[typeId ?? ""])?.internal_label ?? "the new state"}`;
    },
    optimistic: (d, a) => {
      const s = stateOf(d.type, a.states[d.type.id]);
      return s ? { ...d, state: s, previousStateId: d.state.id } : d;
    },
    rolledBack: (d) => `The ticket is back in ${d.state.internal_label}.`,
  },
};
