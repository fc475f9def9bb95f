/**
 * Changing a ticket's type (POST /tickets/{id}/change_type, Intercom 2.16): which types can be
 * picked, which state to start in, what happens to each attribute, and the request to send.
 * The form previews the plan, the bulk runner sends its request, and the route handler refuses
 * any request whose plan has errors, so all three agree on one set of rules.
 */
import type { TicketState, TicketType, TicketTypeAttribute } from "@/lib/intercom/schemas";
import { attributeValueError, isEmptyValue, listOptions, scalarValue, type AttrValue } from "./attributes";
import { categoryLabel, stateCategoryLabel } from "./labels";

export interface TypeChoice {
  type: TicketType;
  selectable: boolean;
  reason: string | null;
}

/**
 * The types a ticket can change to: only its own category (Intercom refuses the others, so they
 * are listed disabled with the reason); archived types are hidden, since nobody can pick them.
 * The current type stays listed, even when archived, so the lead sees where the ticket is now.
 */
export function typeChoices(currentTypeId: string, types: TicketType[]): TypeChoice[] {
  const current = types.find((t) => t.id === currentTypeId);
  return types
    .filter((t) => t.id === currentTypeId || !t.archived)
    .map((type) => {
      if (type.id === currentTypeId) return { type, selectable: false, reason: "Current type" };
      if (!current) return { type, selectable: false, reason: "The ticket's current type is unknown" };
      if (type.category !== current.category) {
        return {
          type,
          selectable: false,
          reason: `${categoryLabel(type.category)} type: a ${categoryLabel(current.category)} ticket keeps its category`,
        };
      }
      return { type, selectable: true, reason: null };
    });
}

/** The target's first state in the same state category as the current one; null leaves the choice to the lead. */
export function defaultStateFor(currentState: Pick<TicketState, "category">, target: TicketType): string | null {
  return target.ticket_states.find((s) => s.category === currentState.category)?.id ?? null;
}

export type AttributeOutcome =
  /** Same name and data type on both types (list: matched by label); Intercom copies it. */
  | { kind: "carried"; attribute: TicketTypeAttribute; value: AttrValue; from: TicketTypeAttribute }
  /** The lead gave a value; `carried` is what it replaces, if anything would have carried. */
  | { kind: "override"; attribute: TicketTypeAttribute; value: AttrValue; carried: AttrValue | undefined }
  /** Required to create, and nothing carried or given. */
  | { kind: "needs_value"; attribute: TicketTypeAttribute }
  /** Starts empty. */
  | { kind: "empty"; attribute: TicketTypeAttribute };

export interface DroppedAttribute {
  attribute: TicketTypeAttribute;
  value: AttrValue;
  reason: "not_on_new_type" | "different_data_type" | "no_matching_list_item";
}

export interface TypeChangeRequest {
  ticket_type_id: string;
  ticket_state_id: string;
  ticket_attributes?: Record<string, AttrValue>;
}

export interface TypeChangePlan {
  /** null only when targetTypeId names no known type. */
  target: TicketType | null;
  stateId: string | null;
  /** One per non-archived attribute of the new type, in the type's order, default title/description included. */
  attributes: AttributeOutcome[];
  /** The old type's attributes holding a value that will be lost. */
  dropped: DroppedAttribute[];
  /** Keyed "ticket_type_id", "ticket_state_id" or an attribute name; empty when the request is valid. */
  errors: Record<string, string>;
  /** The body for POST /tickets/{id}/change_type; ticket_attributes holds only the overrides, as Intercom carries the rest itself. Null when errors is non-empty. */
  request: TypeChangeRequest | null;
}

export interface TicketForPlan {
  typeId: string;
  stateCategory: TicketState["category"];
  attributes: Record<string, unknown>;
}

/** The plan's input from a ticket as the API returns it. */
export function ticketForPlan(ticket: {
  ticket_type: { id: string };
  ticket_state: { category: TicketState["category"] };
  ticket_attributes: Record<string, unknown>;
}): TicketForPlan {
  return {
    typeId: ticket.ticket_type.id,
    stateCategory: ticket.ticket_state.category,
    attributes: ticket.ticket_attributes,
  };
}

type Carried = { value: AttrValue; from: TicketTypeAttribute };

/**
 * What Intercom carries to each live attribute of the new type: the value of the old type's first
 * attribute with the same name and data type; a list value moves to the new type's live item with
 * the same label, or is lost. Archived attributes of the old type still carry, as the ticket keeps
 * their values and so does Intercom.
 */
function carryTo(
  target: TicketTypeAttribute,
  from: TicketType | undefined,
  attributes: Record<string, unknown>,
): Carried | null {
  const source = from?.ticket_type_attributes.find((a) => a.name === target.name && a.data_type === target.data_type);
  if (!source || attributes[source.name] === undefined) return null;
  // Files are carried by Intercom, but the dashboard cannot hold their value: shown as null.
  const value = scalarValue(attributes[source.name]) ?? null;
  if (target.data_type !== "list" || value === null) return { value, from: source };
  const label = listOptions(source).find((o) => o.id === value)?.label;
  const match = listOptions(target).find((o) => !o.archived && o.label === label);
  return match ? { value: match.id, from: source } : null;
}

/** The old type's attributes whose value nothing on the new type takes, and why. */
function lostValues(
  from: TicketType | undefined,
  attributes: Record<string, unknown>,
  live: TicketTypeAttribute[],
  carried: Carried[],
): DroppedAttribute[] {
  const dropped: DroppedAttribute[] = [];
  for (const source of from?.ticket_type_attributes ?? []) {
    const raw = attributes[source.name];
    // Losing an empty value loses nothing, so only values are reported.
    if (isEmptyValue(raw) || carried.some((c) => c.from === source)) continue;
    const named = live.filter((a) => a.name === source.name);
    const reason: DroppedAttribute["reason"] =
      named.length === 0
        ? "not_on_new_type"
        : named.some((a) => a.data_type === source.data_type)
          ? "no_matching_list_item"
          : "different_data_type";
    dropped.push({ attribute: source, value: scalarValue(raw) ?? null, reason });
  }
  return dropped;
}

function typeError(
  current: TicketType | undefined,
  target: TicketType | undefined,
  targetTypeId: string,
): string | null {
  if (!target) return targetTypeId ? "That ticket type no longer exists" : "Choose a ticket type";
  if (!current) return "The ticket's current type is unknown";
  if (target.id === current.id) return `The ticket is already of type ${target.name}`;
  if (target.category !== current.category) {
    return `${target.name} is a ${categoryLabel(target.category)} type; a ${categoryLabel(current.category)} ticket can only change to another ${categoryLabel(current.category)} type`;
  }
  if (target.archived) return `${target.name} is archived`;
  return null;
}

function stateError(
  target: TicketType,
  requested: string | null,
  resolved: string | null,
  stateCategory: TicketState["category"],
): string | null {
  if (requested === null && resolved === null) {
    return `${target.name} has no ${stateCategoryLabel(stateCategory)} state: choose one`;
  }
  if (!target.ticket_states.some((s) => s.id === resolved)) return `That state is not one of ${target.name}'s states`;
  return null;
}

/**
 * The whole plan for changing one ticket's type. Errors cover everything Intercom refuses, and one
 * thing it accepts: a required attribute left empty (a ticket a lead would have to fix afterwards).
 */
export function planTypeChange(
  ticket: TicketForPlan,
  types: TicketType[],
  targetTypeId: string,
  stateId: string | null,
  overrides: Record<string, AttrValue | undefined>,
): TypeChangePlan {
  const current = types.find((t) => t.id === ticket.typeId);
  const target = types.find((t) => t.id === targetTypeId);
  const errors: Record<string, string> = {};
  const tError = typeError(current, target, targetTypeId);
  if (tError) errors.ticket_type_id = tError;
  if (!target) return { target: null, stateId: null, attributes: [], dropped: [], errors, request: null };

  // A form's unselected <select> sends "", which means "not chosen" like null.
  const requested = stateId === "" ? null : stateId;
  const resolvedState = requested ?? defaultStateFor({ category: ticket.stateCategory }, target);
  const sError = stateError(target, requested, resolvedState, ticket.stateCategory);
  if (sError) errors.ticket_state_id = sError;

  const live = target.ticket_type_attributes.filter((a) => !a.archived);
  const carried = new Map(live.map((a) => [a.name, carryTo(a, current, ticket.attributes)] as const));
  const dropped = lostValues(
    current,
    ticket.attributes,
    live,
    [...carried.values()].filter((c): c is Carried => c !== null),
  );
  const given = Object.entries(overrides).filter((e): e is [string, AttrValue] => e[1] !== undefined);
  for (const [name] of given) {
    // Intercom names these in a 400 ("Extra attributes provided that are not found on ticket type").
    if (!live.some((a) => a.name === name)) errors[name] = `${target.name} has no attribute “${name}”`;
  }

  const outcomes: AttributeOutcome[] = live.map((attribute) => {
    const carry = carried.get(attribute.name) ?? null;
    const override = overrides[attribute.name];
    if (override !== undefined) {
      const error = attributeValueError(attribute, override, { required: attribute.required_to_create });
      if (error) errors[attribute.name] = error;
      return { kind: "override", attribute, value: override, carried: carry?.value };
    }
    if (attribute.required_to_create && (!carry || isEmptyValue(carry.value))) {
      // Intercom's change_type does not enforce this, but a ticket missing a required field is one a lead must fix later.
      errors[attribute.name] = attributeValueError(attribute, undefined, { required: true })!;
      return { kind: "needs_value", attribute };
    }
    if (carry) return { kind: "carried", attribute, value: carry.value, from: carry.from };
    return { kind: "empty", attribute };
  });

  const valid = Object.keys(errors).length === 0;
  const ticketAttributes = Object.fromEntries(given);
  const request: TypeChangeRequest | null = valid
    ? {
        ticket_type_id: target.id,
        ticket_state_id: resolvedState!,
        ...(given.length > 0 ? { ticket_attributes: ticketAttributes } : {}),
      }
    : null;
  return { target, stateId: resolvedState, attributes: outcomes, dropped, errors, request };
}

/** The ticket's attributes after the change, as Intercom will return them: carried values, then overrides. */
export function resultingAttributes(plan: Pick<TypeChangePlan, "attributes">): Record<string, AttrValue> {
  const out: Record<string, AttrValue> = {};
  for (const o of plan.attributes) {
    if (o.kind === "carried" || o.kind === "override") out[o.attribute.name] = o.value;
  }
  return out;
}
