import { badRequest } from "../errors";
import type { TicketRec, TicketTypeAttributeRec, TicketTypeRec } from "../store/types";

export type AttrValue = string | number | boolean | null;

/** Checks `ticket_attributes` against a ticket type: names it lacks, and values of the wrong type. */
export function validateTicketAttributes(type: TicketTypeRec, input: unknown): Record<string, AttrValue> {
  if (input === undefined) return {};
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    throw badRequest("ticket_attributes must be an object", "parameter_invalid", "ticket_attributes");
  }
  const entries = Object.entries(input as Record<string, unknown>);
  const unknown = entries.map(([k]) => k).filter((k) => !type.attributes.some((a) => a.name === k && !a.archived));
  if (unknown.length > 0)
    throw badRequest(`Extra attributes provided that are not found on ticket type: ${unknown.join(", ")}`);
  const out: Record<string, AttrValue> = {};
  for (const [name, value] of entries) {
    const attr = type.attributes.find((a) => a.name === name)!;
    out[name] = checkValue(attr, value);
  }
  return out;
}

function checkValue(attr: TicketTypeAttributeRec, value: unknown): AttrValue {
  if (value === null) return null;
  const wrong = (what: string) =>
    badRequest(`Invalid value for ${attr.name}: expected ${what}`, "parameter_invalid", attr.name);
  switch (attr.data_type) {
    case "string":
      if (typeof value !== "string") throw wrong("a string");
      return value;
    case "list": {
      if (typeof value !== "string") throw wrong("a list item id");
      const item = attr.list_options?.find((o) => o.id === value && !o.archived);
      if (!item) throw wrong(`one of the list item ids of ${attr.name}`);
      return value;
    }
    case "integer":
      if (typeof value !== "number" || !Number.isInteger(value)) throw wrong("an integer");
      return value;
    case "decimal":
      if (typeof value !== "number" || !Number.isFinite(value)) throw wrong("a number");
      return value;
    case "boolean":
      if (typeof value !== "boolean") throw wrong("true or false");
      return value;
    case "datetime":
      if (typeof value !== "number" || !Number.isInteger(value) || value < 0) throw wrong("a Unix timestamp");
      return value;
    case "files":
      throw wrong("files, which the API cannot set");
  }
}

/** Required attributes without a value, by name. */
export function missingRequired(type: TicketTypeRec, attributes: Record<string, AttrValue>): string[] {
  return type.attributes
    .filter((a) => a.required_to_create && !a.archived)
    .filter((a) => attributes[a.name] === undefined || attributes[a.name] === null || attributes[a.name] === "")
    .map((a) => a.name);
}

/**
 * What a ticket keeps when its type changes: attributes whose name and data type match
 * on both types. A list value moves to the new type's item with the same label, or is
 * dropped when there is none.
 */
export function carryOverAttributes(
  ticket: TicketRec,
  from: TicketTypeRec,
  to: TicketTypeRec,
): Record<string, AttrValue> {
  const out: Record<string, AttrValue> = {};
  for (const target of to.attributes) {
    if (target.archived) continue;
    const source = from.attributes.find((a) => a.name === target.name && a.data_type === target.data_type);
    if (!source) continue;
    const value = ticket.attributes[source.name];
    if (value === undefined) continue;
    if (target.data_type === "list" && value !== null) {
      const label = source.list_options?.find((o) => o.id === value)?.label;
      const match = target.list_options?.find((o) => o.label === label && !o.archived);
      if (!match) continue;
      out[target.name] = match.id;
    } else {
      out[target.name] = value;
    }
  }
  return out;
}

/** A readable label for an attribute value, for timeline parts. */
export function valueLabel(attr: TicketTypeAttributeRec, value: AttrValue): string {
  if (value === null) return "";
  if (attr.data_type === "list") return attr.list_options?.find((o) => o.id === value)?.label ?? String(value);
  return String(value);
}
