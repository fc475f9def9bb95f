/**
 * The sandbox's own records. They hold what Intercom would hold, in the shape that is
 * easiest to search and mutate; `api/serialize.ts` turns them into Intercom's JSON.
 * Ids are strings, timestamps Unix seconds, as in Intercom.
 */
import type { AiResolutionState, PriorityLevel } from "../versions";

export type Region = "US" | "EU" | "AU";

export interface AdminRec {
  id: string;
  name: string;
  email: string;
  email_verified: boolean;
  job_title: string;
  away_mode_enabled: boolean;
  has_inbox_seat: boolean;
  team_ids: string[];
}

export interface TeamRec {
  id: string;
  name: string;
  admin_ids: string[];
}

export interface TagRec {
  id: string;
  name: string;
}

export interface AppliedTag {
  id: string;
  applied_at: number;
  applied_by: { type: "admin" | "contact"; id: string };
}

export interface DataAttributeRec {
  id: number;
  model: "contact" | "conversation" | "company";
  name: string;
  full_name: string;
  label: string;
  description: string;
  /** string, integer, float, boolean, date; a list is a string with options. */
  data_type: "string" | "integer" | "float" | "boolean" | "date";
  options?: string[];
  custom: boolean;
  api_writable: boolean;
  created_at: number;
}

export type TicketCategory = "Customer" | "Back-office" | "Tracker";
export type StateCategory = "submitted" | "in_progress" | "waiting_on_customer" | "resolved";
export type AttributeDataType = "string" | "list" | "integer" | "decimal" | "boolean" | "datetime" | "files";

export interface ListOption {
  id: string;
  label: string;
  archived: boolean;
}

export interface TicketTypeAttributeRec {
  id: string;
  ticket_type_id: string;
  name: string;
  description: string;
  data_type: AttributeDataType;
  order: number;
  required_to_create: boolean;
  required_to_create_for_contacts: boolean;
  visible_on_create: boolean;
  visible_to_contacts: boolean;
  default: boolean;
  archived: boolean;
  multiline?: boolean;
  list_options?: ListOption[];
  created_at: number;
}

export interface TicketStateRec {
  id: string;
  category: StateCategory;
  internal_label: string;
  external_label: string;
  archived: boolean;
}

export interface TicketTypeRec {
  id: string;
  name: string;
  description: string;
  icon: string;
  category: TicketCategory;
  is_internal: boolean;
  archived: boolean;
  attributes: TicketTypeAttributeRec[];
  state_ids: string[];
  created_at: number;
  updated_at: number;
}

export interface CompanyRec {
  id: string;
  company_id: string;
  name: string;
  plan: string;
  size: number;
  industry: string;
  created_at: number;
}

export interface ContactRec {
  id: string;
  external_id: string | null;
  role: "user" | "lead";
  name: string;
  email: string;
  phone: string | null;
  avatar: string | null;
  owner_id: number | null;
  language_override: string | null;
  created_at: number;
  updated_at: number;
  signed_up_at: number | null;
  last_seen_at: number | null;
  last_contacted_at: number | null;
  last_replied_at: number | null;
  last_email_opened_at: number | null;
  last_email_clicked_at: number | null;
  unsubscribed_from_emails: boolean;
  marked_email_as_spam: boolean;
  has_hard_bounced: boolean;
  browser: string | null;
  browser_version: string | null;
  browser_language: string | null;
  os: string | null;
  location: {
    country: string | null;
    region: string | null;
    city: string | null;
    country_code: string | null;
    continent_code: string | null;
  };
  ios: {
    last_seen_at: number | null;
    app_version: string | null;
    device: string | null;
    os_version: string | null;
    app_name: string | null;
    sdk_version: string | null;
  };
  android: {
    last_seen_at: number | null;
    app_version: string | null;
    device: string | null;
    app_name: string | null;
    sdk_version: string | null;
  };
  custom_attributes: Record<string, string | number | boolean | null>;
  tag_ids: string[];
  company_ids: string[];
}

/** A segment is a contact search query; membership is always computed from it. */
export interface SegmentRec {
  id: string;
  name: string;
  person_type: "user" | "contact";
  created_at: number;
  updated_at: number;
  rule: SearchNode;
}

export type SearchValue = string | number | boolean | null | (string | number)[];

export type SearchNode =
  { field: string; operator: string; value: SearchValue } | { operator: "AND" | "OR"; value: SearchNode[] };

export interface Author {
  type: "admin" | "user" | "lead" | "bot" | "team";
  id: string;
  name: string | null;
  email: string;
}

export interface Reference {
  type: "admin" | "team" | "nobody_admin";
  id: string | null;
}

export interface ConversationPartRec {
  id: string;
  part_type: string;
  body: string | null;
  created_at: number;
  updated_at: number;
  notified_at: number;
  assigned_to: Reference | null;
  author: Author;
  redacted: boolean;
  /** The conversation's state once this part was made. */
  state: "open" | "closed" | "snoozed";
  /** What the part's event_details tell, for the part types that have them. */
  event?: PartEvent;
}

export type PartEvent =
  | { kind: "attribute"; name: string; value: string; previous: string | null }
  | { kind: "priority"; current: PriorityLevel; previous: PriorityLevel }
  | { kind: "snoozed"; until: number };

export interface ConversationStatistics {
  time_to_assignment: number | null;
  time_to_admin_reply: number | null;
  time_to_first_close: number | null;
  time_to_last_close: number | null;
  median_time_to_reply: number | null;
  first_contact_reply_at: number | null;
  first_assignment_at: number | null;
  first_admin_reply_at: number | null;
  first_close_at: number | null;
  last_assignment_at: number | null;
  last_assignment_admin_reply_at: number | null;
  last_contact_reply_at: number | null;
  last_admin_reply_at: number | null;
  last_close_at: number | null;
  last_closed_by_id: string | null;
  count_reopens: number;
  count_assignments: number;
  count_conversation_parts: number;
}

export interface ConversationRec {
  id: string;
  created_at: number;
  updated_at: number;
  title: string | null;
  source: {
    type: string;
    id: string;
    delivered_as: string;
    subject: string;
    body: string;
    author: Author;
    url: string | null;
    redacted: boolean;
  };
  channel_initiated: string;
  contact_ids: string[];
  admin_assignee_id: string | null;
  team_assignee_id: string | null;
  open: boolean;
  state: "open" | "closed" | "snoozed";
  read: boolean;
  waiting_since: number | null;
  snoozed_until: number | null;
  priority: PriorityLevel;
  tags: AppliedTag[];
  custom_attributes: Record<string, string | number | boolean | null>;
  statistics: ConversationStatistics;
  sla_applied: { sla_name: string; sla_status: "hit" | "missed" | "cancelled" | "active" } | null;
  conversation_rating: {
    rating: number;
    remark: string;
    requested_at: number;
    created_at: number;
    contact_id: string;
    teammate_id: string | null;
  } | null;
  ai_agent_participated: boolean;
  ai_agent: {
    source_type: string;
    source_title: string;
    last_answer_type: string | null;
    resolution_state: AiResolutionState | null;
    rating: number | null;
    rating_remark: string | null;
    created_at: number;
    updated_at: number;
  } | null;
  parts: ConversationPartRec[];
  /** The ticket this conversation was converted into, if any. */
  ticket_id: string | null;
  linked: { type: "ticket" | "conversation"; id: string }[];
}

export interface TicketPartRec {
  id: string;
  part_type: string;
  body: string | null;
  created_at: number;
  updated_at: number;
  author: Author;
  assigned_to: Reference | null;
  previous_ticket_state?: StateCategory;
  ticket_state?: StateCategory;
  updated_attribute_data?: {
    attribute: { type: "attribute"; id: string; label: string };
    value: { type: "value"; id: string | null; label: string };
  };
  redacted: boolean;
}

export interface TicketRec {
  id: string;
  ticket_id: string;
  ticket_type_id: string;
  ticket_state_id: string;
  previous_ticket_state_id: string | null;
  /** Keyed by attribute name, as Intercom's `ticket_attributes`; list values hold the item id. */
  attributes: Record<string, string | number | boolean | null>;
  contact_ids: string[];
  admin_assignee_id: string | null;
  team_assignee_id: string | null;
  created_at: number;
  updated_at: number;
  open: boolean;
  snoozed_until: number | null;
  is_shared: boolean;
  tags: AppliedTag[];
  parts: TicketPartRec[];
  linked: { type: "ticket" | "conversation"; id: string }[];
}

export interface WorkspaceInfo {
  id_code: string;
  name: string;
  region: Region;
  timezone: string;
  created_at: number;
  /** The admin a personal access token acts as. */
  owner_admin_id: string;
}
