import type { Resource } from "@/lib/search/fields";
import { conversationTeammateIds, ticketTeammateIds } from "../store/derive";
import type { ContactRec, ConversationRec, TicketRec } from "../store/types";
import type { Workspace } from "../store/workspace";
import { aiResolutionState2_14, priorityFlag } from "../versions";

export type Scalar = string | number | boolean | null;
export type FieldValue = Scalar | string[];
export type Accessor<R> = (rec: R, ws: Workspace) => FieldValue;

const CATEGORY_TERMS: Record<string, string> = { Customer: "request", "Back-office": "task", Tracker: "tracker" };

export const TICKET_ACCESSORS: Record<string, Accessor<TicketRec>> = {
  id: (t) => t.id,
  created_at: (t) => t.created_at,
  updated_at: (t) => t.updated_at,
  default_title: (t) => (t.attributes._default_title_ as string | null) ?? null,
  default_description: (t) => (t.attributes._default_description_ as string | null) ?? null,
  category: (t, ws) => CATEGORY_TERMS[ws.ticketTypes.get(t.ticket_type_id)!.category],
  ticket_type_id: (t) => t.ticket_type_id,
  contact_ids: (t) => t.contact_ids,
  teammate_ids: (t) => ticketTeammateIds(t),
  admin_assignee_id: (t) => t.admin_assignee_id,
  team_assignee_id: (t) => t.team_assignee_id,
  open: (t) => t.open,
  state: (t, ws) => ws.ticketStates.get(t.ticket_state_id)!.category,
  snoozed_until: (t) => t.snoozed_until,
};

const stat =
  (key: keyof ConversationRec["statistics"]): Accessor<ConversationRec> =>
  (c) =>
    c.statistics[key];

export const CONVERSATION_ACCESSORS: Record<string, Accessor<ConversationRec>> = {
  id: (c) => c.id,
  created_at: (c) => c.created_at,
  updated_at: (c) => c.updated_at,
  "source.type": (c) => c.source.type,
  "source.id": (c) => c.source.id,
  "source.delivered_as": (c) => c.source.delivered_as,
  "source.subject": (c) => c.source.subject || null,
  "source.body": (c) => c.source.body,
  "source.author.id": (c) => c.source.author.id,
  "source.author.type": (c) => c.source.author.type,
  "source.author.name": (c) => c.source.author.name,
  "source.author.email": (c) => c.source.author.email,
  "source.url": (c) => c.source.url,
  contact_ids: (c) => c.contact_ids,
  teammate_ids: (c) => conversationTeammateIds(c),
  admin_assignee_id: (c) => c.admin_assignee_id,
  team_assignee_id: (c) => c.team_assignee_id,
  channel_initiated: (c) => c.channel_initiated,
  open: (c) => c.open,
  read: (c) => c.read,
  state: (c) => c.state,
  waiting_since: (c) => c.waiting_since,
  snoozed_until: (c) => c.snoozed_until,
  tag_ids: (c) => c.tags.map((t) => t.id),
  // Either spelling finds it: the level (2.16+) and the older flag.
  priority: (c) => [c.priority, priorityFlag(c.priority)],
  "statistics.time_to_assignment": stat("time_to_assignment"),
  "statistics.time_to_admin_reply": stat("time_to_admin_reply"),
  "statistics.time_to_first_close": stat("time_to_first_close"),
  "statistics.time_to_last_close": stat("time_to_last_close"),
  "statistics.median_time_to_reply": stat("median_time_to_reply"),
  "statistics.first_contact_reply_at": stat("first_contact_reply_at"),
  "statistics.first_assignment_at": stat("first_assignment_at"),
  "statistics.first_admin_reply_at": stat("first_admin_reply_at"),
  "statistics.first_close_at": stat("first_close_at"),
  "statistics.last_assignment_at": stat("last_assignment_at"),
  "statistics.last_assignment_admin_reply_at": stat("last_assignment_admin_reply_at"),
  "statistics.last_contact_reply_at": stat("last_contact_reply_at"),
  "statistics.last_admin_reply_at": stat("last_admin_reply_at"),
  "statistics.last_close_at": stat("last_close_at"),
  "statistics.last_closed_by_id": stat("last_closed_by_id"),
  "statistics.count_reopens": stat("count_reopens"),
  "statistics.count_assignments": stat("count_assignments"),
  "statistics.count_conversation_parts": stat("count_conversation_parts"),
  "conversation_rating.requested_at": (c) => c.conversation_rating?.requested_at ?? null,
  "conversation_rating.replied_at": (c) => c.conversation_rating?.created_at ?? null,
  "conversation_rating.score": (c) => c.conversation_rating?.rating ?? null,
  "conversation_rating.remark": (c) => c.conversation_rating?.remark ?? null,
  "conversation_rating.contact_id": (c) => c.conversation_rating?.contact_id ?? null,
  "conversation_rating.admin_d": (c) => c.conversation_rating?.teammate_id ?? null,
  ai_agent_participated: (c) => c.ai_agent_participated,
  "ai_agent.resolution_state": (c) => {
    const state = c.ai_agent?.resolution_state ?? null;
    return state === null ? null : [state, aiResolutionState2_14(state)];
  },
  "ai_agent.last_answer_type": (c) => c.ai_agent?.last_answer_type ?? null,
  "ai_agent.rating": (c) => c.ai_agent?.rating ?? null,
  "ai_agent.rating_remark": (c) => c.ai_agent?.rating_remark ?? null,
  "ai_agent.source_type": (c) => c.ai_agent?.source_type ?? null,
  "ai_agent.source_title": (c) => c.ai_agent?.source_title ?? null,
};

export const CONTACT_ACCESSORS: Record<string, Accessor<ContactRec>> = {
  id: (c) => c.id,
  role: (c) => c.role,
  name: (c) => c.name,
  avatar: (c) => c.avatar,
  owner_id: (c) => c.owner_id,
  email: (c) => c.email,
  email_domain: (c) => c.email.split("@")[1] ?? null,
  phone: (c) => c.phone,
  external_id: (c) => c.external_id,
  created_at: (c) => c.created_at,
  signed_up_at: (c) => c.signed_up_at,
  updated_at: (c) => c.updated_at,
  last_seen_at: (c) => c.last_seen_at,
  last_contacted_at: (c) => c.last_contacted_at,
  last_replied_at: (c) => c.last_replied_at,
  last_email_opened_at: (c) => c.last_email_opened_at,
  last_email_clicked_at: (c) => c.last_email_clicked_at,
  language_override: (c) => c.language_override,
  browser: (c) => c.browser,
  browser_language: (c) => c.browser_language,
  os: (c) => c.os,
  "location.country": (c) => c.location.country,
  "location.region": (c) => c.location.region,
  "location.city": (c) => c.location.city,
  unsubscribed_from_emails: (c) => c.unsubscribed_from_emails,
  marked_email_as_spam: (c) => c.marked_email_as_spam,
  has_hard_bounced: (c) => c.has_hard_bounced,
  ios_last_seen_at: (c) => c.ios.last_seen_at,
  ios_app_version: (c) => c.ios.app_version,
  ios_device: (c) => c.ios.device,
  ios_app_device: (c) => c.ios.device,
  ios_os_version: (c) => c.ios.os_version,
  ios_app_name: (c) => c.ios.app_name,
  ios_sdk_version: (c) => c.ios.sdk_version,
  android_last_seen_at: (c) => c.android.last_seen_at,
  android_app_version: (c) => c.android.app_version,
  android_device: (c) => c.android.device,
  android_app_name: (c) => c.android.app_name,
  andoid_sdk_version: (c) => c.android.sdk_version,
  tag_id: (c) => c.tag_ids,
};

export interface ResourceRecords {
  tickets: TicketRec;
  conversations: ConversationRec;
  contacts: ContactRec;
}

export const ACCESSORS: { [R in Resource]: Record<string, Accessor<ResourceRecords[R]>> } = {
  tickets: TICKET_ACCESSORS,
  conversations: CONVERSATION_ACCESSORS,
  contacts: CONTACT_ACCESSORS,
};
