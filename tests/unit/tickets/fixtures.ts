/**
 * Hand-written ticket types shaped like the sandbox's /ticket_types (and parsed with the
 * dashboard's schema, so they are what the forms will really get). They follow the seeded
 * workspace, plus what the seeds lack: an archived attribute, an archived list item and a
 * files attribute. List item ids differ between types, so carrying a list value needs its label.
 */
import type { AttrValue } from "@/lib/tickets";
import {
  ticketTypeSchema,
  type StateCategory,
  type TicketCategory,
  type TicketType,
  type TicketTypeAttribute,
} from "@/lib/intercom/schemas";

type DataType = TicketTypeAttribute["data_type"];
interface AttrSpec {
  name: string;
  data_type: DataType;
  required?: boolean;
  archived?: boolean;
  /** Labels; a leading "~" marks an archived item. */
  items?: string[];
}

const STATES: Record<string, [StateCategory, string]> = {
  "401": ["submitted", "Submitted"],
  "402": ["in_progress", "In progress"],
  "403": ["waiting_on_customer", "Waiting on customer"],
  "404": ["resolved", "Resolved"],
  "405": ["in_progress", "Investigating"],
  "406": ["in_progress", "Awaiting finance"],
  "407": ["in_progress", "Planned"],
  "408": ["in_progress", "Under review"],
  "409": ["resolved", "Approved"],
  "410": ["resolved", "Rejected"],
  "411": ["submitted", "Open"],
  "412": ["in_progress", "Monitoring"],
};

const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, "-");
let attrSeq = 500;

function build(
  id: string,
  name: string,
  category: TicketCategory,
  attrs: AttrSpec[],
  states: string[],
  archived = false,
): TicketType {
  const all: AttrSpec[] = [
    { name: "_default_title_", data_type: "string", required: true },
    { name: "_default_description_", data_type: "string" },
    ...attrs,
  ];
  return ticketTypeSchema.parse({
    type: "ticket_type",
    id: Number(id),
    name,
    category,
    archived,
    icon: "🎫",
    ticket_type_attributes: {
      type: "list",
      data: all.map((a, order) => ({
        type: "ticket_type_attribute",
        id: String(++attrSeq),
        name: a.name,
        data_type: a.data_type,
        order,
        required_to_create: a.required ?? false,
        default: order < 2,
        archived: a.archived ?? false,
        ticket_type_id: Number(id),
        input_options:
          a.data_type === "list"
            ? {
                list_options: (a.items ?? []).map((label) => ({
                  id: `${id}-${slug(a.name)}-${slug(label.replace("~", ""))}`,
                  label: label.replace("~", ""),
                  archived: label.startsWith("~"),
                })),
              }
            : null,
      })),
    },
    ticket_states: {
      type: "list",
      data: states.map((s) => ({
        type: "ticket_state",
        id: s,
        category: STATES[s][0],
        internal_label: STATES[s][1],
        external_label: STATES[s][1],
      })),
    },
  });
}

export const BUG = build(
  "301",
  "Bug report",
  "Customer",
  [
    { name: "Severity", data_type: "list", required: true, items: ["Low", "Medium", "High", "Critical"] },
    { name: "Browser", data_type: "string" },
    { name: "Steps to reproduce", data_type: "string" },
    { name: "Affected users", data_type: "integer" },
    { name: "Regression", data_type: "boolean" },
    { name: "First seen", data_type: "datetime" },
    { name: "Screenshots", data_type: "files" },
  ],
  ["401", "405", "402", "403", "404"],
);

/** Billing question keeps an archived "Browser" and an archived "Critical" severity, retired from the form. */
export const BILLING = build(
  "302",
  "Billing question",
  "Customer",
  [
    { name: "Invoice number", data_type: "string", required: true },
    { name: "Severity", data_type: "list", items: ["Low", "Medium", "High", "~Critical"] },
    { name: "Amount", data_type: "decimal" },
    { name: "Refund requested", data_type: "boolean" },
    { name: "Due date", data_type: "datetime" },
    { name: "Affected users", data_type: "integer" },
    { name: "Browser", data_type: "string", archived: true },
  ],
  ["401", "402", "406", "403", "404"],
);

export const FEATURE = build(
  "303",
  "Feature request",
  "Customer",
  [
    {
      name: "Product area",
      data_type: "list",
      required: true,
      items: ["Reporting", "Integrations", "Mobile", "Admin", "API"],
    },
    { name: "Browser", data_type: "list", items: ["Chrome", "Firefox", "Safari", "Edge"] },
    { name: "Votes", data_type: "integer" },
    { name: "Regression", data_type: "string" },
    { name: "Screenshots", data_type: "files" },
  ],
  ["401", "402", "407", "403", "404"],
);

export const LEGACY = build(
  "304",
  "Legacy complaint",
  "Customer",
  [
    { name: "Severity", data_type: "list", items: ["Low", "High"] },
    { name: "Response hours", data_type: "integer" },
  ],
  ["401", "402", "404"],
  true,
);

/** No "waiting on customer" state, as in the sandbox. */
export const REFUND = build(
  "305",
  "Refund approval",
  "Back-office",
  [
    { name: "Amount", data_type: "decimal", required: true },
    { name: "Invoice number", data_type: "string" },
    { name: "Approved", data_type: "boolean" },
    { name: "Deadline", data_type: "datetime" },
    { name: "Priority level", data_type: "list", items: ["P3", "P2", "P1"] },
    { name: "Seats", data_type: "integer" },
  ],
  ["401", "408", "409", "410"],
);

export const REVIEW = build(
  "306",
  "Account review",
  "Back-office",
  [
    { name: "Account tier", data_type: "list", required: true, items: ["SMB", "Mid-market", "Enterprise"] },
    { name: "Seats", data_type: "integer" },
    { name: "Approved", data_type: "boolean" },
    { name: "Deadline", data_type: "datetime" },
    { name: "Amount", data_type: "integer" },
  ],
  ["401", "402", "403", "404"],
);

export const INCIDENT = build(
  "307",
  "Engineering incident",
  "Tracker",
  [
    { name: "Severity", data_type: "list", required: true, items: ["SEV3", "SEV2", "SEV1"] },
    { name: "Component", data_type: "string" },
  ],
  ["411", "405", "412", "404"],
);

export const FEEDBACK = build(
  "308",
  "Product feedback",
  "Tracker",
  [
    { name: "Product area", data_type: "list", items: ["Reporting", "Integrations", "Mobile", "Admin", "API"] },
    { name: "Votes", data_type: "integer" },
  ],
  ["411", "407", "402", "404"],
);

export const TYPES: TicketType[] = [BUG, BILLING, FEATURE, LEGACY, REFUND, REVIEW, INCIDENT, FEEDBACK];

export function attr(type: TicketType, name: string): TicketTypeAttribute {
  const found = type.ticket_type_attributes.find((a) => a.name === name);
  if (!found) throw new Error(`${type.name} has no ${name}`);
  return found;
}

/** The id of a list item, by label. */
export function item(type: TicketType, name: string, label: string): string {
  const found = attr(type, name).input_options?.list_options?.find((o) => o.label === label);
  if (!found) throw new Error(`${type.name}.${name} has no ${label}`);
  return found.id;
}

export function stateId(type: TicketType, label: string): string {
  const found = type.ticket_states.find((s) => s.internal_label === label);
  if (!found) throw new Error(`${type.name} has no state ${label}`);
  return found.id;
}

/** A bug report with every settable attribute filled. */
export function bugValues(severity = "Medium"): Record<string, AttrValue> {
  return {
    _default_title_: "Export fails",
    _default_description_: "CSV export spins forever",
    Severity: item(BUG, "Severity", severity),
    Browser: "Chrome 126",
    "Steps to reproduce": "Open reports, click export",
    "Affected users": 42,
    Regression: true,
    "First seen": 1_700_000_000,
  };
}
