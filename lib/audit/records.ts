import "server-only";
import type { WorkspaceCatalog } from "@/lib/catalog/types";
import type { Db } from "@/lib/db/client";
import type { IntercomClient } from "@/lib/intercom/client";
import { conversationSchema, ticketSchema, type Conversation, type Ticket } from "@/lib/intercom/schemas";
import { snapshotOf } from "@/lib/bulk/snapshot";
import { runConversationChange, runTicketChange, type SingleResult } from "@/lib/changes/run";
import type { ConversationChange, TicketChange } from "@/lib/changes/schema";
import { ticketChangeOf } from "@/lib/changes/tickets";
import { snapshotChange } from "@/lib/changes/values";
import type { ChangeTypeBody, ConvertBody } from "@/lib/records/actions";
import type { TicketDetail } from "@/lib/records/detail-types";
import { changeTicketType, convertConversation } from "@/lib/records/type-change";
import { audited, type Described } from "./store";
import type { AuditActor } from "./types";

/**
 * The record actions of the dashboard, each written to the audit log with the values it
 * changed: read before the change, and what the change asked for after it. Message bodies
 * are not copied into the log (Intercom keeps them; a redaction must not survive here).
 */

type Values = Record<string, unknown>;

const when = (ts: number | null | undefined) => (ts ? new Date(ts * 1000).toISOString() : null);

function namer(catalog: WorkspaceCatalog) {
  return {
    admin: (id: string | null | undefined) =>
      !id || id === "0" ? "Unassigned" : (catalog.admins.find((a) => a.id === id)?.name ?? `Teammate ${id}`),
    team: (id: string | null | undefined) =>
      !id || id === "0" ? "Unassigned" : (catalog.teams.find((t) => t.id === id)?.name ?? `Team ${id}`),
    tag: (id: string) => catalog.tags.find((t) => t.id === id)?.name ?? id,
  };
}

const tagNames = (tags: { name?: string | null; id: string }[] | undefined) => (tags ?? []).map((t) => t.name ?? t.id);

type SharedAction = Extract<ConversationChange, { type: "reply" | "assign_admin" | "assign_team" }>;

/** What conversations record of replies and notes (never their words), and assignment. */
function describeShared(
  action: SharedAction,
  n: ReturnType<typeof namer>,
  current: { admin_assignee_id?: string | null; team_assignee_id?: string | null } | null,
  label: string,
): Described {
  switch (action.type) {
    case "reply":
      return {
        summary: action.kind === "note" ? `Added a note to ${label}` : `Replied to ${label}`,
        after: { kind: action.kind, characters: action.body.length },
      };
    case "assign_admin":
      return {
        summary: `Assigned ${label} to ${n.admin(action.admin_id)}`,
        before: current && { assignee: n.admin(current.admin_assignee_id) },
        after: { assignee: n.admin(action.admin_id) },
      };
    case "assign_team":
      return {
        summary: `Assigned ${label} to team ${n.team(action.team_id)}`,
        before: current && { team: n.team(current.team_assignee_id) },
        after: { team: n.team(action.team_id) },
      };
  }
}

/** A ticket change in the log: its description, and the values it changed, read before and after. */
function describeTicket(
  action: TicketChange,
  catalog: WorkspaceCatalog,
  t: Ticket | null,
  result: SingleResult | undefined,
  ticketId: string,
): Described {
  const change = ticketChangeOf(action);
  const label = t ? `ticket #${t.ticket_id}` : `ticket ${ticketId}`;
  const summary = `${change.describe(catalog)}: ${label}`;
  if (action.type === "reply") return { summary, after: { kind: action.kind, characters: action.body.length } };
  if (action.type === "delete")
    return {
      summary,
      before: t && {
        title: String(t.ticket_attributes._default_title_ ?? ""),
        type: t.ticket_type.name,
        state: t.ticket_state.internal_label,
      },
      after: result ? { deleted: true } : null,
    };
  if (!t) return { summary };
  const values = snapshotChange(
    change.fields,
    snapshotOf(t),
    result ? (result.after ?? null) : null,
    catalog.ticketTypes,
    catalog,
  );
  return { summary, before: values.before, after: values.after };
}

function describeConversation(
  action: ConversationChange,
  catalog: WorkspaceCatalog,
  c: Conversation | null,
  id: string,
): Described {
  const n = namer(catalog);
  const label = `conversation ${id}`;
  switch (action.type) {
    case "reply":
    case "assign_admin":
    case "assign_team":
      return describeShared(action, n, c, label);
    case "snooze":
      return {
        summary: `Snoozed ${label} until ${when(action.until)}`,
        before: c && { state: c.state },
        after: { state: "snoozed", snoozed_until: when(action.until) },
      };
    case "close":
      return { summary: `Closed ${label}`, before: c && { state: c.state }, after: { state: "closed" } };
    case "open":
      return { summary: `Reopened ${label}`, before: c && { state: c.state }, after: { state: "open" } };
    case "unsnooze":
      return { summary: `Unsnoozed ${label}`, before: c && { state: c.state }, after: { state: "open" } };
    case "set_priority":
      if (typeof action.priority === "string")
        return {
          summary: `Set the priority of ${label} to ${action.priority}`,
          before: c && { priority: c.priority.level },
          after: { priority: action.priority },
        };
      return {
        summary: `${action.priority ? "Prioritised" : "Removed priority from"} ${label}`,
        before: c && { priority: c.priority.prioritised },
        after: { priority: action.priority },
      };
    case "add_tag":
    case "remove_tag": {
      const tag = n.tag(action.tag_id);
      const had = c ? tagNames(c.tags) : null;
      const now = had
        ? action.type === "add_tag"
          ? [...new Set([...had, tag])]
          : had.filter((x) => x !== tag)
        : [tag];
      return {
        summary: action.type === "add_tag" ? `Tagged ${label} ${tag}` : `Removed tag ${tag} from ${label}`,
        before: had && { tags: had },
        after: { tags: now },
      };
    }
    case "mark_read":
      return { summary: `Marked ${label} as read`, before: c && { read: c.read }, after: { read: true } };
    case "redact":
      return { summary: `Redacted message ${action.part_id} of ${label}`, after: { redacted_part: action.part_id } };
    case "redact_source":
      return { summary: `Redacted the first message of ${label}`, after: { redacted_part: "source" } };
  }
}

/** Changes whose values before are worth a read of the conversation first. */
const CONVERSATION_READS: ConversationChange["type"][] = [
  "assign_admin",
  "assign_team",
  "snooze",
  "close",
  "open",
  "unsnooze",
  "set_priority",
  "add_tag",
  "remove_tag",
  "mark_read",
];

export interface AuditContext {
  db: Db;
  actor: AuditActor;
  workspaceId: string;
}

const recordPath = (kind: "tickets" | "conversations", id: string) => `/${kind}/${encodeURIComponent(id)}`;

export async function auditedTicketAction(
  ctx: AuditContext,
  client: IntercomClient,
  catalog: WorkspaceCatalog,
  ticketId: string,
  action: TicketChange,
): Promise<SingleResult> {
  let current: Ticket | null = null;
  return audited(
    ctx.db,
    {
      workspaceId: ctx.workspaceId,
      actor: ctx.actor,
      action: `ticket.${action.type}`,
      recordType: "ticket",
      recordId: ticketId,
    },
    () =>
      runTicketChange(client, catalog, ctx.actor.adminId ?? "", ticketId, action, {
        onRead: (t) => {
          current = t;
        },
      }),
    (result) => describeTicket(action, catalog, current, result, ticketId),
  );
}

export async function auditedConversationAction(
  ctx: AuditContext,
  client: IntercomClient,
  catalog: WorkspaceCatalog,
  conversationId: string,
  action: ConversationChange,
): Promise<void> {
  let current: Conversation | null = null;
  await audited(
    ctx.db,
    {
      workspaceId: ctx.workspaceId,
      actor: ctx.actor,
      action: `conversation.${action.type}`,
      recordType: "conversation",
      recordId: conversationId,
    },
    async () => {
      if (CONVERSATION_READS.includes(action.type))
        current = await client.request("GET", recordPath("conversations", conversationId), conversationSchema);
      await runConversationChange(client, catalog, ctx.actor.adminId ?? "", conversationId, action, current);
    },
    () => describeConversation(action, catalog, current, conversationId),
  );
}

/** A ticket's type change, with its type, state and attributes before and after. */
export async function auditedChangeType(
  ctx: AuditContext,
  client: IntercomClient,
  ticketId: string,
  body: ChangeTypeBody,
): Promise<TicketDetail> {
  let current: Ticket | null = null;
  return audited(
    ctx.db,
    {
      workspaceId: ctx.workspaceId,
      actor: ctx.actor,
      action: "ticket.change_type",
      recordType: "ticket",
      recordId: ticketId,
    },
    async () => {
      current = await client.request("GET", recordPath("tickets", ticketId), ticketSchema);
      return changeTicketType(client, ctx.workspaceId, ctx.actor.adminId ?? "", current, body);
    },
    (detail): Described => {
      const t: Ticket | null = current;
      const label = t ? `ticket #${t.ticket_id}` : `ticket ${ticketId}`;
      const typeName = detail ? detailTypeName(detail) : null;
      return {
        summary: `Changed the type of ${label}${typeName ? ` to ${typeName}` : ""}`,
        before: t && {
          type: t.ticket_type.name,
          state: t.ticket_state.internal_label,
          attributes: t.ticket_attributes,
        },
        after: detail ? detailValues(detail) : { type_id: body.ticket_type_id },
      };
    },
  );
}

/** A conversation turned into a ticket: the new ticket's number is in the entry. */
export async function auditedConvert(
  ctx: AuditContext,
  client: IntercomClient,
  conversationId: string,
  body: ConvertBody,
): Promise<{ ticketId: string; ticketNumber: string }> {
  return audited(
    ctx.db,
    {
      workspaceId: ctx.workspaceId,
      actor: ctx.actor,
      action: "conversation.convert",
      recordType: "conversation",
      recordId: conversationId,
    },
    () => convertConversation(client, ctx.workspaceId, conversationId, body),
    (made): Described => ({
      summary: made
        ? `Converted conversation ${conversationId} to ticket #${made.ticketNumber}`
        : `Converted conversation ${conversationId} to a ticket`,
      before: { conversation: conversationId },
      after: made
        ? { ticket_id: made.ticketId, ticket_number: made.ticketNumber, ticket_type_id: body.ticket_type_id }
        : null,
    }),
  );
}

const detailTypeName = (d: TicketDetail) => d.type.name;
const detailValues = (d: TicketDetail): Values => ({
  type: d.type.name,
  state: d.state.internal_label,
  attributes: d.attributes,
});
