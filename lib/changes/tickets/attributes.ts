/** Setting attributes, and changing a ticket's type (its attributes and state go with it). */
import type { TicketSnapshot } from "@/lib/bulk/types";
import type { TicketType } from "@/lib/intercom/schemas";
import { attributeLabel, attributeValueError, listOptions, type AttrValue } from "@/lib/tickets/attributes";
import { planTypeChange } from "@/lib/tickets/type-change";
import { namer } from "../checks";
import { cannot, change, satisfied, type FieldErrors } from "../types";
import type { Definitions } from "./definition";

/** A value for this ticket type: a list item named by its label becomes that type's item id. */
export function valueForType(
  type: TicketType,
  name: string,
  value: AttrValue,
): { value: AttrValue } | { error: string } {
  const attr = type.ticket_type_attributes.find((a) => a.name === name && !a.archived);
  if (!attr) return { error: `${type.name} has no attribute called ${name}` };
  let v = value;
  if (attr.data_type === "list" && typeof value === "string" && value !== "") {
    const options = listOptions(attr).filter((o) => !o.archived);
    const item = options.find((o) => o.label === value) ?? options.find((o) => o.id === value);
    if (!item) return { error: `${type.name} has no ${attributeLabel(attr)} option “${value}”` };
    v = item.id;
  }
  const error = attributeValueError(attr, v, { required: attr.required_to_create });
  return error ? { error } : { value: v };
}

const shown = (v: AttrValue) =>
  v === null || v === "" ? "nothing" : typeof v === "boolean" ? (v ? "Yes" : "No") : String(v);

export const attributes: Pick<Definitions, "set_attributes" | "change_type"> = {
  set_attributes: {
    check: (a, names) => {
      const live = names.ticketTypes.filter((t) => !t.archived);
      for (const name of Object.keys(a.attributes))
        if (!live.some((t) => t.ticket_type_attributes.some((x) => x.name === name && !x.archived)))
          return { [name]: `No ticket type has an attribute called ${name}` };
      return null;
    },
    plan: (a, t, ctx) => {
      const type = ctx.types.find((x) => x.id === t.typeId);
      if (!type) return cannot("Its ticket type is unknown");
      const values: Record<string, AttrValue> = {};
      const errors: FieldErrors = {};
      for (const [name, value] of Object.entries(a.attributes)) {
        const resolved = valueForType(type, name, value);
        if ("error" in resolved) errors[name] = resolved.error;
        else values[name] = resolved.value;
      }
      const [first] = Object.entries(errors);
      if (first) return cannot(first[1].startsWith(type.name) ? first[1] : `${type.name}: ${first[1]}`, errors);
      if (Object.entries(values).every(([name, v]) => (t.attributes[name] ?? null) === v))
        return satisfied(
          `${Object.keys(values).join(", ")} already ${Object.keys(values).length > 1 ? "have" : "has"} that value`,
        );
      return change([{ kind: "update", body: { ticket_attributes: values } }]);
    },
    touched: (a, t) => Object.keys(a.attributes).map((name) => t.attributes[name] ?? null),
    fields: ["attributes"],
    changedSince: (a) => `${Object.keys(a.attributes).join(", ")} changed since the job ran`,
    restore: (a, before, now, ctx) => {
      const type = ctx.types.find((x) => x.id === now.typeId);
      const values: Record<string, AttrValue> = {};
      for (const name of Object.keys(a.attributes)) {
        const value = before.attributes[name] ?? null;
        const attr = type?.ticket_type_attributes.find((x) => x.name === name);
        if (attr?.required_to_create && value === null)
          return cannot(`${name} is required and cannot be emptied again`);
        values[name] = value;
      }
      return change([{ kind: "update", body: { ticket_attributes: values } }]);
    },
    describe: (a) =>
      `Set ${Object.entries(a.attributes)
        .map(([name, v]) => `${name} to ${shown(v)}`)
        .join(", ")}`,
    attempt: (a) => `change ${Object.keys(a.attributes).join(", ")}`,
    optimistic: (d, a) => ({ ...d, attributes: { ...d.attributes, ...a.attributes } }),
    rolledBack: () => "The old values are back.",
    keepsAll: false,
  },
  change_type: {
    check: (a, names) => {
      const target = names.ticketTypes.find((t) => t.id === a.ticket_type_id);
      if (!target) return { ticket_type_id: "That ticket type does not exist" };
      for (const [from, s] of Object.entries(a.states ?? {})) {
        if (!names.ticketTypes.some((t) => t.id === from))
          return { [`states.${from}`]: "That ticket type does not exist" };
        if (!target.ticket_states.some((x) => x.id === s))
          return { [`states.${from}`]: `That state is not one of ${target.name}'s states` };
      }
      return null;
    },
    plan: (a, t, ctx) => {
      const type = ctx.types.find((x) => x.id === t.typeId);
      const target = ctx.types.find((x) => x.id === a.ticket_type_id);
      // In a job, words that group tickets well; on one ticket, the type rules' own field errors below.
      if (!ctx.single) {
        if (t.typeId === a.ticket_type_id) return satisfied("Already of that type");
        if (type && target && target.category !== type.category)
          return cannot(`${type.category} tickets cannot become ${target.category} tickets`);
      }
      if (!type || !target)
        return cannot("Its ticket type is unknown", { ticket_type_id: "Its ticket type is unknown" });
      const stateId = a.states?.[type.id] ?? null;
      const errors: FieldErrors = {};
      const resolve = (given: Record<string, AttrValue> | undefined) => {
        const out: Record<string, AttrValue> = {};
        for (const [name, value] of Object.entries(given ?? {})) {
          const r = valueForType(target, name, value);
          if ("error" in r) errors[name] = `${type.name} → ${target.name}: ${r.error}`;
          else out[name] = r.value;
        }
        return { values: out };
      };
      const fills = resolve(a.fill);
      const overrides = resolve(a.attributes);
      const [firstError] = Object.values(errors);
      if (firstError) return cannot(firstError, errors);
      const ticket = { typeId: t.typeId, stateCategory: t.stateCategory, attributes: t.attributes };
      // The fill values stand in where a ticket would otherwise leave an attribute empty; carried values are kept.
      const bare = planTypeChange(ticket, ctx.types, target.id, stateId, {});
      const filled = Object.fromEntries(
        bare.attributes.flatMap((o) =>
          (o.kind === "needs_value" || o.kind === "empty") && fills.values[o.attribute.name] !== undefined
            ? [[o.attribute.name, fills.values[o.attribute.name]]]
            : [],
        ),
      );
      const plan = planTypeChange(ticket, ctx.types, target.id, stateId, { ...filled, ...overrides.values });
      if (!plan.request) {
        const [field, message] = Object.entries(plan.errors)[0];
        return cannot(field === "ticket_type_id" ? message : `${type.name} → ${target.name}: ${message}`, plan.errors);
      }
      const state = target.ticket_states.find((s) => s.id === plan.request?.ticket_state_id);
      return change(
        [{ kind: "change_type", body: plan.request }],
        `${type.name} → ${target.name}, ${state?.internal_label ?? "its state"}`,
      );
    },
    touched: (_a, t: TicketSnapshot) => [
      t.typeId,
      t.stateId,
      Object.entries(t.attributes).toSorted(([a], [b]) => a.localeCompare(b)),
    ],
    fields: ["typeId", "stateId", "attributes"],
    changedSince: () => "Its type, state or attributes changed since the job ran",
    restore: (_a, before, now, ctx) => {
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
      return change([{ kind: "change_type", body: plan.request }]);
    },
    describe: (a, names) => {
      const to = namer(names).type(a.ticket_type_id);
      if (!a.states || Object.keys(a.states).length === 0) return `Change type to ${to}`;
      const target = names.ticketTypes.find((t) => t.id === a.ticket_type_id);
      const pairs = Object.entries(a.states).map(([from, s]) => {
        const label = target?.ticket_states.find((x) => x.id === s)?.internal_label ?? `state ${s}`;
        return `${namer(names).type(from)} → ${label}`;
      });
      return `Change type to ${to} (${pairs.join(", ")})`;
    },
    attempt: (a, names) => `change the type to ${namer(names).type(a.ticket_type_id)}`,
    keepsAll: true,
  },
};
