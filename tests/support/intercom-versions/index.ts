/**
 * Strict response schemas per Intercom-Version, written for these tests from the component
 * schemas of Intercom's 2.14, 2.15, 2.16 and Preview descriptions. Strict: a key a version
 * does not have fails, as does a value of the wrong type. Where the sandbox knowingly says
 * more than a version's schema (fields Intercom's own examples show, and the extras the
 * README lists), the key is marked `extra` below.
 */
import { z } from "zod";

export const VERSIONS = ["2.14", "2.15", "2.16", "Preview"] as const;
export type Version = (typeof VERSIONS)[number];

const ORDER: readonly Version[] = VERSIONS;
const atLeast = (v: Version, since: Version) => ORDER.indexOf(v) >= ORDER.indexOf(since);

const str = z.string();
const int = z.number().int();
const bool = z.boolean();
const nullable = <T extends z.ZodType>(t: T) => t.nullable();
/** Marks a key the version's schema does not list but the sandbox returns (see the file's comment). */
const extra = <T extends z.ZodType>(t: T) => t;

const PRIORITY_LEVELS = ["none", "low", "medium", "high", "urgent"] as const;
const STATE_CATEGORIES = ["submitted", "in_progress", "waiting_on_customer", "resolved"] as const;
const TICKET_CATEGORIES = ["Customer", "Back-office", "Tracker"] as const;

export function schemasFor(v: Version) {
  const from215 = atLeast(v, "2.15");
  const from216 = atLeast(v, "2.16");
  const preview = v === "Preview";

  const error = z.strictObject({
    type: z.literal("error.list"),
    request_id: str,
    errors: z.array(z.strictObject({ code: str, message: str, field: str.optional() })).min(1),
  });
  const reference = z.strictObject({ type: str, id: nullable(str) });
  const tag = z.strictObject({
    type: z.literal("tag"),
    id: str,
    name: str,
    applied_at: nullable(int).optional(),
    applied_by: nullable(reference).optional(),
  });
  const tags = z.strictObject({ type: z.literal("tag.list"), tags: z.array(tag) });
  const contactRef = z.strictObject({ type: z.literal("contact"), id: str, external_id: nullable(str) });
  const linkedObjects = z.strictObject({
    type: z.literal("list"),
    total_count: int,
    has_more: bool,
    data: z.array(
      z.strictObject({
        type: z.enum(["ticket", "conversation"]),
        id: str,
        category: nullable(z.enum(TICKET_CATEGORIES)),
      }),
    ),
  });
  const pages = z.strictObject({
    type: z.literal("pages"),
    page: int.optional(),
    per_page: int.optional(),
    total_pages: int.optional(),
    next: nullable(z.strictObject({ per_page: int.optional(), starting_after: nullable(str) })).optional(),
  });

  const admin = z.strictObject({
    type: z.literal("admin"),
    id: str,
    name: str,
    email: str,
    job_title: str,
    away_mode_enabled: bool,
    away_mode_reassign: bool,
    away_status_reason_id: nullable(int),
    has_inbox_seat: bool,
    team_ids: z.array(int),
    avatar: nullable(str),
    ...(from216 ? { role: nullable(z.strictObject({ type: str, id: str, name: str })).optional() } : {}),
  });
  const me = z.strictObject({
    type: z.literal("admin"),
    id: str,
    name: str,
    email: str,
    email_verified: nullable(bool),
    job_title: str,
    away_mode_enabled: bool,
    away_mode_reassign: bool,
    has_inbox_seat: bool,
    team_ids: z.array(int),
    avatar: z.strictObject({ type: z.literal("avatar"), image_url: nullable(str) }),
    app: z.strictObject({
      type: z.literal("app"),
      id_code: str,
      name: str,
      region: str,
      timezone: str,
      created_at: int,
      identity_verification: bool,
      secure: extra(bool),
    }),
    ...(preview ? { role: nullable(z.strictObject({ type: str, id: str, name: str })).optional() } : {}),
  });
  const team = z.strictObject({
    type: z.literal("team"),
    id: str,
    name: str,
    admin_ids: z.array(int),
    assignment_limit: nullable(int),
    distribution_method: nullable(str),
  });

  const ticketState = z.strictObject({
    type: z.literal("ticket_state"),
    id: str,
    category: z.enum(STATE_CATEGORIES),
    internal_label: str,
    external_label: str,
  });
  const ticketTypeAttribute = z.strictObject({
    type: z.literal("ticket_type_attribute"),
    id: str,
    workspace_id: str,
    name: str,
    description: extra(str),
    data_type: z.enum(["string", "list", "integer", "decimal", "boolean", "datetime", "files"]),
    input_options: nullable(
      z.union([
        z.strictObject({ multiline: bool }),
        z.strictObject({
          list_options: z.array(
            z.strictObject({ type: z.literal("list_option"), id: str, label: str, archived: bool }),
          ),
        }),
      ]),
    ),
    order: int,
    required_to_create: bool,
    required_to_create_for_contacts: bool,
    visible_on_create: bool,
    visible_to_contacts: bool,
    default: bool,
    ticket_type_id: int,
    archived: bool,
    created_at: int,
    updated_at: int,
  });
  const ticketType = z.strictObject({
    type: z.literal("ticket_type"),
    id: str,
    category: z.enum(TICKET_CATEGORIES),
    name: str,
    description: extra(str),
    icon: str,
    workspace_id: str,
    archived: bool,
    is_internal: extra(bool),
    created_at: int,
    updated_at: int,
    ticket_type_attributes: z.strictObject({ type: z.literal("list"), data: z.array(ticketTypeAttribute) }),
    ticket_states: z.strictObject({ type: z.literal("list"), data: z.array(ticketState) }),
  });
  const ticketStateDetailed = ticketState.extend({
    archived: bool,
    ticket_types: z.strictObject({
      type: z.literal("list"),
      data: z.array(
        z.strictObject({
          type: z.literal("ticket_type"),
          id: str,
          name: str,
          category: z.enum(TICKET_CATEGORIES),
          icon: str,
        }),
      ),
    }),
  });

  const author = z.strictObject({ type: str, id: str, name: nullable(str), email: str });
  const attachments = z.array(z.never());
  const ticketPart = z.strictObject({
    type: z.literal("ticket_part"),
    id: str,
    part_type: str,
    body: nullable(str),
    previous_ticket_state: z.enum(STATE_CATEGORIES).optional(),
    ticket_state: z.enum(STATE_CATEGORIES).optional(),
    created_at: int,
    updated_at: int,
    assigned_to: nullable(reference),
    author: author.extend({ type: z.enum(["admin", "bot", "team", "user", "lead"]) }),
    attachments,
    external_id: nullable(str),
    redacted: bool,
    updated_attribute_data: z
      .strictObject({
        attribute: z.strictObject({ type: z.literal("attribute"), id: str, label: str }),
        value: z.strictObject({ type: z.literal("value"), id: nullable(str), label: str }),
      })
      .optional(),
  });
  const ticketReply = z.strictObject({
    type: z.literal("ticket_part"),
    id: str,
    part_type: z.enum(["note", "comment", "quick_reply"]),
    body: nullable(str),
    created_at: int,
    updated_at: int,
    author: ticketPart.shape.author,
    attachments,
    redacted: bool,
  });
  /** 2.14 and 2.15 spell ticket assignees as strings ("0" for nobody); 2.16 and Preview as integers (0). */
  const ticketAssignee = from216 ? int : str;
  const ticket = z.strictObject({
    type: z.literal("ticket"),
    id: str,
    ticket_id: str,
    category: z.enum(TICKET_CATEGORIES),
    ticket_attributes: z.record(str, z.union([str, z.number(), bool, z.null()])),
    ticket_state: ticketState,
    ticket_type: ticketType,
    contacts: z.strictObject({ type: z.literal("contact.list"), contacts: z.array(contactRef) }),
    admin_assignee_id: ticketAssignee,
    team_assignee_id: ticketAssignee,
    created_at: int,
    updated_at: int,
    open: bool,
    snoozed_until: nullable(int),
    linked_objects: linkedObjects,
    ticket_parts: z.strictObject({
      type: z.literal("ticket_part.list"),
      ticket_parts: z.array(ticketPart),
      total_count: int,
    }),
    is_shared: bool,
    // In the schema from 2.16; the sandbox also sends it to 2.14 and 2.15 (README).
    previous_ticket_state_id: from216 ? nullable(str) : extra(nullable(str)),
    ticket_state_internal_label: extra(str),
    ticket_state_external_label: extra(str),
    tags: extra(tags),
  });
  const ticketList = z.strictObject({
    type: z.literal("ticket.list"),
    tickets: z.array(ticket),
    total_count: int,
    pages,
  });
  const ticketDeleted = z.strictObject({ id: str, object: z.literal("ticket"), deleted: z.literal(true) });

  const attributeEvent = z.strictObject({
    attribute: z.strictObject({ name: str }),
    value: from215 ? z.strictObject({ name: str, previous: nullable(str) }) : z.strictObject({ name: str }),
  });
  const eventDetails = preview
    ? z.union([
        attributeEvent,
        z.strictObject({ current_priority: z.enum(PRIORITY_LEVELS), previous_priority: z.enum(PRIORITY_LEVELS) }),
        z.strictObject({ until: str, custom_until_time: nullable(z.iso.datetime()) }),
      ])
    : attributeEvent;
  const conversationPart = z.strictObject({
    type: z.literal("conversation_part"),
    id: str,
    part_type: str,
    body: nullable(str),
    created_at: int,
    updated_at: int,
    notified_at: int,
    assigned_to: nullable(reference),
    author: author.extend({ from_ai_agent: bool, is_ai_answer: bool }),
    attachments,
    external_id: nullable(str),
    redacted: bool,
    email_message_metadata: z.null(),
    metadata: z.strictObject({}),
    state: z.enum(["open", "closed", "snoozed"]),
    tags: z.array(z.never()),
    event_details: nullable(eventDetails),
    app_package_code: nullable(str),
  });
  const conversationAssignee = from216 ? int : nullable(int);
  const conversation = z.strictObject({
    type: z.literal("conversation"),
    id: str,
    title: nullable(str),
    created_at: int,
    updated_at: int,
    waiting_since: nullable(int),
    snoozed_until: nullable(int),
    open: bool,
    state: z.enum(["open", "closed", "snoozed"]),
    read: bool,
    priority: from216 ? z.enum(PRIORITY_LEVELS) : z.enum(["priority", "not_priority"]),
    admin_assignee_id: conversationAssignee,
    team_assignee_id: conversationAssignee,
    tags,
    conversation_rating: nullable(
      z.strictObject({
        rating: int,
        remark: str,
        created_at: int,
        updated_at: int,
        contact: contactRef,
        teammate: nullable(reference),
      }),
    ),
    source: z.strictObject({
      type: str,
      id: from216 ? nullable(str) : str,
      delivered_as: str,
      subject: preview ? nullable(str) : str,
      body: preview ? nullable(str) : str,
      author: from216
        ? z.strictObject({ type: str, id: nullable(str), name: nullable(str), email: nullable(str) })
        : author,
      attachments,
      url: nullable(str),
      redacted: bool,
    }),
    contacts: z.strictObject({ type: z.literal("contact.list"), contacts: z.array(contactRef) }),
    teammates: z.strictObject({
      type: z.literal("admin.list"),
      teammates: z.array(z.strictObject({ type: z.literal("admin"), id: str })),
    }),
    custom_attributes: z.record(str, z.union([str, z.number(), bool, z.null()])),
    first_contact_reply: nullable(z.strictObject({ created_at: int, type: str, url: nullable(str) })),
    sla_applied: nullable(
      z.strictObject({
        type: str,
        sla_name: str,
        sla_status: z.enum(["hit", "missed", "cancelled", "active"]),
      }),
    ),
    statistics: z.strictObject({
      type: str,
      time_to_assignment: nullable(int),
      time_to_admin_reply: nullable(int),
      time_to_first_close: nullable(int),
      time_to_last_close: nullable(int),
      median_time_to_reply: nullable(int),
      first_contact_reply_at: nullable(int),
      first_assignment_at: nullable(int),
      first_admin_reply_at: nullable(int),
      first_close_at: nullable(int),
      last_assignment_at: nullable(int),
      last_assignment_admin_reply_at: nullable(int),
      last_contact_reply_at: nullable(int),
      last_admin_reply_at: nullable(int),
      last_close_at: nullable(int),
      last_closed_by_id: nullable(str),
      count_reopens: int,
      count_assignments: int,
      count_conversation_parts: int,
    }),
    topics: extra(z.strictObject({})),
    ticket: extra(
      nullable(
        z.strictObject({
          type: z.literal("ticket"),
          id: str,
          ticket_id: str,
          category: z.enum(TICKET_CATEGORIES),
          state: z.enum(STATE_CATEGORIES),
        }),
      ),
    ),
    linked_objects: linkedObjects,
    ai_agent_participated: bool,
    ai_agent: nullable(
      z.strictObject({
        source_type: nullable(
          z.enum(["essentials_plan_setup", "profile", "workflow", "workflow_preview", "fin_preview"]),
        ),
        source_title: nullable(str),
        last_answer_type: nullable(z.enum(["ai_answer", "custom_answer"])),
        resolution_state: nullable(
          from215
            ? z.enum([
                "assumed_resolution",
                "confirmed_resolution",
                "escalated",
                "negative_feedback",
                "procedure_handoff",
              ])
            : z.enum(["assumed_resolution", "confirmed_resolution", "routed_to_team", "abandoned"]),
        ),
        rating: nullable(int),
        rating_remark: nullable(str),
        created_at: nullable(int),
        updated_at: nullable(int),
        content_sources: z.strictObject({
          type: z.literal("content_source.list"),
          total_count: int,
          content_sources: z.array(z.never()),
        }),
      }),
    ),
    conversation_parts: z
      .strictObject({
        type: z.literal("conversation_part.list"),
        conversation_parts: z.array(conversationPart),
        total_count: int,
      })
      .optional(),
  });
  const conversationList = z.strictObject({
    type: z.literal("conversation.list"),
    conversations: z.array(conversation.omit({ conversation_parts: true })),
    total_count: int,
    pages,
  });

  const addressable = (type: string) =>
    z.strictObject({
      type: z.literal("list"),
      data: z.array(z.strictObject({ type: z.literal(type), id: str, url: str })),
      url: str,
      total_count: int,
      has_more: bool,
    });
  const emptyList = z.strictObject({
    type: z.literal("list"),
    data: z.array(z.never()),
    url: str,
    total_count: int,
    has_more: bool,
  });
  const nstr = nullable(str);
  const contact = z.strictObject({
    type: z.literal("contact"),
    id: str,
    workspace_id: str,
    external_id: nstr,
    role: z.enum(["user", "lead"]),
    email: str,
    email_domain: str,
    phone: nstr,
    name: nstr,
    /** An integer before 2.16, a string from 2.16. */
    owner_id: nullable(from216 ? str : int),
    avatar: nullable(z.strictObject({ type: z.literal("avatar"), image_url: nstr })),
    social_profiles: z.strictObject({ type: z.literal("list"), data: z.array(z.never()) }),
    has_hard_bounced: bool,
    marked_email_as_spam: bool,
    unsubscribed_from_emails: bool,
    created_at: int,
    updated_at: int,
    signed_up_at: nullable(int),
    last_seen_at: nullable(int),
    last_replied_at: nullable(int),
    last_contacted_at: nullable(int),
    last_email_opened_at: nullable(int),
    last_email_clicked_at: nullable(int),
    language_override: nstr,
    browser: nstr,
    browser_version: nstr,
    browser_language: nstr,
    os: nstr,
    location: z.strictObject({
      type: nstr,
      country: nstr,
      region: nstr,
      city: nstr,
      country_code: extra(nstr),
      continent_code: extra(nstr),
    }),
    android_app_name: nstr,
    android_app_version: nstr,
    android_device: nstr,
    android_os_version: nstr,
    android_sdk_version: nstr,
    android_last_seen_at: nullable(int),
    ios_app_name: nstr,
    ios_app_version: nstr,
    ios_device: nstr,
    ios_os_version: nstr,
    ios_sdk_version: nstr,
    ios_last_seen_at: nullable(int),
    custom_attributes: z.record(str, z.union([str, z.number(), bool, z.null()])),
    tags: addressable("tag"),
    notes: emptyList,
    companies: addressable("company"),
    opted_out_subscription_types: extra(emptyList),
    opted_in_subscription_types: extra(emptyList),
    utm_campaign: extra(z.null()),
    utm_content: extra(z.null()),
    utm_medium: extra(z.null()),
    utm_source: extra(z.null()),
    utm_term: extra(z.null()),
    referrer: extra(z.null()),
  });
  const contactList = z.strictObject({ type: z.literal("list"), data: z.array(contact), total_count: int, pages });

  const segment = z.strictObject({
    type: z.literal("segment"),
    id: str,
    name: str,
    created_at: int,
    updated_at: int,
    person_type: z.enum(["contact", "user"]),
    count: int.optional(),
  });
  const company = z.strictObject({
    type: z.literal("company"),
    id: str,
    company_id: str,
    app_id: str,
    name: str,
    remote_created_at: int,
    created_at: int,
    updated_at: int,
    monthly_spend: int,
    session_count: int,
    user_count: int,
    size: int,
    industry: str,
    tags: z.strictObject({ type: z.literal("tag.list"), tags: z.array(z.never()) }),
    segments: z.strictObject({ type: z.literal("segment.list"), segments: z.array(z.never()) }),
    plan: z.strictObject({ type: z.literal("plan"), id: str, name: str }),
    custom_attributes: z.record(str, str),
  });
  const dataAttribute = z.strictObject({
    type: z.literal("data_attribute"),
    id: int,
    model: from216 ? z.enum(["contact", "company"]) : z.enum(["contact", "company", "conversation"]),
    name: str,
    full_name: str,
    label: str,
    description: str,
    data_type: z.enum(["string", "integer", "float", "boolean", "date", ...(preview ? (["datetime"] as const) : [])]),
    options: z.array(str).optional(),
    api_writable: bool,
    ui_writable: bool,
    messenger_writable: bool,
    custom: bool,
    archived: bool,
    created_at: int,
    updated_at: int,
    admin_id: nullable(str),
  });

  return {
    error,
    admin,
    adminList: z.strictObject({ type: z.literal("admin.list"), admins: z.array(admin) }),
    me,
    team,
    teamList: z.strictObject({ type: z.literal("team.list"), teams: z.array(team) }),
    tag,
    tagList: z.strictObject({ type: z.literal("list"), data: z.array(tag) }),
    ticketType,
    ticketTypeList: z.strictObject({ type: z.literal("list"), data: z.array(ticketType) }),
    ticketStateList: z.strictObject({ type: z.literal("list"), data: z.array(ticketStateDetailed) }),
    dataAttributeList: z.strictObject({ type: z.literal("list"), data: z.array(dataAttribute) }),
    segment,
    segmentList: z.strictObject({
      type: z.literal("segment.list"),
      segments: z.array(segment),
      pages: z.strictObject({}),
    }),
    contactSegments: z.strictObject({ type: z.literal("list"), data: z.array(segment) }),
    company,
    companyList: z.strictObject({
      type: z.literal("list"),
      data: z.array(company),
      pages: z.strictObject({
        type: z.literal("pages"),
        next: z.null().optional(),
        page: int,
        per_page: int,
        total_pages: int,
      }),
      total_count: int,
    }),
    contact,
    contactList,
    ticket,
    ticketList,
    ticketReply,
    ticketDeleted,
    conversation,
    conversationPart,
    conversationList,
  };
}
