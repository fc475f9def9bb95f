/**
 * Records to Intercom's JSON shapes, per Intercom-Version: the one place a stored record
 * becomes a version's answer (what differs is listed in `../versions.ts`).
 */
import { conversationTeammateIds } from "../store/derive";
import type {
  AdminRec,
  AppliedTag,
  CompanyRec,
  ContactRec,
  ConversationPartRec,
  ConversationRec,
  DataAttributeRec,
  SegmentRec,
  TeamRec,
  TicketPartRec,
  TicketRec,
  TicketStateRec,
  TicketTypeAttributeRec,
  TicketTypeRec,
  PartEvent,
} from "../store/types";
import type { Workspace } from "../store/workspace";
import { aiResolutionState2_14, priorityFlag, type VersionShape } from "../versions";

const AVATAR = "https://static.intercomassets.com/assets/default-avatars/admins/128.png";

export function admin(a: AdminRec) {
  return {
    type: "admin",
    id: a.id,
    name: a.name,
    email: a.email,
    job_title: a.job_title,
    away_mode_enabled: a.away_mode_enabled,
    away_mode_reassign: false,
    away_status_reason_id: null,
    has_inbox_seat: a.has_inbox_seat,
    team_ids: a.team_ids.map(Number),
    avatar: AVATAR,
  };
}

export function me(a: AdminRec, ws: Workspace) {
  return {
    type: "admin",
    id: a.id,
    email: a.email,
    name: a.name,
    email_verified: a.email_verified,
    job_title: a.job_title,
    away_mode_enabled: a.away_mode_enabled,
    away_mode_reassign: false,
    has_inbox_seat: a.has_inbox_seat,
    team_ids: a.team_ids.map(Number),
    avatar: { type: "avatar", image_url: AVATAR },
    app: {
      type: "app",
      id_code: ws.info.id_code,
      name: ws.info.name,
      created_at: ws.info.created_at,
      secure: false,
      identity_verification: false,
      timezone: ws.info.timezone,
      region: ws.info.region,
    },
  };
}

export function team(t: TeamRec) {
  return {
    type: "team",
    id: t.id,
    name: t.name,
    admin_ids: t.admin_ids.map(Number),
    assignment_limit: null,
    distribution_method: "round_robin",
  };
}

export function tag(ws: Workspace, id: string) {
  const t = ws.tags.get(id);
  return { type: "tag", id, name: t?.name ?? "" };
}

export function appliedTag(ws: Workspace, applied: AppliedTag) {
  return { ...tag(ws, applied.id), applied_at: applied.applied_at, applied_by: applied.applied_by };
}

export function dataAttribute(d: DataAttributeRec) {
  return {
    type: "data_attribute",
    id: d.id,
    model: d.model,
    name: d.name,
    full_name: d.full_name,
    label: d.label,
    description: d.description,
    data_type: d.data_type,
    ...(d.options ? { options: d.options } : {}),
    api_writable: d.api_writable,
    ui_writable: true,
    messenger_writable: false,
    custom: d.custom,
    archived: false,
    created_at: d.created_at,
    updated_at: d.created_at,
    admin_id: null,
  };
}

export function ticketState(s: TicketStateRec) {
  return {
    type: "ticket_state",
    id: s.id,
    category: s.category,
    internal_label: s.internal_label,
    external_label: s.external_label,
  };
}

export function ticketStateDetailed(s: TicketStateRec, ws: Workspace) {
  const types = [...ws.ticketTypes.values()].filter((t) => t.state_ids.includes(s.id));
  return {
    ...ticketState(s),
    archived: s.archived,
    ticket_types: {
      type: "list",
      data: types.map((t) => ({ type: "ticket_type", id: t.id, name: t.name, category: t.category, icon: t.icon })),
    },
  };
}

export function ticketTypeAttribute(a: TicketTypeAttributeRec, ws: Workspace) {
  const input_options =
    a.data_type === "list"
      ? {
          list_options: (a.list_options ?? []).map((o) => ({
            type: "list_option",
            id: o.id,
            label: o.label,
            archived: o.archived,
          })),
        }
      : a.data_type === "string"
        ? { multiline: a.multiline ?? false }
        : null;
  return {
    type: "ticket_type_attribute",
    id: a.id,
    workspace_id: ws.info.id_code,
    name: a.name,
    description: a.description,
    data_type: a.data_type,
    input_options,
    order: a.order,
    required_to_create: a.required_to_create,
    required_to_create_for_contacts: a.required_to_create_for_contacts,
    visible_on_create: a.visible_on_create,
    visible_to_contacts: a.visible_to_contacts,
    default: a.default,
    ticket_type_id: Number(a.ticket_type_id),
    archived: a.archived,
    created_at: a.created_at,
    updated_at: a.created_at,
  };
}

/**
 * Every ticket embeds its full type, and types never change through the API: each type's
 * shape is built once per seeded record and shared by every ticket that embeds it (a reset
 * seeds new records, so stale shapes are never served). Nothing mutates it once built.
 */
const ticketTypeShapes = new WeakMap<TicketTypeRec, Readonly<ReturnType<typeof buildTicketType>>>();

export function ticketType(t: TicketTypeRec, ws: Workspace) {
  let shape = ticketTypeShapes.get(t);
  if (!shape) {
    shape = Object.freeze(buildTicketType(t, ws));
    ticketTypeShapes.set(t, shape);
  }
  return shape;
}

/** A type was edited: its shape is built again on the next read. */
export function forgetTicketType(t: TicketTypeRec): void {
  ticketTypeShapes.delete(t);
}

function buildTicketType(t: TicketTypeRec, ws: Workspace) {
  return {
    type: "ticket_type",
    id: t.id,
    category: t.category,
    name: t.name,
    description: t.description,
    icon: t.icon,
    workspace_id: ws.info.id_code,
    archived: t.archived,
    is_internal: t.is_internal,
    created_at: t.created_at,
    updated_at: t.updated_at,
    ticket_type_attributes: { type: "list", data: t.attributes.map((a) => ticketTypeAttribute(a, ws)) },
    ticket_states: { type: "list", data: t.state_ids.map((id) => ticketState(ws.ticketStates.get(id)!)) },
  };
}

export function segment(s: SegmentRec, count?: number) {
  return {
    type: "segment",
    id: s.id,
    name: s.name,
    created_at: s.created_at,
    updated_at: s.updated_at,
    person_type: s.person_type,
    ...(count === undefined ? {} : { count }),
  };
}

export function company(c: CompanyRec, ws: Workspace, userCount: number) {
  return {
    type: "company",
    company_id: c.company_id,
    id: c.id,
    app_id: ws.info.id_code,
    name: c.name,
    remote_created_at: c.created_at,
    created_at: c.created_at,
    updated_at: c.created_at,
    monthly_spend: 0,
    session_count: 0,
    user_count: userCount,
    size: c.size,
    industry: c.industry,
    tags: { type: "tag.list", tags: [] },
    segments: { type: "segment.list", segments: [] },
    plan: { type: "plan", id: c.plan.toLowerCase(), name: c.plan },
    custom_attributes: { industry: c.industry },
  };
}

export function contact(c: ContactRec, ws: Workspace, v: VersionShape) {
  const list = (path: string, data: unknown[]) => ({
    type: "list",
    data,
    url: `/contacts/${c.id}/${path}`,
    total_count: data.length,
    has_more: false,
  });
  return {
    type: "contact",
    id: c.id,
    workspace_id: ws.info.id_code,
    external_id: c.external_id,
    role: c.role,
    email: c.email,
    email_domain: c.email.split("@")[1] ?? "",
    phone: c.phone,
    name: c.name,
    avatar: c.avatar ? { type: "avatar", image_url: c.avatar } : null,
    owner_id: c.owner_id === null ? null : v.contactOwnerId === "string" ? String(c.owner_id) : c.owner_id,
    social_profiles: { type: "list", data: [] },
    has_hard_bounced: c.has_hard_bounced,
    marked_email_as_spam: c.marked_email_as_spam,
    unsubscribed_from_emails: c.unsubscribed_from_emails,
    created_at: c.created_at,
    updated_at: c.updated_at,
    signed_up_at: c.signed_up_at,
    last_seen_at: c.last_seen_at,
    last_replied_at: c.last_replied_at,
    last_contacted_at: c.last_contacted_at,
    last_email_opened_at: c.last_email_opened_at,
    last_email_clicked_at: c.last_email_clicked_at,
    language_override: c.language_override,
    browser: c.browser,
    browser_version: c.browser_version,
    browser_language: c.browser_language,
    os: c.os,
    location: { type: "location", ...c.location },
    android_app_name: c.android.app_name,
    android_app_version: c.android.app_version,
    android_device: c.android.device,
    android_os_version: null,
    android_sdk_version: c.android.sdk_version,
    android_last_seen_at: c.android.last_seen_at,
    ios_app_name: c.ios.app_name,
    ios_app_version: c.ios.app_version,
    ios_device: c.ios.device,
    ios_os_version: c.ios.os_version,
    ios_sdk_version: c.ios.sdk_version,
    ios_last_seen_at: c.ios.last_seen_at,
    custom_attributes: { ...c.custom_attributes },
    tags: list(
      "tags",
      c.tag_ids.map((id) => ({ type: "tag", id, url: `/tags/${id}` })),
    ),
    notes: list("notes", []),
    companies: list(
      "companies",
      c.company_ids.map((id) => ({ type: "company", id, url: `/companies/${id}` })),
    ),
    opted_out_subscription_types: list("subscriptions", []),
    opted_in_subscription_types: list("subscriptions", []),
    utm_campaign: null,
    utm_content: null,
    utm_medium: null,
    utm_source: null,
    utm_term: null,
    referrer: null,
  };
}

function contactRef(ws: Workspace, id: string) {
  const c = ws.contacts.get(id);
  return { type: "contact", id, external_id: c?.external_id ?? null };
}

function linkedObjects(ws: Workspace, linked: { type: "ticket" | "conversation"; id: string }[]) {
  const data = linked.map((l) => {
    if (l.type === "ticket") {
      const t = ws.tickets.get(l.id);
      return { type: "ticket", id: l.id, category: t ? ws.ticketTypes.get(t.ticket_type_id)!.category : null };
    }
    return { type: "conversation", id: l.id, category: null };
  });
  return { type: "list", data, total_count: data.length, has_more: false };
}

/** Stored values are strings, numbers or booleans; event_details names them as text. */
const asText = (value: string | number | boolean | null) => (value === null ? "" : String(value));

function eventDetails(event: PartEvent | undefined, v: VersionShape) {
  switch (event?.kind) {
    case "attribute":
      return {
        attribute: { name: event.name },
        value: v.attributeEventPrevious ? { name: event.value, previous: event.previous } : { name: event.value },
      };
    case "priority":
      return v.lifecycleEventDetails ? { current_priority: event.current, previous_priority: event.previous } : null;
    case "snoozed": {
      if (!v.lifecycleEventDetails) return null;
      const until = new Date(event.until * 1000).toISOString();
      return { until: `until ${until.slice(0, 16).replace("T", " ")} UTC`, custom_until_time: until };
    }
    default:
      return null;
  }
}

export function attributeEvent(
  name: string,
  value: string | number | boolean | null,
  previous: string | number | boolean | null | undefined,
): PartEvent {
  return {
    kind: "attribute",
    name,
    value: asText(value),
    previous: previous === undefined || previous === null ? null : asText(previous),
  };
}

export function conversationPart(p: ConversationPartRec, v: VersionShape) {
  return {
    type: "conversation_part",
    id: p.id,
    part_type: p.part_type,
    body: p.body,
    created_at: p.created_at,
    updated_at: p.updated_at,
    notified_at: p.notified_at,
    assigned_to: p.assigned_to,
    author: { ...p.author, from_ai_agent: p.author.name === "Fin", is_ai_answer: p.author.name === "Fin" },
    attachments: [],
    external_id: null,
    redacted: p.redacted,
    metadata: {},
    email_message_metadata: null,
    state: p.state,
    tags: [],
    event_details: eventDetails(p.event, v),
    app_package_code: null,
  };
}

/** Intercom returns at most the 500 most recent parts of a conversation. */
export const MAX_PARTS = 500;

export function conversation(c: ConversationRec, ws: Workspace, v: VersionShape, withParts: boolean) {
  const firstContactReply = c.statistics.first_contact_reply_at;
  const body = {
    type: "conversation",
    id: c.id,
    title: c.title,
    created_at: c.created_at,
    updated_at: c.updated_at,
    waiting_since: c.waiting_since,
    snoozed_until: c.snoozed_until,
    open: c.open,
    state: c.state,
    read: c.read,
    priority: v.priority === "level" ? c.priority : priorityFlag(c.priority),
    admin_assignee_id: c.admin_assignee_id === null ? v.conversationUnassigned : Number(c.admin_assignee_id),
    team_assignee_id: c.team_assignee_id === null ? v.conversationUnassigned : Number(c.team_assignee_id),
    tags: { type: "tag.list", tags: c.tags.map((t) => appliedTag(ws, t)) },
    conversation_rating: c.conversation_rating
      ? {
          rating: c.conversation_rating.rating,
          remark: c.conversation_rating.remark,
          created_at: c.conversation_rating.created_at,
          updated_at: c.conversation_rating.created_at,
          contact: contactRef(ws, c.conversation_rating.contact_id),
          teammate: c.conversation_rating.teammate_id ? { type: "admin", id: c.conversation_rating.teammate_id } : null,
        }
      : null,
    source: {
      type: c.source.type,
      id: c.source.id,
      delivered_as: c.source.delivered_as,
      subject: c.source.subject,
      body: c.source.body,
      author: c.source.author,
      attachments: [],
      url: c.source.url,
      redacted: c.source.redacted,
    },
    contacts: { type: "contact.list", contacts: c.contact_ids.map((id) => contactRef(ws, id)) },
    teammates: { type: "admin.list", teammates: conversationTeammateIds(c).map((id) => ({ type: "admin", id })) },
    custom_attributes: { ...c.custom_attributes },
    first_contact_reply:
      firstContactReply === null ? null : { created_at: firstContactReply, type: "conversation", url: c.source.url },
    sla_applied: c.sla_applied ? { type: "conversation_sla_summary", ...c.sla_applied } : null,
    statistics: { type: "conversation_statistics", ...c.statistics },
    topics: {},
    ticket: c.ticket_id ? ticketSummary(ws, c.ticket_id) : null,
    linked_objects: linkedObjects(ws, c.linked),
    ai_agent_participated: c.ai_agent_participated,
    ai_agent: c.ai_agent
      ? {
          ...c.ai_agent,
          resolution_state:
            c.ai_agent.resolution_state !== null && v.aiResolutionStates === "2.14"
              ? aiResolutionState2_14(c.ai_agent.resolution_state)
              : c.ai_agent.resolution_state,
          content_sources: { type: "content_source.list", total_count: 0, content_sources: [] },
        }
      : null,
  };
  if (!withParts) return body;
  const parts = c.parts.slice(-MAX_PARTS);
  return {
    ...body,
    conversation_parts: {
      type: "conversation_part.list",
      conversation_parts: parts.map((p) => conversationPart(p, v)),
      total_count: parts.length,
    },
  };
}

function ticketSummary(ws: Workspace, ticketId: string) {
  const t = ws.tickets.get(ticketId);
  if (!t) return null;
  const type = ws.ticketTypes.get(t.ticket_type_id)!;
  const state = ws.ticketStates.get(t.ticket_state_id)!;
  return { type: "ticket", id: t.id, ticket_id: t.ticket_id, category: type.category, state: state.category };
}

export function ticketPart(p: TicketPartRec) {
  return {
    type: "ticket_part",
    id: p.id,
    part_type: p.part_type,
    body: p.body,
    ...(p.previous_ticket_state ? { previous_ticket_state: p.previous_ticket_state } : {}),
    ...(p.ticket_state ? { ticket_state: p.ticket_state } : {}),
    created_at: p.created_at,
    updated_at: p.updated_at,
    assigned_to: p.assigned_to,
    author: p.author,
    attachments: [],
    external_id: null,
    redacted: p.redacted,
    ...(p.updated_attribute_data ? { updated_attribute_data: p.updated_attribute_data } : {}),
  };
}

/** A ticket's assignee as the version spells it: a string ("0" for nobody) before 2.16, an integer (0) from 2.16. */
function ticketAssignee(id: string | null, v: VersionShape) {
  if (v.ticketAssigneeIds === "integer") return id === null ? 0 : Number(id);
  return id ?? "0";
}

export function ticket(t: TicketRec, ws: Workspace, v: VersionShape) {
  const type = ws.ticketTypes.get(t.ticket_type_id)!;
  const state = ws.ticketStates.get(t.ticket_state_id)!;
  const parts = t.parts.slice(-MAX_PARTS);
  return {
    type: "ticket",
    id: t.id,
    ticket_id: t.ticket_id,
    category: type.category,
    ticket_attributes: { ...t.attributes },
    ticket_state: ticketState(state),
    ticket_type: ticketType(type, ws),
    contacts: { type: "contact.list", contacts: t.contact_ids.map((id) => contactRef(ws, id)) },
    admin_assignee_id: ticketAssignee(t.admin_assignee_id, v),
    team_assignee_id: ticketAssignee(t.team_assignee_id, v),
    created_at: t.created_at,
    updated_at: t.updated_at,
    open: t.open,
    snoozed_until: t.snoozed_until,
    linked_objects: linkedObjects(ws, t.linked),
    ticket_parts: { type: "ticket_part.list", ticket_parts: parts.map(ticketPart), total_count: parts.length },
    is_shared: t.is_shared,
    previous_ticket_state_id: t.previous_ticket_state_id,
    ticket_state_internal_label: state.internal_label,
    ticket_state_external_label: state.external_label,
    tags: { type: "tag.list", tags: t.tags.map((x) => appliedTag(ws, x)) },
  };
}
