import "server-only";
import type { IntercomClient } from "@/lib/intercom/client";
import {
  conversationSchema,
  ticketSchema,
  type Conversation,
  type ConversationPart,
  type Ticket,
  type TicketPart,
} from "@/lib/intercom/schemas";
import type {
  AttrValue,
  ConversationDetail,
  LinkedRecord,
  PartAuthor,
  TicketDetail,
  TimelinePart,
} from "./detail-types";
import { conversationSubject, htmlToText, ticketTitle } from "./project";
import { sanitizeMessage } from "./sanitize";
import { contactsById } from "./search";

/** A sanitised body and the hosts of the remote images it holds back. */
function body(html: string | null | undefined): { bodyHtml: string | null; imageHosts: string[] } {
  const clean = sanitizeMessage(html);
  return { bodyHtml: clean?.html ?? null, imageHosts: clean?.imageHosts ?? [] };
}

const author = (
  a: { type: string; id: string; name?: string | null; email?: string | null } | null | undefined,
): PartAuthor | null => (a ? { type: a.type, id: a.id, name: a.name ?? null, email: a.email ?? null } : null);

function ticketPart(p: TicketPart): TimelinePart {
  return {
    id: p.id,
    partType: p.part_type,
    ...body(p.body),
    createdAt: p.created_at,
    author: author(p.author),
    assignedTo: p.assigned_to ? { type: p.assigned_to.type, id: p.assigned_to.id ?? null } : null,
    fromState: p.previous_ticket_state ?? null,
    toState: p.ticket_state ?? null,
    change: p.updated_attribute_data
      ? {
          label: p.updated_attribute_data.attribute.label,
          value: Array.isArray(p.updated_attribute_data.value.label)
            ? p.updated_attribute_data.value.label.join(", ")
            : p.updated_attribute_data.value.label,
        }
      : null,
    redacted: p.redacted ?? false,
  };
}

function conversationPart(p: ConversationPart): TimelinePart {
  return {
    id: p.id,
    partType: p.part_type,
    ...body(p.body),
    createdAt: p.created_at,
    author: author(p.author),
    assignedTo: p.assigned_to ? { type: p.assigned_to.type, id: p.assigned_to.id ?? null } : null,
    redacted: p.redacted,
  };
}

/** Titles of the first few linked records; the rest are listed by id. */
async function linkedRecords(
  client: IntercomClient,
  linked: { type: "ticket" | "conversation"; id: string; category?: string | null }[],
): Promise<LinkedRecord[]> {
  const titled = await Promise.all(
    linked.slice(0, 10).map(async (l) => {
      try {
        if (l.type === "ticket")
          return ticketTitle(await client.request("GET", `/tickets/${encodeURIComponent(l.id)}`, ticketSchema));
        return conversationSubject(
          await client.request("GET", `/conversations/${encodeURIComponent(l.id)}`, conversationSchema),
        );
      } catch {
        return null;
      }
    }),
  );
  return linked.map((l, i) => ({ type: l.type, id: l.id, category: l.category ?? null, title: titled[i] ?? null }));
}

type ContactsById = Awaited<ReturnType<typeof contactsById>>;

/** What a record's page shows beside it, fetched at once: its contacts' names and its linked records' titles. */
function related(
  client: IntercomClient,
  record: { contacts: { id: string }[]; linked_objects?: { data: Parameters<typeof linkedRecords>[1] } | null },
) {
  return Promise.all([
    contactsById(
      client,
      record.contacts.map((c) => c.id),
    ),
    linkedRecords(client, record.linked_objects?.data ?? []),
  ]);
}

const contactRefs = (list: { id: string }[], contacts: ContactsById) =>
  list.map((c) => ({ id: c.id, name: contacts.get(c.id)?.name ?? null, email: contacts.get(c.id)?.email ?? null }));

const attributeValue = (v: unknown): AttrValue =>
  typeof v === "string" || typeof v === "number" || typeof v === "boolean" ? v : null;

export function ticketDetailFrom(t: Ticket, contacts: ContactsById, linked: LinkedRecord[]): TicketDetail {
  return {
    id: t.id,
    ticketNumber: t.ticket_id,
    title: ticketTitle(t),
    category: t.category,
    type: t.ticket_type,
    state: t.ticket_state,
    previousStateId: t.previous_ticket_state_id,
    open: t.open,
    snoozedUntil: t.snoozed_until,
    isShared: t.is_shared,
    adminAssigneeId: t.admin_assignee_id,
    teamAssigneeId: t.team_assignee_id,
    attributes: Object.fromEntries(Object.entries(t.ticket_attributes).map(([k, v]) => [k, attributeValue(v)])),
    tags: t.tags ? t.tags.map((x) => ({ id: x.id, name: x.name })) : null,
    contacts: contactRefs(t.contacts, contacts),
    linked,
    parts: t.ticket_parts.map(ticketPart),
    createdAt: t.created_at,
    updatedAt: t.updated_at,
  };
}

export async function loadTicketDetail(client: IntercomClient, id: string): Promise<TicketDetail> {
  const t = await client.request("GET", `/tickets/${encodeURIComponent(id)}`, ticketSchema);
  const [contacts, linked] = await related(client, t);
  return ticketDetailFrom(t, contacts, linked);
}

export function conversationDetailFrom(
  c: Conversation,
  contacts: ContactsById,
  linked: LinkedRecord[],
): ConversationDetail {
  const s = c.statistics;
  const source = body(c.source.body);
  return {
    id: c.id,
    title: c.title?.trim() || null,
    subject: conversationSubject(c),
    channel: c.source.type,
    deliveredAs: c.source.delivered_as ?? null,
    source: {
      id: c.source.id,
      ...source,
      subject: c.source.subject?.trim() || null,
      text: htmlToText(source.bodyHtml),
      author: author(c.source.author)!,
      redacted: c.source.redacted ?? false,
      url: c.source.url ?? null,
    },
    state: c.state,
    open: c.open,
    read: c.read,
    priority: c.priority.prioritised,
    priorityLevel: c.priority.level,
    adminAssigneeId: c.admin_assignee_id,
    teamAssigneeId: c.team_assignee_id,
    waitingSince: c.waiting_since,
    snoozedUntil: c.snoozed_until,
    sla: c.sla_applied ? { name: c.sla_applied.sla_name, status: c.sla_applied.sla_status ?? null } : null,
    rating: c.conversation_rating
      ? {
          rating: c.conversation_rating.rating ?? null,
          remark: c.conversation_rating.remark ?? null,
          createdAt: c.conversation_rating.created_at ?? null,
        }
      : null,
    aiAgentParticipated: c.ai_agent_participated ?? false,
    aiAgent: c.ai_agent
      ? {
          sourceTitle: c.ai_agent.source_title ?? null,
          resolutionState: c.ai_agent.resolution_state ?? null,
          lastAnswerType: c.ai_agent.last_answer_type ?? null,
          rating: c.ai_agent.rating ?? null,
        }
      : null,
    statistics: s
      ? {
          timeToAssignment: s.time_to_assignment ?? null,
          timeToAdminReply: s.time_to_admin_reply ?? null,
          timeToFirstClose: s.time_to_first_close ?? null,
          medianTimeToReply: s.median_time_to_reply ?? null,
          countReopens: s.count_reopens ?? null,
          countAssignments: s.count_assignments ?? null,
          countParts: s.count_conversation_parts ?? null,
          firstContactReplyAt: s.first_contact_reply_at ?? null,
          lastCloseAt: s.last_close_at ?? null,
        }
      : null,
    tags: c.tags.map((t) => ({ id: t.id, name: t.name })),
    contacts: contactRefs(c.contacts, contacts),
    teammateIds: c.teammates.flatMap((t) => (t.id ? [String(t.id)] : [])),
    ticket: c.ticket ? { id: c.ticket.id, ticketNumber: c.ticket.ticket_id ?? null } : null,
    linked,
    customAttributes: c.custom_attributes,
    parts: (c.conversation_parts?.conversation_parts ?? []).map(conversationPart),
    createdAt: c.created_at,
    updatedAt: c.updated_at,
  };
}

export async function loadConversationDetail(client: IntercomClient, id: string): Promise<ConversationDetail> {
  const c = await client.request("GET", `/conversations/${encodeURIComponent(id)}`, conversationSchema);
  const [contacts, linked] = await related(client, c);
  return conversationDetailFrom(c, contacts, linked);
}
