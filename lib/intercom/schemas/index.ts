/**
 * The Intercom objects the dashboard uses, as zod schemas that read every supported
 * Intercom-Version's shapes (2.14, 2.15, 2.16 and Preview). Parsing normalises what the
 * versions vary, so nothing past these schemas knows which version answered: ids arrive as
 * strings or numbers and become strings; an unassigned admin or team arrives as null, 0 or
 * "0" and becomes null; a conversation's priority arrives as a flag or a level and becomes
 * both whether it is a priority and its level. Unknown keys are dropped.
 */
import { z } from "zod";
import { PRIORITY_LEVELS, type PriorityLevel } from "@/lib/intercom/versions";

/** Intercom ids are strings even when they look like numbers, and sometimes arrive as numbers. */
export const id = z.union([z.string(), z.number()]).transform(String);
const timestamp = z.number().int();
const nullableTimestamp = timestamp.nullish().transform((v) => v ?? null);
/** Assignees: null, 0 and "0" all mean nobody. */
export const assigneeId = z
  .union([z.string(), z.number(), z.null()])
  .optional()
  .transform((v) => (v === null || v === undefined || v === 0 || v === "0" ? null : String(v)));

export { PRIORITY_LEVELS, type PriorityLevel };
export interface ConversationPriority {
  prioritised: boolean;
  /** Null when the version only says "priority", without a level. */
  level: PriorityLevel | null;
}
/** A level from 2.16, the priority/not_priority flag before. */
const conversationPriority = z
  .union([z.enum(PRIORITY_LEVELS), z.enum(["priority", "not_priority"]), z.null()])
  .optional()
  .transform((v): ConversationPriority => {
    if (v === "priority") return { prioritised: true, level: null };
    if (v === "not_priority" || v === null || v === undefined) return { prioritised: false, level: "none" };
    return { prioritised: v !== "none", level: v };
  });

export const errorSchema = z.object({
  type: z.literal("error.list"),
  request_id: z.string().nullish(),
  errors: z.array(z.object({ code: z.string(), message: z.string().nullish(), field: z.string().nullish() })).min(1),
});
export type IntercomErrorBody = z.infer<typeof errorSchema>;

export const pagesSchema = z.object({
  type: z.literal("pages"),
  page: z.number().int().optional(),
  per_page: z.number().int().optional(),
  total_pages: z.number().int().optional(),
  next: z.object({ per_page: z.number().int().optional(), starting_after: z.string().nullish() }).nullish(),
});
export type Pages = z.infer<typeof pagesSchema>;

export const adminSchema = z.object({
  type: z.literal("admin"),
  id,
  name: z.string(),
  email: z.string(),
  job_title: z.string().nullish(),
  away_mode_enabled: z.boolean().optional(),
  has_inbox_seat: z.boolean().optional(),
  team_ids: z.array(id).optional(),
  avatar: z.union([z.string(), z.object({ image_url: z.string().nullish() })]).nullish(),
});
export type Admin = z.infer<typeof adminSchema>;
export const adminListSchema = z.object({ type: z.literal("admin.list"), admins: z.array(adminSchema) });

export const appSchema = z.object({
  type: z.literal("app").optional(),
  id_code: z.string(),
  name: z.string(),
  region: z.string(),
  timezone: z.string(),
  created_at: timestamp.optional(),
});
export const meSchema = adminSchema.extend({ email_verified: z.boolean().nullish(), app: appSchema.nullish() });
export type Me = z.infer<typeof meSchema>;

export const teamSchema = z.object({
  type: z.literal("team"),
  id,
  name: z.string(),
  admin_ids: z.array(id).default([]),
});
export type Team = z.infer<typeof teamSchema>;
export const teamListSchema = z.object({ type: z.literal("team.list"), teams: z.array(teamSchema) });

const reference = z.object({ type: z.string(), id: id.nullish() });

export const tagSchema = z.object({
  type: z.literal("tag"),
  id,
  name: z.string(),
  applied_at: timestamp.nullish(),
  applied_by: reference.nullish(),
});
export type Tag = z.infer<typeof tagSchema>;
export const tagListSchema = z.object({ type: z.literal("list"), data: z.array(tagSchema) });
const tagsOnObject = z.object({ type: z.literal("tag.list"), tags: z.array(tagSchema) });

export const dataAttributeSchema = z.object({
  type: z.literal("data_attribute"),
  id: id.optional(),
  model: z.enum(["contact", "company", "conversation"]),
  name: z.string(),
  full_name: z.string(),
  label: z.string(),
  description: z.string().nullish(),
  data_type: z.string(),
  options: z.array(z.string()).nullish(),
  custom: z.boolean(),
  archived: z.boolean().optional(),
  api_writable: z.boolean().optional(),
});
export type DataAttribute = z.infer<typeof dataAttributeSchema>;
export const dataAttributeListSchema = z.object({ type: z.literal("list"), data: z.array(dataAttributeSchema) });

export const STATE_CATEGORIES = ["submitted", "in_progress", "waiting_on_customer", "resolved"] as const;
export type StateCategory = (typeof STATE_CATEGORIES)[number];
export const TICKET_CATEGORIES = ["Customer", "Back-office", "Tracker"] as const;
export type TicketCategory = (typeof TICKET_CATEGORIES)[number];

export const ticketStateSchema = z.object({
  type: z.literal("ticket_state"),
  id,
  category: z.enum(STATE_CATEGORIES),
  internal_label: z.string(),
  external_label: z.string(),
});
export type TicketState = z.infer<typeof ticketStateSchema>;
export const ticketStateDetailedSchema = ticketStateSchema.extend({
  archived: z.boolean().optional(),
  ticket_types: z.object({ data: z.array(z.object({ id, name: z.string().optional() })) }).optional(),
});
export const ticketStateListSchema = z.object({ type: z.literal("list"), data: z.array(ticketStateDetailedSchema) });

export const ATTRIBUTE_DATA_TYPES = ["string", "list", "integer", "decimal", "boolean", "datetime", "files"] as const;
export type AttributeDataType = (typeof ATTRIBUTE_DATA_TYPES)[number];

export const listOptionSchema = z.object({ id: z.string(), label: z.string(), archived: z.boolean().optional() });
export const ticketTypeAttributeSchema = z.object({
  type: z.literal("ticket_type_attribute"),
  id,
  name: z.string(),
  description: z.string().nullish(),
  data_type: z.enum(ATTRIBUTE_DATA_TYPES),
  input_options: z
    .object({ multiline: z.boolean().optional(), list_options: z.array(listOptionSchema).optional() })
    .nullish(),
  order: z.number().int().optional(),
  required_to_create: z.boolean().default(false),
  visible_on_create: z.boolean().optional(),
  visible_to_contacts: z.boolean().optional(),
  default: z.boolean().optional(),
  archived: z.boolean().default(false),
  ticket_type_id: id.optional(),
});
export type TicketTypeAttribute = z.infer<typeof ticketTypeAttributeSchema>;

/** The descriptions disagree on this list's key (`data` in examples, `ticket_type_attributes` in the schema). */
const attributeList = z
  .object({
    data: z.array(ticketTypeAttributeSchema).optional(),
    ticket_type_attributes: z.array(ticketTypeAttributeSchema).optional(),
  })
  .transform((v) => v.data ?? v.ticket_type_attributes ?? []);

export const ticketTypeSchema = z.object({
  type: z.literal("ticket_type"),
  id,
  name: z.string(),
  description: z.string().nullish(),
  icon: z.string().nullish(),
  category: z.enum(TICKET_CATEGORIES),
  archived: z.boolean().default(false),
  is_internal: z.boolean().optional(),
  created_at: timestamp.optional(),
  updated_at: timestamp.optional(),
  ticket_type_attributes: attributeList.optional().transform((v) => v ?? []),
  ticket_states: z
    .object({ data: z.array(ticketStateSchema) })
    .optional()
    .transform((v) => v?.data ?? []),
});
export type TicketType = z.infer<typeof ticketTypeSchema>;
export const ticketTypeListSchema = z.object({ type: z.literal("list"), data: z.array(ticketTypeSchema) });

export const authorSchema = z.object({
  type: z.string(),
  id: id,
  name: z.string().nullish(),
  email: z.string().nullish(),
});
export type Author = z.infer<typeof authorSchema>;

export const ticketPartSchema = z.object({
  type: z.literal("ticket_part"),
  id,
  part_type: z.string(),
  body: z.string().nullish(),
  previous_ticket_state: z.enum(STATE_CATEGORIES).nullish(),
  ticket_state: z.enum(STATE_CATEGORIES).nullish(),
  created_at: timestamp,
  updated_at: timestamp.optional(),
  assigned_to: reference.nullish(),
  author: authorSchema.nullish(),
  redacted: z.boolean().optional(),
  updated_attribute_data: z
    .object({
      attribute: z.object({ id: z.string(), label: z.string() }),
      value: z.object({
        id: z.union([z.string(), z.array(z.number())]).nullish(),
        label: z.union([z.string(), z.array(z.string())]),
      }),
    })
    .nullish(),
});
export type TicketPart = z.infer<typeof ticketPartSchema>;

const contactRef = z.object({ type: z.string(), id, external_id: z.string().nullish() });
export const linkedObjectsSchema = z.object({
  type: z.literal("list"),
  data: z.array(
    z.object({ type: z.enum(["ticket", "conversation"]), id, category: z.enum(TICKET_CATEGORIES).nullish() }),
  ),
  total_count: z.number().int().optional(),
  has_more: z.boolean().optional(),
});

const attributeValue = z.union([
  z.string(),
  z.number(),
  z.boolean(),
  z.null(),
  z.array(z.unknown()),
  z.record(z.string(), z.unknown()),
]);

export const ticketSchema = z.object({
  type: z.literal("ticket"),
  id,
  ticket_id: id,
  category: z.enum(TICKET_CATEGORIES),
  ticket_attributes: z.record(z.string(), attributeValue),
  ticket_state: ticketStateSchema,
  ticket_type: ticketTypeSchema,
  contacts: z.object({ contacts: z.array(contactRef) }).transform((v) => v.contacts),
  admin_assignee_id: assigneeId,
  team_assignee_id: assigneeId,
  created_at: timestamp,
  updated_at: timestamp,
  open: z.boolean(),
  snoozed_until: nullableTimestamp,
  linked_objects: linkedObjectsSchema.optional(),
  ticket_parts: z
    .object({ ticket_parts: z.array(ticketPartSchema), total_count: z.number().int().optional() })
    .optional()
    .transform((v) => v?.ticket_parts ?? []),
  is_shared: z.boolean(),
  previous_ticket_state_id: id.nullish().transform((v) => v ?? null),
  /** Not in Intercom's published shape; present when the API includes it. */
  tags: tagsOnObject.optional().transform((v) => v?.tags),
});
export type Ticket = z.infer<typeof ticketSchema>;

/**
 * A ticket as bulk jobs read it in search results: only the values they act on. Every ticket
 * of a search carries its whole type (attributes, states); a job reads thousands, so the
 * type is not parsed again each time.
 */
export const ticketBriefSchema = z.object({
  id,
  ticket_id: id,
  ticket_attributes: z.record(z.string(), attributeValue),
  ticket_state: z.object({ id, category: z.enum(STATE_CATEGORIES) }),
  ticket_type: z.object({ id }),
  admin_assignee_id: assigneeId,
  team_assignee_id: assigneeId,
  updated_at: timestamp,
  open: z.boolean(),
  snoozed_until: nullableTimestamp,
  is_shared: z.boolean(),
  tags: tagsOnObject.optional().transform((v) => v?.tags),
});
export type TicketBrief = z.infer<typeof ticketBriefSchema>;
export const ticketBriefListSchema = z.object({
  tickets: z.array(ticketBriefSchema),
  total_count: z.number().int(),
  pages: pagesSchema.nullish(),
});
export const ticketListSchema = z.object({
  type: z.literal("ticket.list"),
  tickets: z.array(ticketSchema),
  total_count: z.number().int(),
  pages: pagesSchema.nullish(),
});
export const ticketDeletedSchema = z.object({ id, object: z.literal("ticket"), deleted: z.boolean() });
export const ticketReplySchema = ticketPartSchema.extend({ part_type: z.enum(["note", "comment", "quick_reply"]) });

export const conversationPartSchema = z.object({
  type: z.literal("conversation_part"),
  id,
  part_type: z.string(),
  body: z.string().nullish(),
  created_at: timestamp,
  updated_at: timestamp.optional(),
  notified_at: timestamp.optional(),
  assigned_to: reference.nullish(),
  author: authorSchema.extend({ from_ai_agent: z.boolean().optional(), is_ai_answer: z.boolean().optional() }),
  redacted: z.boolean().default(false),
  state: z.enum(["open", "closed", "snoozed"]).nullish(),
  event_details: z.record(z.string(), z.unknown()).nullish(),
});
export type ConversationPart = z.infer<typeof conversationPartSchema>;

export const conversationStatisticsSchema = z.object({
  time_to_assignment: z.number().nullish(),
  time_to_admin_reply: z.number().nullish(),
  time_to_first_close: z.number().nullish(),
  time_to_last_close: z.number().nullish(),
  median_time_to_reply: z.number().nullish(),
  first_contact_reply_at: timestamp.nullish(),
  first_assignment_at: timestamp.nullish(),
  first_admin_reply_at: timestamp.nullish(),
  first_close_at: timestamp.nullish(),
  last_assignment_at: timestamp.nullish(),
  last_assignment_admin_reply_at: timestamp.nullish(),
  last_contact_reply_at: timestamp.nullish(),
  last_admin_reply_at: timestamp.nullish(),
  last_close_at: timestamp.nullish(),
  last_closed_by_id: id.nullish(),
  count_reopens: z.number().int().nullish(),
  count_assignments: z.number().int().nullish(),
  count_conversation_parts: z.number().int().nullish(),
});
export type ConversationStatistics = z.infer<typeof conversationStatisticsSchema>;

export const conversationSchema = z.object({
  type: z.literal("conversation"),
  id,
  title: z.string().nullish(),
  created_at: timestamp,
  updated_at: timestamp,
  waiting_since: nullableTimestamp,
  snoozed_until: nullableTimestamp,
  open: z.boolean(),
  state: z.enum(["open", "closed", "snoozed"]),
  read: z.boolean(),
  priority: conversationPriority,
  admin_assignee_id: assigneeId,
  team_assignee_id: assigneeId,
  tags: tagsOnObject.transform((v) => v.tags),
  conversation_rating: z
    .object({
      rating: z.number().int().nullish(),
      remark: z.string().nullish(),
      created_at: timestamp.nullish(),
      contact: contactRef.nullish(),
      teammate: reference.nullish(),
    })
    .nullish(),
  source: z.object({
    type: z.string(),
    id,
    delivered_as: z.string().nullish(),
    subject: z.string().nullish(),
    body: z.string().nullish(),
    author: authorSchema,
    url: z.string().nullish(),
    redacted: z.boolean().optional(),
  }),
  contacts: z.object({ contacts: z.array(contactRef) }).transform((v) => v.contacts),
  teammates: z
    .object({ teammates: z.array(reference).nullish() })
    .nullish()
    .transform((v) => v?.teammates ?? []),
  custom_attributes: z.record(z.string(), z.unknown()).default({}),
  first_contact_reply: z.object({ created_at: timestamp }).nullish(),
  sla_applied: z.object({ sla_name: z.string(), sla_status: z.string().nullish() }).nullish(),
  statistics: conversationStatisticsSchema.nullish(),
  linked_objects: linkedObjectsSchema.optional(),
  ticket: z.object({ id, ticket_id: id.optional() }).nullish(),
  ai_agent_participated: z.boolean().nullish(),
  ai_agent: z
    .object({
      source_type: z.string().nullish(),
      source_title: z.string().nullish(),
      last_answer_type: z.string().nullish(),
      resolution_state: z.string().nullish(),
      rating: z.number().nullish(),
      rating_remark: z.string().nullish(),
    })
    .nullish(),
  conversation_parts: z
    .object({ conversation_parts: z.array(conversationPartSchema), total_count: z.number().int().optional() })
    .optional(),
});
export type Conversation = z.infer<typeof conversationSchema>;
export const conversationListSchema = z.object({
  type: z.literal("conversation.list"),
  conversations: z.array(conversationSchema),
  total_count: z.number().int(),
  pages: pagesSchema.nullish(),
});

const addressableList = z.object({
  data: z.array(z.object({ id, type: z.string().optional() })).default([]),
  total_count: z.number().int().optional(),
});

export const contactSchema = z.object({
  type: z.literal("contact"),
  id,
  external_id: z.string().nullish(),
  role: z.enum(["user", "lead"]),
  email: z.string().nullish(),
  email_domain: z.string().nullish(),
  phone: z.string().nullish(),
  name: z.string().nullish(),
  /** An integer before 2.16, a string from 2.16. */
  owner_id: z
    .union([z.number().int(), z.string()])
    .nullish()
    .transform((v) => (v === null || v === undefined ? null : String(v))),
  avatar: z.object({ image_url: z.string().nullish() }).nullish(),
  has_hard_bounced: z.boolean().optional(),
  marked_email_as_spam: z.boolean().optional(),
  unsubscribed_from_emails: z.boolean().optional(),
  created_at: timestamp,
  updated_at: timestamp,
  signed_up_at: nullableTimestamp,
  last_seen_at: nullableTimestamp,
  last_replied_at: nullableTimestamp,
  last_contacted_at: nullableTimestamp,
  browser: z.string().nullish(),
  os: z.string().nullish(),
  language_override: z.string().nullish(),
  location: z
    .object({ country: z.string().nullish(), region: z.string().nullish(), city: z.string().nullish() })
    .nullish(),
  custom_attributes: z.record(z.string(), z.unknown()).default({}),
  tags: addressableList.nullish().transform((v) => v?.data.map((t) => t.id) ?? []),
  companies: addressableList.nullish().transform((v) => v?.data.map((c) => c.id) ?? []),
});
export type Contact = z.infer<typeof contactSchema>;
export const contactListSchema = z.object({
  type: z.literal("list"),
  data: z.array(contactSchema),
  total_count: z.number().int(),
  pages: pagesSchema.nullish(),
});

export const companySchema = z.object({
  type: z.literal("company"),
  id,
  company_id: z.string().nullish(),
  name: z.string().nullish(),
  user_count: z.number().int().optional(),
  plan: z.object({ name: z.string().nullish() }).partial().nullish(),
});
export type Company = z.infer<typeof companySchema>;
export const companyListSchema = z.object({
  type: z.literal("list"),
  data: z.array(companySchema),
  total_count: z.number().int().optional(),
  pages: z.unknown().optional(),
});

export const segmentSchema = z.object({
  type: z.literal("segment"),
  id,
  name: z.string(),
  created_at: timestamp,
  updated_at: timestamp,
  person_type: z.enum(["contact", "user"]),
  count: z.number().int().nullish(),
});
export type Segment = z.infer<typeof segmentSchema>;
export const segmentListSchema = z.object({ type: z.literal("segment.list"), segments: z.array(segmentSchema) });
export const contactSegmentsSchema = z.object({ type: z.literal("list"), data: z.array(segmentSchema) });

/** The OAuth token exchange's answer. */
export const tokenResponseSchema = z
  .object({ token: z.string().optional(), access_token: z.string().optional(), token_type: z.string().optional() })
  .refine((v) => Boolean(v.access_token ?? v.token), "no token in the answer")
  .transform((v) => ({ accessToken: (v.access_token ?? v.token)! }));
