/**
 * Turning a conversation into a ticket (POST /conversations/{id}/convert): which types can be
 * picked, the title and description to prefill, and the checked request. Shared by the form
 * and the route handler that re-checks it.
 */
import type { TicketType } from "@/lib/intercom/schemas";
import { DEFAULT_DESCRIPTION, DEFAULT_TITLE, attributeValueError, type AttrValue } from "./attributes";

export interface ConvertChoice {
  type: TicketType;
  selectable: boolean;
  reason: string | null;
}

export const CUSTOMER_ONLY_REASON = "Only Customer ticket types can be created from a conversation";

/** Live types only; Back-office and Tracker types are listed disabled, since Intercom refuses them here. */
export function convertChoices(types: TicketType[]): ConvertChoice[] {
  return types
    .filter((t) => !t.archived)
    .map((type) =>
      type.category === "Customer"
        ? { type, selectable: true, reason: null }
        : { type, selectable: false, reason: CUSTOMER_ONLY_REASON },
    );
}

/** How much of the first message makes a title, as Intercom cuts it when no title is given. */
export const TITLE_FROM_BODY_CHARS = 120;

/**
 * What Intercom fills in when the request leaves them out: the title from the conversation's
 * title, else its subject, else the start of the first message; the description from the
 * first message. Prefilling them lets the lead see and edit what the ticket will say.
 * The title may come out "" (no title, subject or text): the lead must then write one.
 */
export function convertDefaults(conv: { title: string | null; subject: string | null; bodyText: string }): {
  _default_title_: string;
  _default_description_: string;
} {
  const body = conv.bodyText.trim();
  // Whitespace collapses for a one-line title; the description keeps the message's line breaks.
  const fromBody = body.replace(/\s+/g, " ").slice(0, TITLE_FROM_BODY_CHARS);
  const title = conv.title?.trim() || conv.subject?.trim() || fromBody;
  return { _default_title_: title, _default_description_: body };
}

export interface ConvertRequest {
  ticket_type_id: string;
  attributes: Record<string, AttrValue>;
}

function typeError(type: TicketType | undefined, typeId: string): string | null {
  if (!type) return typeId ? "That ticket type no longer exists" : "Choose a ticket type";
  if (type.category !== "Customer") return CUSTOMER_ONLY_REASON;
  if (type.archived) return `${type.name} is archived`;
  return null;
}

/**
 * Checks a conversion the way Intercom does: a live Customer type, known attributes, values of
 * the right type, required attributes filled. Title and description left out are not missing:
 * Intercom fills them from the conversation (see convertDefaults).
 */
export function planConvert(
  types: TicketType[],
  typeId: string,
  attributes: Record<string, AttrValue | undefined>,
): { errors: Record<string, string>; request: ConvertRequest | null } {
  const type = types.find((t) => t.id === typeId);
  const errors: Record<string, string> = {};
  const tError = typeError(type, typeId);
  if (tError) errors.ticket_type_id = tError;
  const given = Object.entries(attributes).filter((e): e is [string, AttrValue] => e[1] !== undefined);
  if (!type) return { errors, request: null };

  const live = type.ticket_type_attributes.filter((a) => !a.archived);
  for (const [name] of given) {
    // Intercom names these in a 400 ("Extra attributes provided that are not found on ticket type").
    if (!live.some((a) => a.name === name)) errors[name] = `${type.name} has no attribute “${name}”`;
  }
  for (const attr of live) {
    const value = attributes[attr.name];
    const filledByIntercom = value === undefined && (attr.name === DEFAULT_TITLE || attr.name === DEFAULT_DESCRIPTION);
    const error = filledByIntercom ? null : attributeValueError(attr, value, { required: attr.required_to_create });
    if (error) errors[attr.name] = error;
  }

  const request =
    Object.keys(errors).length === 0 ? { ticket_type_id: type.id, attributes: Object.fromEntries(given) } : null;
  return { errors, request };
}
