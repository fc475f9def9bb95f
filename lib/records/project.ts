import type { WorkspaceCatalog } from "@/lib/catalog/types";
import type { Contact, Conversation, Ticket } from "@/lib/intercom/schemas";
import type { ContactRef, ContactRow, ConversationRow, TicketRow } from "./types";

/** Plain text of an HTML body, for subjects and snippets. */
export function htmlToText(html: string | null | undefined): string {
  return (html ?? "")
    .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/gi, " ")
    .replace(/<[^>]*>/g, " ")
    .replace(/&nbsp;/g, " ")
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, " ")
    .trim();
}

export function ticketTitle(t: Ticket): string {
  const title = t.ticket_attributes._default_title_;
  return typeof title === "string" && title.trim() ? title.trim() : `Ticket #${t.ticket_id}`;
}

export function conversationSubject(c: Conversation): string {
  return (
    c.title?.trim() || c.source.subject?.trim() || htmlToText(c.source.body).slice(0, 140) || `Conversation ${c.id}`
  );
}

const refs = (ids: { id: string }[], contacts: Map<string, Contact>): ContactRef[] =>
  ids.map(({ id }) => ({ id, name: contacts.get(id)?.name ?? null, email: contacts.get(id)?.email ?? null }));

export function ticketRow(t: Ticket, contacts: Map<string, Contact>): TicketRow {
  return {
    id: t.id,
    ticketNumber: t.ticket_id,
    title: ticketTitle(t),
    type: {
      id: t.ticket_type.id,
      name: t.ticket_type.name,
      icon: t.ticket_type.icon ?? null,
      category: t.ticket_type.category,
    },
    state: { id: t.ticket_state.id, category: t.ticket_state.category, label: t.ticket_state.internal_label },
    open: t.open,
    snoozedUntil: t.snoozed_until,
    isShared: t.is_shared,
    adminAssigneeId: t.admin_assignee_id,
    teamAssigneeId: t.team_assignee_id,
    contacts: refs(t.contacts, contacts),
    createdAt: t.created_at,
    updatedAt: t.updated_at,
  };
}

export function conversationRow(c: Conversation, contacts: Map<string, Contact>): ConversationRow {
  return {
    id: c.id,
    subject: conversationSubject(c),
    state: c.state,
    priority: c.priority.prioritised,
    priorityLevel: c.priority.level,
    channel: c.source.type,
    adminAssigneeId: c.admin_assignee_id,
    teamAssigneeId: c.team_assignee_id,
    contacts: refs(c.contacts, contacts),
    waitingSince: c.waiting_since,
    tags: c.tags.map((t) => ({ id: t.id, name: t.name })),
    createdAt: c.created_at,
    updatedAt: c.updated_at,
  };
}

export function contactRow(c: Contact, catalog: Pick<WorkspaceCatalog, "companies" | "tags">): ContactRow {
  const company = new Map(catalog.companies.map((x) => [x.id, x.name]));
  const tag = new Map(catalog.tags.map((x) => [x.id, x.name]));
  return {
    id: c.id,
    name: c.name ?? null,
    email: c.email ?? null,
    role: c.role,
    companies: c.companies.map((id) => ({ id, name: company.get(id) ?? id })),
    tags: c.tags.map((id) => ({ id, name: tag.get(id) ?? id })),
    lastSeenAt: c.last_seen_at,
    createdAt: c.created_at,
    location: [c.location?.city, c.location?.country].filter(Boolean).join(", ") || null,
  };
}
