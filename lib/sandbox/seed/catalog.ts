import type { Random } from "../random";
import type {
  AttributeDataType,
  DataAttributeRec,
  StateCategory,
  TicketCategory,
  TicketStateRec,
  TicketTypeAttributeRec,
} from "../store/types";
import type { Workspace } from "../store/workspace";
import { FIRST_NAMES, JOB_TITLES, LAST_NAMES, TAG_NAMES, TEAM_NAMES } from "./text";

export const DAY = 86_400;

/** The lead who connects several workspaces under one verified email. */
export const SHARED_LEAD = {
  name: "Morgan Avery",
  email: "morgan.avery@helpdesk-partners.example",
  job_title: "Head of Support",
};

/** An admin whose email Intercom has not verified: the dashboard must refuse to sign them in. */
export const UNVERIFIED_ADMIN = { name: "Riley Quinn", job_title: "Support Specialist" };

export function seedPeople(ws: Workspace, rng: Random, domain: string, withUnverified: boolean): void {
  const base = ws.idBase;
  const people: { name: string; email: string; job_title: string; verified: boolean }[] = [
    { ...SHARED_LEAD, verified: true },
  ];
  const used = new Set<string>([SHARED_LEAD.name]);
  while (people.length < 10) {
    const name = `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}`;
    if (used.has(name)) continue;
    used.add(name);
    const email = `${name.toLowerCase().replace(/[^a-z]+/g, ".")}@${domain}`;
    people.push({ name, email, job_title: rng.pick(JOB_TITLES), verified: true });
  }
  if (withUnverified) {
    people.push({
      name: UNVERIFIED_ADMIN.name,
      email: `riley.quinn@${domain}`,
      job_title: UNVERIFIED_ADMIN.job_title,
      verified: false,
    });
  }
  people.forEach((p, i) => {
    const id = String(base + 10 + i);
    ws.admins.set(id, {
      id,
      name: p.name,
      email: p.email,
      email_verified: p.verified,
      job_title: p.job_title,
      away_mode_enabled: i === 7,
      has_inbox_seat: true,
      team_ids: [],
    });
  });

  const adminIds = [...ws.admins.keys()];
  TEAM_NAMES.forEach((name, i) => {
    const id = String(base + 100 + i);
    // Every team gets the lead plus a few others; every admin ends up in at least one team.
    const members = new Set<string>([adminIds[0], adminIds[1 + (i % (adminIds.length - 1))]]);
    for (const a of rng.sample(adminIds.slice(1), rng.int(1, 3))) members.add(a);
    ws.teams.set(id, { id, name, admin_ids: [...members] });
  });
  for (const team of ws.teams.values()) {
    for (const adminId of team.admin_ids) ws.admins.get(adminId)?.team_ids.push(team.id);
  }

  TAG_NAMES.forEach((name, i) => {
    const id = String(base + 200 + i);
    ws.tags.set(id, { id, name });
  });
}

export function seedDataAttributes(ws: Workspace, now: number): void {
  const created = now - 300 * DAY;
  let n = 0;
  const add = (
    attr: Omit<DataAttributeRec, "id" | "full_name" | "created_at" | "api_writable"> & { api_writable?: boolean },
  ) => {
    n += 1;
    const full_name = attr.custom ? `custom_attributes.${attr.name}` : attr.name;
    ws.dataAttributes.push({
      api_writable: true,
      ...attr,
      id: Math.floor(ws.idBase / 1000) + n,
      full_name,
      created_at: created,
    });
  };
  // Built-in contact attributes (a selection).
  add({
    model: "contact",
    name: "name",
    label: "Name",
    description: "The contact's name",
    data_type: "string",
    custom: false,
  });
  add({
    model: "contact",
    name: "email",
    label: "Email",
    description: "The contact's email",
    data_type: "string",
    custom: false,
  });
  add({
    model: "contact",
    name: "created_at",
    label: "Signed up",
    description: "When the contact was created",
    data_type: "date",
    custom: false,
    api_writable: false,
  });
  add({
    model: "contact",
    name: "last_seen_at",
    label: "Last seen",
    description: "When the contact was last seen",
    data_type: "date",
    custom: false,
    api_writable: false,
  });
  // Custom contact attributes, one of each type.
  add({
    model: "contact",
    name: "plan",
    label: "Plan",
    description: "Subscription plan",
    data_type: "string",
    options: ["Free", "Trial", "Starter", "Growth", "Business", "Enterprise"],
    custom: true,
  });
  add({
    model: "contact",
    name: "health_score",
    label: "Health score",
    description: "0 to 100, from product usage",
    data_type: "integer",
    custom: true,
  });
  add({
    model: "contact",
    name: "mrr",
    label: "MRR",
    description: "Monthly recurring revenue in USD",
    data_type: "float",
    custom: true,
  });
  add({
    model: "contact",
    name: "beta_tester",
    label: "Beta tester",
    description: "Opted in to beta features",
    data_type: "boolean",
    custom: true,
  });
  add({
    model: "contact",
    name: "renewal_date",
    label: "Renewal date",
    description: "Next contract renewal",
    data_type: "date",
    custom: true,
  });
  add({
    model: "contact",
    name: "account_manager",
    label: "Account manager",
    description: "Owner on the customer side",
    data_type: "string",
    custom: true,
  });
  // Custom conversation attributes.
  add({
    model: "conversation",
    name: "issue_type",
    label: "Issue type",
    description: "What the conversation is about",
    data_type: "string",
    options: ["Billing", "Bug", "Question", "Feature request", "Account"],
    custom: true,
  });
  add({
    model: "conversation",
    name: "order_value",
    label: "Order value",
    description: "Value of the related order in cents",
    data_type: "integer",
    custom: true,
  });
  add({
    model: "conversation",
    name: "escalated",
    label: "Escalated",
    description: "Escalated to a specialist",
    data_type: "boolean",
    custom: true,
  });
  add({
    model: "conversation",
    name: "follow_up_date",
    label: "Follow-up date",
    description: "When to check back",
    data_type: "date",
    custom: true,
  });
  add({
    model: "conversation",
    name: "product_area",
    label: "Product area",
    description: "The part of the product concerned",
    data_type: "string",
    custom: true,
  });
  add({
    model: "conversation",
    name: "refund_amount",
    label: "Refund amount",
    description: "Refund issued in USD",
    data_type: "float",
    custom: true,
  });
  // Company attributes, so `model=company` answers too.
  add({
    model: "company",
    name: "name",
    label: "Company name",
    description: "The name of a company",
    data_type: "string",
    custom: false,
  });
  add({
    model: "company",
    name: "industry",
    label: "Industry",
    description: "The company's industry",
    data_type: "string",
    custom: true,
  });
}

interface AttrSpec {
  name: string;
  data_type: AttributeDataType;
  required?: boolean;
  items?: string[];
  multiline?: boolean;
  description?: string;
}

interface TypeSpec {
  name: string;
  icon: string;
  category: TicketCategory;
  description: string;
  archived?: boolean;
  attrs: AttrSpec[];
  /** State labels this type uses, by key into the workspace's state set. */
  states: string[];
}

/**
 * Ticket types: some attributes share name and type across types of one category
 * ("Severity", "Affected users", "Invoice number"), some share a name but not a type
 * ("Browser" is a string on bug reports and a list on feature requests), and some are
 * unique. Refund approval has no "waiting on customer" state.
 */
const TYPE_SPECS: TypeSpec[] = [
  {
    name: "Bug report",
    icon: "🐞",
    category: "Customer",
    description: "Something in the product does not work as expected",
    attrs: [
      { name: "Severity", data_type: "list", required: true, items: ["Low", "Medium", "High", "Critical"] },
      { name: "Browser", data_type: "string" },
      { name: "Steps to reproduce", data_type: "string", multiline: true },
      { name: "Affected users", data_type: "integer" },
      { name: "Regression", data_type: "boolean" },
      { name: "First seen", data_type: "datetime" },
    ],
    states: ["submitted", "investigating", "in_progress", "waiting_on_customer", "resolved"],
  },
  {
    name: "Billing question",
    icon: "💳",
    category: "Customer",
    description: "Invoices, charges, refunds and plans",
    attrs: [
      { name: "Invoice number", data_type: "string", required: true },
      { name: "Severity", data_type: "list", items: ["Low", "Medium", "High"] },
      { name: "Amount", data_type: "decimal" },
      { name: "Refund requested", data_type: "boolean" },
      { name: "Due date", data_type: "datetime" },
      { name: "Affected users", data_type: "integer" },
    ],
    states: ["submitted", "in_progress", "awaiting_finance", "waiting_on_customer", "resolved"],
  },
  {
    name: "Feature request",
    icon: "💡",
    category: "Customer",
    description: "Ideas and requests from customers",
    attrs: [
      {
        name: "Product area",
        data_type: "list",
        required: true,
        items: ["Reporting", "Integrations", "Mobile", "Admin", "API"],
      },
      { name: "Browser", data_type: "list", items: ["Chrome", "Firefox", "Safari", "Edge"] },
      { name: "Votes", data_type: "integer" },
      { name: "Customer tier", data_type: "string" },
      { name: "Regression", data_type: "string" },
      { name: "Target release", data_type: "datetime" },
      { name: "Paying customer", data_type: "boolean" },
    ],
    states: ["submitted", "in_progress", "planned", "waiting_on_customer", "resolved"],
  },
  {
    name: "Legacy complaint",
    icon: "📮",
    category: "Customer",
    description: "Retired form kept for old tickets",
    archived: true,
    attrs: [
      { name: "Severity", data_type: "list", items: ["Low", "High"] },
      { name: "Complaint channel", data_type: "string" },
      { name: "Response hours", data_type: "integer" },
      { name: "Escalated", data_type: "boolean" },
      { name: "Received at", data_type: "datetime" },
    ],
    states: ["submitted", "in_progress", "resolved"],
  },
  {
    name: "Refund approval",
    icon: "🧾",
    category: "Back-office",
    description: "Refunds that need a second pair of eyes",
    attrs: [
      { name: "Amount", data_type: "decimal", required: true },
      { name: "Invoice number", data_type: "string" },
      { name: "Approved", data_type: "boolean" },
      { name: "Deadline", data_type: "datetime" },
      { name: "Priority level", data_type: "list", items: ["P3", "P2", "P1"] },
      { name: "Seats", data_type: "integer" },
    ],
    states: ["submitted", "under_review", "approved", "rejected"],
  },
  {
    name: "Account review",
    icon: "🔍",
    category: "Back-office",
    description: "Internal review of an account's plan, seats or risk",
    attrs: [
      { name: "Account tier", data_type: "list", required: true, items: ["SMB", "Mid-market", "Enterprise"] },
      { name: "Seats", data_type: "integer" },
      { name: "Approved", data_type: "boolean" },
      { name: "Deadline", data_type: "datetime" },
      { name: "Review notes", data_type: "string", multiline: true },
      { name: "Amount", data_type: "integer" },
    ],
    states: ["submitted", "in_progress", "waiting_on_customer", "resolved"],
  },
  {
    name: "Engineering incident",
    icon: "🚨",
    category: "Tracker",
    description: "A problem affecting many customers",
    attrs: [
      { name: "Severity", data_type: "list", required: true, items: ["SEV3", "SEV2", "SEV1"] },
      { name: "Component", data_type: "string" },
      { name: "Customers affected", data_type: "integer" },
      { name: "Postmortem done", data_type: "boolean" },
      { name: "Started at", data_type: "datetime" },
    ],
    states: ["tracker_open", "investigating", "monitoring", "resolved"],
  },
  {
    name: "Product feedback",
    icon: "📌",
    category: "Tracker",
    description: "Groups related feature requests",
    attrs: [
      { name: "Product area", data_type: "list", items: ["Reporting", "Integrations", "Mobile", "Admin", "API"] },
      { name: "Votes", data_type: "integer" },
      { name: "Shipped", data_type: "boolean" },
      { name: "Owner", data_type: "string" },
      { name: "Target release", data_type: "datetime" },
    ],
    states: ["tracker_open", "planned", "in_progress", "resolved"],
  },
];

const STATE_SPECS: Record<string, { category: StateCategory; internal: string; external: string }> = {
  submitted: { category: "submitted", internal: "Submitted", external: "Submitted" },
  in_progress: { category: "in_progress", internal: "In progress", external: "In progress" },
  waiting_on_customer: { category: "waiting_on_customer", internal: "Waiting on customer", external: "Waiting on you" },
  resolved: { category: "resolved", internal: "Resolved", external: "Resolved" },
  investigating: { category: "in_progress", internal: "Investigating", external: "We're looking into it" },
  awaiting_finance: { category: "in_progress", internal: "Awaiting finance", external: "In progress" },
  planned: { category: "in_progress", internal: "Planned", external: "On the roadmap" },
  under_review: { category: "in_progress", internal: "Under review", external: "Under review" },
  approved: { category: "resolved", internal: "Approved", external: "Approved" },
  rejected: { category: "resolved", internal: "Rejected", external: "Not approved" },
  tracker_open: { category: "submitted", internal: "Open", external: "Reported" },
  monitoring: { category: "in_progress", internal: "Monitoring", external: "Fix deployed" },
};

/** Seeds ticket states and types; returns the state id for each state key. */
export function seedTicketTypes(ws: Workspace, rng: Random, now: number): Map<string, string> {
  const base = ws.idBase;
  const stateIds = new Map<string, string>();
  Object.entries(STATE_SPECS).forEach(([key, spec], i) => {
    const id = String(base + 400 + i);
    stateIds.set(key, id);
    const rec: TicketStateRec = {
      id,
      category: spec.category,
      internal_label: spec.internal,
      external_label: spec.external,
      archived: false,
    };
    ws.ticketStates.set(id, rec);
  });

  let attrSeq = 0;
  TYPE_SPECS.forEach((spec, i) => {
    const typeId = String(base + 300 + i);
    const created = now - (200 - i * 10) * DAY;
    const makeAttr = (a: AttrSpec, order: number, isDefault: boolean): TicketTypeAttributeRec => ({
      id: String(base + 500 + ++attrSeq),
      ticket_type_id: typeId,
      name: a.name,
      description: a.description ?? "",
      data_type: a.data_type,
      order,
      required_to_create: a.required ?? false,
      required_to_create_for_contacts: false,
      visible_on_create: true,
      visible_to_contacts: spec.category === "Customer",
      default: isDefault,
      archived: false,
      multiline: a.data_type === "string" ? (a.multiline ?? false) : undefined,
      list_options: a.items?.map((label) => ({ id: rng.uuid(), label, archived: false })),
      created_at: created,
    });
    const attributes = [
      makeAttr({ name: "_default_title_", data_type: "string", required: true }, 0, true),
      makeAttr({ name: "_default_description_", data_type: "string", multiline: true }, 1, true),
      ...spec.attrs.map((a, j) => makeAttr(a, j + 2, false)),
    ];
    ws.ticketTypes.set(typeId, {
      id: typeId,
      name: spec.name,
      description: spec.description,
      icon: spec.icon,
      category: spec.category,
      is_internal: spec.category !== "Customer",
      archived: spec.archived ?? false,
      attributes,
      state_ids: spec.states.map((key) => stateIds.get(key)!),
      created_at: created,
      updated_at: created + 3 * DAY,
    });
  });
  return stateIds;
}
