/**
 * The searchable fields of Intercom's search API, per resource, as documented for
 * POST /tickets/search, /conversations/search and /contacts/search.
 *
 * This is the one catalogue shared by the query builder, the server-side validator
 * and the embedded sandbox's search engine, so the three can never disagree about
 * what a field is or which operators it takes.
 */

import { PRIORITY_LEVEL_LABELS, PRIORITY_LEVELS } from "@/lib/intercom/versions";

export const RESOURCES = ["tickets", "conversations", "contacts"] as const;
export type Resource = (typeof RESOURCES)[number];

export type FieldType = "string" | "integer" | "float" | "date" | "boolean";

export const OPERATORS = ["=", "!=", "IN", "NIN", ">", "<", ">=", "<=", "~", "!~", "^", "$"] as const;
export type Operator = (typeof OPERATORS)[number];

/** Where the builder finds the values a field can take. */
export type ValueSource =
  | "admins"
  | "teams"
  | "tags"
  | "ticket_types"
  | "ticket_states"
  | "segments"
  | "contacts"
  | "companies"
  | { enum: readonly EnumOption[] };

export interface EnumOption {
  value: string;
  label: string;
}

export interface FieldDef {
  /** The API field name, e.g. `statistics.time_to_admin_reply`. */
  key: string;
  label: string;
  type: FieldType;
  /** A heading the builder groups fields under. */
  topic: string;
  source?: ValueSource;
  /** The record holds several values (tag_ids, contact_ids): `=` means "contains". */
  multi?: boolean;
  /** Operators allowed for this field when they differ from its type's defaults. */
  operators?: readonly Operator[];
  /** `source.body`: matched word by word rather than against the whole value. */
  wordMatch?: boolean;
}

const STRING_OPS: readonly Operator[] = ["=", "!=", "IN", "NIN", "~", "!~", "^", "$"];
const NUMBER_OPS: readonly Operator[] = ["=", "!=", "IN", "NIN", ">", "<"];
const BOOLEAN_OPS: readonly Operator[] = ["=", "!=", "IN", "NIN"];

/** The operators a type takes in ticket and conversation search. */
export const OPERATORS_BY_TYPE: Record<FieldType, readonly Operator[]> = {
  string: STRING_OPS,
  integer: NUMBER_OPS,
  float: NUMBER_OPS,
  date: NUMBER_OPS,
  boolean: BOOLEAN_OPS,
};

/**
 * Contact search differs: dates match by calendar day and take only `=`, `>` and `<`;
 * integers also take `>=` and `<=`; `tag_id` takes only `=` and `!=`.
 */
const CONTACT_OPERATORS_BY_TYPE: Record<FieldType, readonly Operator[]> = {
  string: STRING_OPS,
  integer: ["=", "!=", "IN", "NIN", ">", "<", ">=", "<="],
  float: ["=", "!=", "IN", "NIN", ">", "<", ">=", "<="],
  date: ["=", ">", "<"],
  boolean: BOOLEAN_OPS,
};

export const MAX_NESTING = 2;
export const MAX_FILTERS_PER_GROUP = 15;

export const PAGE_SIZES: Record<Resource, { default: number; max: number }> = {
  tickets: { default: 20, max: 150 },
  conversations: { default: 20, max: 150 },
  contacts: { default: 50, max: 150 },
};

const opts = (...pairs: [string, string][]): { enum: EnumOption[] } => ({
  enum: pairs.map(([value, label]) => ({ value, label })),
});

export const TICKET_CATEGORY_TERMS = opts(["request", "Customer"], ["task", "Back-office"], ["tracker", "Tracker"]);
export const TICKET_STATE_CATEGORIES = opts(
  ["submitted", "Submitted"],
  ["in_progress", "In progress"],
  ["waiting_on_customer", "Waiting on customer"],
  ["resolved", "Resolved"],
);
export const CONVERSATION_STATES = opts(["open", "Open"], ["closed", "Closed"], ["snoozed", "Snoozed"]);
export const PRIORITIES = opts(["priority", "Priority"], ["not_priority", "Not priority"]);
/** From 2.16 a conversation's priority is a level; "priority" still matches any level but none. */
export const PRIORITY_LEVEL_TERMS = {
  enum: [
    ...PRIORITY_LEVELS.toReversed().map((value): EnumOption => ({ value, label: PRIORITY_LEVEL_LABELS[value] })),
    { value: "priority", label: "Any level but none" },
  ],
};
export const CHANNELS = opts(
  ["conversation", "Chat"],
  ["email", "Email"],
  ["facebook", "Facebook"],
  ["instagram", "Instagram"],
  ["phone_call", "Phone call"],
  ["phone_switch", "Phone switch"],
  ["push", "Push"],
  ["sms", "SMS"],
  ["twitter", "Twitter"],
  ["whatsapp", "WhatsApp"],
);
export const DELIVERED_AS = opts(
  ["customer_initiated", "Customer initiated"],
  ["campaigns_initiated", "Campaign"],
  ["operator_initiated", "Custom bot"],
  ["automated", "Automated"],
  ["admin_initiated", "Admin initiated"],
);
export const AUTHOR_TYPES = opts(
  ["user", "User"],
  ["lead", "Lead"],
  ["admin", "Admin"],
  ["bot", "Bot"],
  ["team", "Team"],
);
export const CONTACT_ROLES = opts(["user", "User"], ["lead", "Lead"]);
export const AI_RESOLUTION_STATES = opts(
  ["assumed_resolution", "Assumed resolution"],
  ["confirmed_resolution", "Confirmed resolution"],
  ["routed_to_team", "Routed to team"],
  ["abandoned", "Abandoned"],
);
export const AI_ANSWER_TYPES = opts(["ai_answer", "AI answer"], ["custom_answer", "Custom answer"]);
export const AI_SOURCE_TYPES = opts(
  ["essentials_plan_setup", "Essentials setup"],
  ["profile", "Profile"],
  ["workflow", "Workflow"],
  ["workflow_preview", "Workflow preview"],
  ["fin_preview", "Fin preview"],
);

const f = (
  key: string,
  label: string,
  type: FieldType,
  topic: string,
  extra: Omit<FieldDef, "key" | "label" | "type" | "topic"> = {},
): FieldDef => ({
  key,
  label,
  type,
  topic,
  ...extra,
});

const TICKET_FIELDS: FieldDef[] = [
  f("id", "Ticket ID", "string", "Ticket"),
  f("default_title", "Title", "string", "Ticket"),
  f("default_description", "Description", "string", "Ticket"),
  f("category", "Category", "string", "Ticket", { source: TICKET_CATEGORY_TERMS }),
  f("ticket_type_id", "Ticket type", "string", "Ticket", { source: "ticket_types" }),
  f("state", "State", "string", "Status", { source: TICKET_STATE_CATEGORIES }),
  f("open", "Open", "boolean", "Status"),
  f("snoozed_until", "Snoozed until", "date", "Status"),
  f("admin_assignee_id", "Assignee (teammate)", "string", "People", { source: "admins" }),
  f("team_assignee_id", "Assignee (team)", "string", "People", { source: "teams" }),
  f("teammate_ids", "Teammates involved", "string", "People", { source: "admins", multi: true }),
  f("contact_ids", "Contact", "string", "People", { source: "contacts", multi: true }),
  f("created_at", "Created", "date", "Dates", { operators: ["=", "!=", "IN", "NIN", ">", "<", ">=", "<="] }),
  f("updated_at", "Updated", "date", "Dates"),
];

const CONVERSATION_FIELDS: FieldDef[] = [
  f("id", "Conversation ID", "string", "Conversation"),
  f("state", "State", "string", "Status", { source: CONVERSATION_STATES }),
  f("open", "Open", "boolean", "Status"),
  f("read", "Read", "boolean", "Status"),
  f("priority", "Priority", "string", "Status", { source: PRIORITIES }),
  f("waiting_since", "Waiting since", "date", "Status"),
  f("snoozed_until", "Snoozed until", "date", "Status"),
  f("admin_assignee_id", "Assignee (teammate)", "string", "People", { source: "admins" }),
  f("team_assignee_id", "Assignee (team)", "string", "People", { source: "teams" }),
  f("teammate_ids", "Teammates involved", "string", "People", { source: "admins", multi: true }),
  f("contact_ids", "Contact", "string", "People", { source: "contacts", multi: true }),
  f("tag_ids", "Tag", "string", "Conversation", { source: "tags", multi: true }),
  f("channel_initiated", "Channel initiated", "string", "Source", { source: CHANNELS }),
  f("source.type", "Channel", "string", "Source", { source: CHANNELS }),
  f("source.id", "Source message ID", "string", "Source"),
  f("source.delivered_as", "Delivered as", "string", "Source", { source: DELIVERED_AS }),
  f("source.subject", "Subject", "string", "Source"),
  f("source.body", "Message body (word)", "string", "Source", { wordMatch: true }),
  f("source.author.id", "Author ID", "string", "Source"),
  f("source.author.type", "Author type", "string", "Source", { source: AUTHOR_TYPES }),
  f("source.author.name", "Author name", "string", "Source"),
  f("source.author.email", "Author email", "string", "Source"),
  f("source.url", "Source URL", "string", "Source"),
  f("created_at", "Created", "date", "Dates"),
  f("updated_at", "Updated", "date", "Dates"),
  f("statistics.time_to_assignment", "Time to assignment (s)", "integer", "Statistics"),
  f("statistics.time_to_admin_reply", "Time to first reply (s)", "integer", "Statistics"),
  f("statistics.time_to_first_close", "Time to first close (s)", "integer", "Statistics"),
  f("statistics.time_to_last_close", "Time to last close (s)", "integer", "Statistics"),
  f("statistics.median_time_to_reply", "Median time to reply (s)", "integer", "Statistics"),
  f("statistics.first_contact_reply_at", "First contact reply", "date", "Statistics"),
  f("statistics.first_assignment_at", "First assignment", "date", "Statistics"),
  f("statistics.first_admin_reply_at", "First teammate reply", "date", "Statistics"),
  f("statistics.first_close_at", "First close", "date", "Statistics"),
  f("statistics.last_assignment_at", "Last assignment", "date", "Statistics"),
  f("statistics.last_assignment_admin_reply_at", "Last assignment reply", "date", "Statistics"),
  f("statistics.last_contact_reply_at", "Last contact reply", "date", "Statistics"),
  f("statistics.last_admin_reply_at", "Last teammate reply", "date", "Statistics"),
  f("statistics.last_close_at", "Last close", "date", "Statistics"),
  f("statistics.last_closed_by_id", "Last closed by", "string", "Statistics", { source: "admins" }),
  f("statistics.count_reopens", "Reopens", "integer", "Statistics"),
  f("statistics.count_assignments", "Assignments", "integer", "Statistics"),
  f("statistics.count_conversation_parts", "Conversation parts", "integer", "Statistics"),
  f("conversation_rating.requested_at", "Rating requested", "date", "Rating"),
  f("conversation_rating.replied_at", "Rating replied", "date", "Rating"),
  f("conversation_rating.score", "Rating score", "integer", "Rating"),
  f("conversation_rating.remark", "Rating remark", "string", "Rating"),
  f("conversation_rating.contact_id", "Rated by contact", "string", "Rating", { source: "contacts" }),
  f("conversation_rating.admin_d", "Rated teammate", "string", "Rating", { source: "admins" }),
  f("ai_agent_participated", "AI agent participated", "boolean", "AI agent"),
  f("ai_agent.resolution_state", "AI resolution state", "string", "AI agent", { source: AI_RESOLUTION_STATES }),
  f("ai_agent.last_answer_type", "AI last answer type", "string", "AI agent", { source: AI_ANSWER_TYPES }),
  f("ai_agent.rating", "AI rating", "integer", "AI agent"),
  f("ai_agent.rating_remark", "AI rating remark", "string", "AI agent"),
  f("ai_agent.source_type", "AI source type", "string", "AI agent", { source: AI_SOURCE_TYPES }),
  f("ai_agent.source_title", "AI source title", "string", "AI agent"),
];

const CONTACT_FIELDS: FieldDef[] = [
  f("id", "Contact ID", "string", "Profile"),
  f("role", "Role", "string", "Profile", { source: CONTACT_ROLES }),
  f("name", "Name", "string", "Profile"),
  f("email", "Email", "string", "Profile"),
  f("email_domain", "Email domain", "string", "Profile"),
  f("phone", "Phone", "string", "Profile"),
  f("external_id", "External ID", "string", "Profile"),
  f("avatar", "Avatar URL", "string", "Profile"),
  f("owner_id", "Owner", "integer", "Profile", { source: "admins" }),
  f("language_override", "Language override", "string", "Profile"),
  f("segment_id", "Segment", "string", "Segments and tags", {
    source: "segments",
    operators: ["=", "!=", "IN", "NIN"],
  }),
  f("tag_id", "Tag", "string", "Segments and tags", { source: "tags", operators: ["=", "!="] }),
  f("created_at", "Created", "date", "Activity"),
  f("signed_up_at", "Signed up", "date", "Activity"),
  f("updated_at", "Updated", "date", "Activity"),
  f("last_seen_at", "Last seen", "date", "Activity"),
  f("last_contacted_at", "Last contacted", "date", "Activity"),
  f("last_replied_at", "Last replied", "date", "Activity"),
  f("last_email_opened_at", "Last email opened", "date", "Email"),
  f("last_email_clicked_at", "Last email clicked", "date", "Email"),
  f("unsubscribed_from_emails", "Unsubscribed from emails", "boolean", "Email"),
  f("marked_email_as_spam", "Marked email as spam", "boolean", "Email"),
  f("has_hard_bounced", "Hard bounced", "boolean", "Email"),
  f("browser", "Browser", "string", "Device"),
  f("browser_language", "Browser language", "string", "Device"),
  f("os", "Operating system", "string", "Device"),
  f("location.country", "Country", "string", "Location"),
  f("location.region", "Region", "string", "Location"),
  f("location.city", "City", "string", "Location"),
  f("ios_last_seen_at", "iOS last seen", "date", "Device"),
  f("ios_app_version", "iOS app version", "string", "Device"),
  f("ios_device", "iOS device", "string", "Device"),
  f("ios_app_device", "iOS app device", "string", "Device"),
  f("ios_os_version", "iOS version", "string", "Device"),
  f("ios_app_name", "iOS app name", "string", "Device"),
  f("ios_sdk_version", "iOS SDK version", "string", "Device"),
  f("android_last_seen_at", "Android last seen", "date", "Device"),
  f("android_app_version", "Android app version", "string", "Device"),
  f("android_device", "Android device", "string", "Device"),
  f("android_app_name", "Android app name", "string", "Device"),
  f("andoid_sdk_version", "Android SDK version", "string", "Device"),
];

export const STATIC_FIELDS: Record<Resource, readonly FieldDef[]> = {
  tickets: TICKET_FIELDS,
  conversations: CONVERSATION_FIELDS,
  contacts: CONTACT_FIELDS,
};

/** Prefixes of fields whose names depend on the workspace. */
export const DYNAMIC_PREFIX = {
  ticketAttribute: "ticket_attribute.",
  customAttribute: "custom_attributes.",
} as const;

/** Which resources take which dynamic prefix. */
export const DYNAMIC_PREFIXES: Record<Resource, readonly string[]> = {
  tickets: [DYNAMIC_PREFIX.ticketAttribute],
  conversations: [DYNAMIC_PREFIX.customAttribute],
  contacts: [DYNAMIC_PREFIX.customAttribute],
};

export function findStaticField(resource: Resource, key: string): FieldDef | undefined {
  return STATIC_FIELDS[resource].find((field) => field.key === key);
}

/** The operators a field accepts, honouring per-field and per-resource rules. */
export function operatorsFor(resource: Resource, field: Pick<FieldDef, "type" | "operators">): readonly Operator[] {
  if (field.operators) return field.operators;
  return resource === "contacts" ? CONTACT_OPERATORS_BY_TYPE[field.type] : OPERATORS_BY_TYPE[field.type];
}

/** Operators that compare against an array of values. */
export function isListOperator(op: Operator): boolean {
  return op === "IN" || op === "NIN";
}

/** Ticket type attribute data types, mapped onto search types. */
export function searchTypeForTicketAttribute(dataType: string): FieldType | undefined {
  switch (dataType) {
    case "string":
    case "list":
      return "string";
    case "integer":
      return "integer";
    case "decimal":
      return "float";
    case "boolean":
      return "boolean";
    case "datetime":
      return "date";
    default:
      return undefined;
  }
}

/** Data attribute data types (contacts, conversations), mapped onto search types. */
export function searchTypeForDataAttribute(dataType: string): FieldType | undefined {
  switch (dataType) {
    case "string":
    case "list":
      return "string";
    case "integer":
      return "integer";
    case "float":
    case "decimal":
      return "float";
    case "boolean":
      return "boolean";
    case "date":
    case "datetime":
      return "date";
    default:
      return undefined;
  }
}
