import "server-only";
import type { WorkspaceCatalog } from "@/lib/catalog/types";
import { HttpError } from "@/lib/http/errors";
import type { IntercomClient } from "@/lib/intercom/client";
import {
  conversationSchema,
  tagSchema,
  ticketDeletedSchema,
  ticketReplySchema,
  ticketSchema,
  type Ticket,
} from "@/lib/intercom/schemas";
import { attributeValueError } from "@/lib/tickets/attributes";
import { textToHtml, type ConversationAction, type TicketAction } from "./actions";

const invalid = (field: string, message: string) => new HttpError("invalid_input", message, { [field]: message });

function checkAssignee(catalog: WorkspaceCatalog, kind: "admin" | "team", id: string): void {
  if (id === "0") return;
  const known = kind === "admin" ? catalog.admins.some((a) => a.id === id) : catalog.teams.some((t) => t.id === id);
  if (!known)
    throw invalid(
      kind === "admin" ? "admin_id" : "team_id",
      kind === "admin" ? "That teammate is not in this workspace" : "That team is not in this workspace",
    );
}

function checkTag(catalog: WorkspaceCatalog, tagId: string): void {
  if (!catalog.tags.some((t) => t.id === tagId)) throw invalid("tag_id", "That tag does not exist in this workspace");
}

/**
 * One action on a ticket: checked against the ticket's type and the workspace's catalogue
 * (a state of another type, an unknown teammate or tag, a value of the wrong type are 400s
 * with field errors, before anything reaches Intercom), then sent as the lead's admin.
 */
export async function runTicketAction(
  client: IntercomClient,
  catalog: WorkspaceCatalog,
  adminId: string,
  ticketId: string,
  action: TicketAction,
  /** The ticket as just read by the caller, so it is not read twice. */
  known: Ticket | null = null,
): Promise<void> {
  const path = `/tickets/${encodeURIComponent(ticketId)}`;
  const read = async () => known ?? (await client.request("GET", path, ticketSchema));
  const update = (body: Record<string, unknown>) =>
    client.request("PUT", path, ticketSchema, { body: { admin_id: adminId, ...body } });
  switch (action.action) {
    case "set_state": {
      const ticket = await read();
      if (!ticket.ticket_type.ticket_states.some((s) => s.id === action.state_id))
        throw invalid("state_id", `That state is not one of ${ticket.ticket_type.name}'s states`);
      await update({ ticket_state_id: action.state_id });
      return;
    }
    case "assign_admin":
      checkAssignee(catalog, "admin", action.admin_id);
      await update({ assignee_id: action.admin_id });
      return;
    case "assign_team":
      checkAssignee(catalog, "team", action.team_id);
      await update({ assignee_id: action.team_id });
      return;
    case "set_shared":
      await update({ is_shared: action.shared });
      return;
    case "set_open":
      await update({ open: action.open });
      return;
    case "snooze":
      if (action.until <= Date.now() / 1000) throw invalid("until", "Choose a time in the future");
      await update({ snoozed_until: action.until });
      return;
    case "set_attributes": {
      const ticket = await read();
      const fields: Record<string, string> = {};
      for (const [name, value] of Object.entries(action.attributes)) {
        const attr = ticket.ticket_type.ticket_type_attributes.find((a) => a.name === name && !a.archived);
        const error = attr
          ? attributeValueError(attr, value, { required: attr.required_to_create })
          : `${ticket.ticket_type.name} has no attribute called ${name}`;
        if (error) fields[name] = error;
      }
      if (Object.keys(fields).length > 0)
        throw new HttpError("invalid_input", "Some attributes are not valid.", fields);
      await update({ ticket_attributes: action.attributes });
      return;
    }
    case "add_tag":
      checkTag(catalog, action.tag_id);
      await client.request("POST", `${path}/tags`, tagSchema, { body: { id: action.tag_id, admin_id: adminId } });
      return;
    case "remove_tag":
      checkTag(catalog, action.tag_id);
      await client.request("DELETE", `${path}/tags/${encodeURIComponent(action.tag_id)}`, tagSchema, {
        body: { admin_id: adminId },
      });
      return;
    case "reply":
      await client.request("POST", `${path}/reply`, ticketReplySchema, {
        body: { message_type: action.kind, type: "admin", admin_id: adminId, body: textToHtml(action.body) },
      });
      return;
    case "delete": {
      const ticket = await read();
      if (action.confirm.trim().replace(/^#/, "") !== ticket.ticket_id)
        throw invalid("confirm", `Type the ticket number, ${ticket.ticket_id}, to delete it`);
      await client.request("DELETE", path, ticketDeletedSchema);
      return;
    }
  }
}

/** One action on a conversation, checked against the catalogue, sent as the lead's admin. */
export async function runConversationAction(
  client: IntercomClient,
  catalog: WorkspaceCatalog,
  adminId: string,
  conversationId: string,
  action: ConversationAction,
): Promise<void> {
  const path = `/conversations/${encodeURIComponent(conversationId)}`;
  const parts = (body: Record<string, unknown>) =>
    client.request("POST", `${path}/parts`, conversationSchema, { body: { admin_id: adminId, ...body } });
  switch (action.action) {
    case "reply":
      await client.request("POST", `${path}/reply`, conversationSchema, {
        body: { message_type: action.kind, type: "admin", admin_id: adminId, body: textToHtml(action.body) },
      });
      return;
    case "assign_admin":
      checkAssignee(catalog, "admin", action.admin_id);
      await parts({ message_type: "assignment", type: "admin", assignee_id: action.admin_id });
      return;
    case "assign_team":
      checkAssignee(catalog, "team", action.team_id);
      await parts({ message_type: "assignment", type: "team", assignee_id: action.team_id });
      return;
    case "snooze":
      if (action.until <= Date.now() / 1000) throw invalid("until", "Choose a time in the future");
      await parts({ message_type: "snoozed", snoozed_until: action.until });
      return;
    case "close":
      await parts({ message_type: "close", type: "admin" });
      return;
    case "open":
      await parts({ message_type: "open" });
      return;
    case "set_priority":
      await client.request("PUT", path, conversationSchema, {
        body: { priority: action.priority ? "priority" : "not_priority" },
      });
      return;
    case "add_tag":
      checkTag(catalog, action.tag_id);
      await client.request("POST", `${path}/tags`, tagSchema, { body: { id: action.tag_id, admin_id: adminId } });
      return;
    case "remove_tag":
      checkTag(catalog, action.tag_id);
      await client.request("DELETE", `${path}/tags/${encodeURIComponent(action.tag_id)}`, tagSchema, {
        body: { admin_id: adminId },
      });
      return;
    case "mark_read":
      await client.request("PUT", path, conversationSchema, { body: { read: true } });
      return;
    case "redact":
      await client.request("POST", "/conversations/redact", conversationSchema, {
        body: { type: "conversation_part", conversation_id: conversationId, conversation_part_id: action.part_id },
      });
      return;
    case "redact_source": {
      const conv = await client.request("GET", path, conversationSchema);
      await client.request("POST", "/conversations/redact", conversationSchema, {
        body: { type: "source", conversation_id: conversationId, source_id: conv.source.id },
      });
      return;
    }
  }
}
