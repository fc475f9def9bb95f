/**
 * Ticket attribute values as Intercom takes them, checked the way Intercom checks them, with
 * messages a lead can act on. Plain TypeScript on purpose: the ticket forms import this in the
 * browser, where zod would cost bundle budget, and the server re-checks with the same code.
 */
import { formatDateTime } from "@/lib/format/time";
import type { TicketTypeAttribute } from "@/lib/intercom/schemas";

/** A value Intercom accepts in `ticket_attributes` (files excepted: the API cannot set them). */
export type AttrValue = string | number | boolean | null;

export const DEFAULT_TITLE = "_default_title_";
export const DEFAULT_DESCRIPTION = "_default_description_";

type ListOption = { id: string; label: string; archived?: boolean };

/** The name a lead sees: Intercom keys the built-in fields by internal names. */
export function attributeLabel(attr: Pick<TicketTypeAttribute, "name">): string {
  if (attr.name === DEFAULT_TITLE) return "Title";
  if (attr.name === DEFAULT_DESCRIPTION) return "Description";
  return attr.name;
}

/**
 * Whether a value leaves a required attribute unfilled. Intercom counts null and "" as missing;
 * a title of spaces is no title either, so blank strings count too (stricter than the API).
 */
export function isEmptyValue(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === "string" && value.trim() === "");
}

/** A stored value as an AttrValue; undefined for what the dashboard cannot hold (files arrive as arrays). */
export function scalarValue(value: unknown): AttrValue | undefined {
  if (value === null || typeof value === "string" || typeof value === "boolean") return value;
  if (typeof value === "number") return value;
  return undefined;
}

export function listOptions(attr: TicketTypeAttribute): ListOption[] {
  return attr.input_options?.list_options ?? [];
}

/** The items a lead can still pick: archived items keep their ids on old tickets but take no new values. */
export function activeListOptions(attr: TicketTypeAttribute): ListOption[] {
  return listOptions(attr).filter((o) => !o.archived);
}

/** The label of a list item id, archived items included (old tickets still show them); null when unknown. */
export function listLabel(attr: TicketTypeAttribute, value: AttrValue): string | null {
  if (attr.data_type !== "list" || typeof value !== "string") return null;
  return listOptions(attr).find((o) => o.id === value)?.label ?? null;
}

/**
 * What is wrong with one value for an attribute, or null when Intercom would take it. undefined
 * means "not given": only a problem when required. null clears, which a required attribute refuses.
 */
export function attributeValueError(
  attr: TicketTypeAttribute,
  value: AttrValue | undefined,
  opts: { required?: boolean } = {},
): string | null {
  const label = attributeLabel(attr);
  if (isEmptyValue(value)) {
    if (opts.required) return `${label} needs a value`;
    // Optional: nothing given, a cleared value and an empty string are all fine.
    if (value === undefined || value === null || attr.data_type === "string") return null;
  }
  switch (attr.data_type) {
    case "string":
      return typeof value === "string" ? null : `${label} must be text`;
    case "list": {
      if (typeof value !== "string") return `Pick one of the ${label} options`;
      const item = listOptions(attr).find((o) => o.id === value);
      if (!item) return `That is not one of the ${label} options`;
      return item.archived ? `“${item.label}” is no longer a ${label} option` : null;
    }
    case "integer":
      return typeof value === "number" && Number.isInteger(value) ? null : `${label} must be a whole number`;
    case "decimal":
      return typeof value === "number" && Number.isFinite(value) ? null : `${label} must be a number`;
    case "boolean":
      return typeof value === "boolean" ? null : `${label} must be Yes or No`;
    case "datetime":
      // Intercom stores Unix seconds; fractions and dates before 1970 are refused.
      return typeof value === "number" && Number.isInteger(value) && value >= 0 ? null : `${label} must be a date`;
    case "files":
      return `${label} holds files, which the API cannot set`;
  }
}

/** A value as a preview shows it: list labels, Yes/No, date and time in the workspace's timezone, "—" for nothing. */
export function displayValue(attr: TicketTypeAttribute, value: AttrValue, timeZone: string): string {
  if (value === null || value === "") return "—";
  switch (attr.data_type) {
    case "list":
      return listLabel(attr, value) ?? String(value);
    case "boolean":
      return typeof value === "boolean" ? (value ? "Yes" : "No") : String(value);
    case "datetime":
      return typeof value === "number" ? formatDateTime(value, timeZone) : String(value);
    default:
      return String(value);
  }
}
