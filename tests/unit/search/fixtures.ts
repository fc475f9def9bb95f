/**
 * Hand-written workspace lists, shaped like Intercom's GET /ticket_types and /data_attributes
 * answers and parsed with the dashboard's own schemas, covering what the seeded sandbox lacks:
 * an archived attribute, an archived list item, a files attribute, an archived data attribute.
 */
import {
  dataAttributeListSchema,
  ticketTypeListSchema,
  type DataAttribute,
  type TicketType,
} from "@/lib/intercom/schemas";
import { buildCatalogue, type Catalogue } from "@/lib/search/catalogue";
import { RESOURCES, type Resource } from "@/lib/search/fields";

let nextId = 9000;
function attr(name: string, dataType: string, extra: Record<string, unknown> = {}) {
  return {
    type: "ticket_type_attribute",
    id: String(nextId++),
    name,
    description: "",
    data_type: dataType,
    input_options: null,
    order: 0,
    required_to_create: false,
    default: false,
    archived: false,
    ...extra,
  };
}

const item = (id: string, label: string, archived = false) => ({ type: "list_option", id, label, archived });

function ticketType(
  id: string,
  name: string,
  category: string,
  archived: boolean,
  attributes: ReturnType<typeof attr>[],
) {
  return {
    type: "ticket_type",
    id,
    name,
    category,
    archived,
    icon: "🎫",
    ticket_type_attributes: {
      type: "list",
      data: [
        attr("_default_title_", "string", { default: true }),
        attr("_default_description_", "string", { default: true }),
        ...attributes,
      ],
    },
    ticket_states: {
      type: "list",
      data: [
        {
          type: "ticket_state",
          id: `${id}1`,
          category: "submitted",
          internal_label: "Submitted",
          external_label: "Submitted",
        },
      ],
    },
  };
}

export const TICKET_TYPES_JSON = {
  type: "list",
  data: [
    ticketType("100", "Bug report", "Customer", false, [
      attr("Severity", "list", {
        id: "9101",
        input_options: {
          list_options: [item("sev-low", "Low"), item("sev-high", "High"), item("sev-old", "Legacy", true)],
        },
      }),
      attr("Browser", "string", { id: "9102" }),
      attr("Affected users", "integer", { id: "9103" }),
      attr("Regression", "boolean", { id: "9104" }),
      attr("First seen", "datetime", { id: "9105" }),
      attr("Estimate", "decimal", { id: "9106" }),
      attr("Screenshots", "files", { id: "9107" }),
      attr("Old field", "string", { id: "9108", archived: true }),
    ]),
    ticketType("200", "Legacy complaint", "Customer", true, [attr("Channel", "string", { id: "9201" })]),
    ticketType("300", "Refund approval", "Back-office", false, [
      attr("Amount", "decimal", { id: "9301" }),
      attr("Deadline", "datetime", { id: "9302" }),
    ]),
  ],
};

function dataAttribute(
  model: string,
  name: string,
  label: string,
  dataType: string,
  extra: Record<string, unknown> = {},
) {
  return {
    type: "data_attribute",
    model,
    name,
    full_name: `custom_attributes.${name}`,
    label,
    data_type: dataType,
    custom: true,
    archived: false,
    ...extra,
  };
}

export const DATA_ATTRIBUTES_JSON = {
  type: "list",
  data: [
    dataAttribute("contact", "email", "Email", "string", { full_name: "email", custom: false }),
    dataAttribute("contact", "plan", "Plan", "string", { options: ["Free", "Growth", "Enterprise"] }),
    dataAttribute("contact", "health_score", "Health score", "integer"),
    dataAttribute("contact", "mrr", "MRR", "float"),
    dataAttribute("contact", "beta_tester", "Beta tester", "boolean"),
    dataAttribute("contact", "renewal_date", "Renewal date", "date"),
    dataAttribute("contact", "old_score", "Old score", "integer", { archived: true }),
    dataAttribute("conversation", "issue_type", "Issue type", "string", { options: ["Billing", "Bug"] }),
    dataAttribute("conversation", "order_value", "Order value", "integer"),
    dataAttribute("conversation", "refund_amount", "Refund amount", "float"),
    dataAttribute("conversation", "escalated", "Escalated", "boolean"),
    dataAttribute("conversation", "follow_up_date", "Follow-up date", "date"),
    dataAttribute("company", "industry", "Industry", "string"),
  ],
};

export const TICKET_TYPES: TicketType[] = ticketTypeListSchema.parse(TICKET_TYPES_JSON).data;
export const DATA_ATTRIBUTES: DataAttribute[] = dataAttributeListSchema.parse(DATA_ATTRIBUTES_JSON).data;

export const CATALOGUES: Record<Resource, Catalogue> = Object.fromEntries(
  RESOURCES.map((r) => [r, buildCatalogue(r, { ticketTypes: TICKET_TYPES, dataAttributes: DATA_ATTRIBUTES })]),
) as Record<Resource, Catalogue>;

/** The moment and teammate searches are converted for in these tests. */
export const CTX = { now: 1_790_000_000, adminId: "991267" };
