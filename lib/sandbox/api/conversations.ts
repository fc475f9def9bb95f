import { ApiError, badRequest, notFound } from "../errors";
import { route, type ApiContext, type Route } from "../router";
import { htmlToText, recomputeStatistics } from "../store/derive";
import type { Author, ConversationPartRec, ConversationRec, Reference, TicketRec } from "../store/types";
import { levelFromFlag, PRIORITY_FLAGS, PRIORITY_LEVELS } from "../versions";
import { runSearch } from "./search";
import * as s from "./serialize";
import { actingAdmin } from "./tickets";
import { missingRequired, validateTicketAttributes } from "./ticket-attributes";
import {
  asHtmlBody,
  booleanParam,
  enumParam,
  idParam,
  objectBody,
  onlyKeys,
  stringParam,
  timestampParam,
} from "./validate";

const REDACTED_BODY = "<p><i>This message was deleted</i></p>";

/** Most endpoints answer "Resource Not Found"; the tag endpoints document "Conversation not found". */
function findConversation(ctx: ApiContext, message = "Resource Not Found"): ConversationRec {
  const c = ctx.ws.conversations.get(ctx.params.id);
  if (!c) throw notFound(message);
  return c;
}

function addPart(
  ctx: ApiContext,
  conv: ConversationRec,
  part: Omit<ConversationPartRec, "id" | "created_at" | "updated_at" | "notified_at" | "redacted">,
): void {
  const now = ctx.now();
  conv.parts.push({
    ...part,
    id: ctx.ws.nextPartId(),
    created_at: now,
    updated_at: now,
    notified_at: now,
    redacted: false,
  });
  conv.updated_at = now;
  recomputeStatistics(conv);
}

const full = (ctx: ApiContext, conv: ConversationRec) => s.conversation(conv, ctx.ws, ctx.shape, true);

function reply(ctx: ApiContext) {
  const conv = findConversation(ctx);
  const body = objectBody(ctx.body);
  onlyKeys(body, [
    "message_type",
    "type",
    "admin_id",
    "body",
    "created_at",
    "reply_options",
    "attachment_urls",
    "attachment_files",
    "intercom_user_id",
    "user_id",
    "email",
    ...(ctx.shape.replySkipNotifications ? ["skip_notifications"] : []),
    ...(ctx.shape.replySkipUnsnooze ? ["skip_unsnooze"] : []),
  ]);
  booleanParam(body, "skip_notifications");
  booleanParam(body, "skip_unsnooze");
  const ws = ctx.ws;
  const messageType = enumParam(body, "message_type", ["comment", "note", "quick_reply"] as const, true)!;
  const authorType = enumParam(body, "type", ["admin", "user"] as const, true)!;
  if (messageType === "quick_reply")
    throw badRequest("Quick replies are not supported by this workspace", "parameter_invalid", "message_type");
  const text = stringParam(body, "body", true)!;
  if (text.trim() === "") throw badRequest("body must not be empty", "parameter_invalid", "body");
  if (authorType === "user") {
    if (messageType !== "comment")
      throw badRequest("Users can only reply with a comment", "parameter_invalid", "message_type");
    const contactId = idParam(body, "intercom_user_id", false);
    const email = stringParam(body, "email", false);
    const userId = stringParam(body, "user_id", false);
    const contact = contactId
      ? ws.contacts.get(contactId)
      : [...ws.contacts.values()].find((c) => (email && c.email === email) || (userId && c.external_id === userId));
    if (!contact) throw notFound("User Not Found");
    const author: Author = { type: contact.role, id: contact.id, name: contact.name, email: contact.email };
    // A customer reply reopens a closed or snoozed conversation.
    const reopening = conv.state !== "open";
    if (reopening) {
      conv.state = "open";
      conv.open = true;
      conv.snoozed_until = null;
    }
    conv.waiting_since ??= ctx.now();
    conv.read = false;
    addPart(ctx, conv, {
      part_type: reopening ? "open" : "comment",
      body: asHtmlBody(text),
      author,
      assigned_to: null,
      state: "open",
    });
    return full(ctx, conv);
  }
  const author = actingAdmin(ctx, idParam(body, "admin_id", true));
  if (messageType === "comment") {
    conv.waiting_since = null;
    conv.read = true;
  }
  addPart(ctx, conv, { part_type: messageType, body: asHtmlBody(text), author, assigned_to: null, state: conv.state });
  return full(ctx, conv);
}

function manage(ctx: ApiContext) {
  const conv = findConversation(ctx);
  const body = objectBody(ctx.body);
  const messageType = enumParam(body, "message_type", ["close", "snoozed", "open", "assignment"] as const, true)!;
  const allowed: Record<typeof messageType, string[]> = {
    close: ["message_type", "type", "admin_id", "body"],
    snoozed: ["message_type", "admin_id", "snoozed_until"],
    open: ["message_type", "admin_id"],
    assignment: ["message_type", "type", "admin_id", "assignee_id", "body"],
  };
  onlyKeys(body, allowed[messageType]);
  const ws = ctx.ws;
  const author = actingAdmin(ctx, idParam(body, "admin_id", true));
  const text = stringParam(body, "body", false);
  const html = text && text.trim() ? asHtmlBody(text) : null;

  switch (messageType) {
    case "close": {
      enumParam(body, "type", ["admin"] as const, true);
      conv.state = "closed";
      conv.open = false;
      conv.snoozed_until = null;
      conv.waiting_since = null;
      addPart(ctx, conv, { part_type: "close", body: html, author, assigned_to: null, state: "closed" });
      break;
    }
    case "snoozed": {
      const until = timestampParam(body, "snoozed_until", true)!;
      if (until <= ctx.now())
        throw badRequest("snoozed_until must be in the future", "parameter_invalid", "snoozed_until");
      conv.state = "snoozed";
      conv.open = true;
      conv.snoozed_until = until;
      addPart(ctx, conv, {
        part_type: "snoozed",
        body: null,
        author,
        assigned_to: null,
        state: "snoozed",
        event: { kind: "snoozed", until },
      });
      break;
    }
    case "open": {
      conv.state = "open";
      conv.open = true;
      conv.snoozed_until = null;
      addPart(ctx, conv, { part_type: "open", body: null, author, assigned_to: null, state: "open" });
      break;
    }
    case "assignment": {
      const kind = enumParam(body, "type", ["admin", "team"] as const, true)!;
      const assigneeId = idParam(body, "assignee_id", true);
      let ref: Reference;
      if (assigneeId === "0") ref = { type: kind === "admin" ? "nobody_admin" : "team", id: null };
      else if (kind === "admin" && ws.admins.has(assigneeId)) ref = { type: "admin", id: assigneeId };
      else if (kind === "team" && ws.teams.has(assigneeId)) ref = { type: "team", id: assigneeId };
      else throw notFound("Assignee not found", "assignee_not_found");
      if (kind === "admin") conv.admin_assignee_id = ref.id;
      else conv.team_assignee_id = ref.id;
      const reopening = conv.state !== "open" && ref.id !== null;
      if (reopening) {
        conv.state = "open";
        conv.open = true;
        conv.snoozed_until = null;
      }
      addPart(ctx, conv, {
        part_type: reopening ? "assign_and_reopen" : "assignment",
        body: html,
        author,
        assigned_to: ref,
        state: conv.state,
      });
      break;
    }
  }
  return full(ctx, conv);
}

function update(ctx: ApiContext) {
  const conv = findConversation(ctx);
  const body = objectBody(ctx.body);
  const { shape } = ctx;
  onlyKeys(body, [
    "read",
    "title",
    "custom_attributes",
    "company_id",
    "priority",
    ...(shape.updateConversationAdminId ? ["admin_id"] : []),
  ]);
  const read = booleanParam(body, "read");
  const title = stringParam(body, "title", false);
  // Each version takes priority as it shows it: the flag before 2.16, a level from 2.16.
  const priority =
    shape.priority === "level"
      ? enumParam(body, "priority", PRIORITY_LEVELS, false)
      : mapDefined(enumParam(body, "priority", PRIORITY_FLAGS, false), (flag) => levelFromFlag(flag, conv.priority));
  if (body.company_id !== undefined) stringParam(body, "company_id", false);
  const author = actingAdmin(ctx, idParam(body, "admin_id", false));
  const attrs = validateCustomAttributes(ctx, body.custom_attributes);
  if (read !== undefined) conv.read = read;
  if (title !== undefined) conv.title = title;
  if (priority !== undefined && priority !== conv.priority) {
    const previous = conv.priority;
    conv.priority = priority;
    addPart(ctx, conv, {
      part_type: "priority_changed",
      body: null,
      author,
      assigned_to: null,
      state: conv.state,
      event: { kind: "priority", current: priority, previous },
    });
  }
  for (const [name, value] of Object.entries(attrs)) {
    const previous = conv.custom_attributes[name];
    if (previous === value) continue;
    conv.custom_attributes[name] = value;
    addPart(ctx, conv, {
      part_type: "conversation_attribute_updated_by_admin",
      body: null,
      author,
      assigned_to: null,
      state: conv.state,
      event: s.attributeEvent(name, value, previous),
    });
  }
  conv.updated_at = ctx.now();
  return full(ctx, conv);
}

function mapDefined<T, U>(value: T | undefined, f: (v: T) => U): U | undefined {
  return value === undefined ? undefined : f(value);
}

function validateCustomAttributes(ctx: ApiContext, input: unknown): Record<string, string | number | boolean | null> {
  if (input === undefined) return {};
  if (typeof input !== "object" || input === null || Array.isArray(input))
    throw badRequest("custom_attributes must be an object", "parameter_invalid", "custom_attributes");
  const out: Record<string, string | number | boolean | null> = {};
  for (const [name, value] of Object.entries(input as Record<string, unknown>)) {
    const attr = ctx.ws.dataAttributes.find((a) => a.model === "conversation" && a.custom && a.name === name);
    if (!attr) throw badRequest(`Custom attribute '${name}' does not exist`, "parameter_invalid", name);
    const wrong = () =>
      badRequest(
        `Custom attribute '${name}' takes a ${attr.options ? `value from: ${attr.options.join(", ")}` : attr.data_type}`,
        "parameter_invalid",
        name,
      );
    if (value === null) {
      out[name] = null;
      continue;
    }
    switch (attr.data_type) {
      case "string":
        if (typeof value !== "string" || (attr.options && !attr.options.includes(value))) throw wrong();
        break;
      case "integer":
      case "date":
        if (typeof value !== "number" || !Number.isInteger(value)) throw wrong();
        break;
      case "float":
        if (typeof value !== "number" || !Number.isFinite(value)) throw wrong();
        break;
      case "boolean":
        if (typeof value !== "boolean") throw wrong();
        break;
    }
    out[name] = value as string | number | boolean;
  }
  return out;
}

function tag(ctx: ApiContext) {
  const conv = findConversation(ctx, "Conversation not found");
  const body = objectBody(ctx.body);
  onlyKeys(body, ["id", "admin_id"]);
  const tagId = idParam(body, "id", true);
  const author = actingAdmin(ctx, idParam(body, "admin_id", true));
  if (!ctx.ws.tags.has(tagId)) throw notFound("Tag not found", "tag_not_found");
  let applied = conv.tags.find((t) => t.id === tagId);
  if (!applied) {
    applied = { id: tagId, applied_at: ctx.now(), applied_by: { type: "admin", id: author.id } };
    conv.tags.push(applied);
    conv.updated_at = ctx.now();
  }
  return s.appliedTag(ctx.ws, applied);
}

function untag(ctx: ApiContext) {
  const conv = findConversation(ctx, "Conversation not found");
  const body = objectBody(ctx.body);
  onlyKeys(body, ["admin_id"]);
  const author = actingAdmin(ctx, idParam(body, "admin_id", true));
  const tagId = ctx.params.tag_id;
  if (!ctx.ws.tags.has(tagId)) throw notFound("Tag not found", "tag_not_found");
  const applied = conv.tags.find((t) => t.id === tagId);
  if (applied) {
    conv.tags = conv.tags.filter((t) => t.id !== tagId);
    conv.updated_at = ctx.now();
  }
  return {
    ...s.tag(ctx.ws, tagId),
    applied_at: applied?.applied_at ?? null,
    applied_by: { type: "admin", id: author.id },
  };
}

function redact(ctx: ApiContext) {
  const body = objectBody(ctx.body);
  const type = enumParam(body, "type", ["conversation_part", "source"] as const, true)!;
  onlyKeys(
    body,
    type === "source" ? ["type", "conversation_id", "source_id"] : ["type", "conversation_id", "conversation_part_id"],
  );
  const convId = idParam(body, "conversation_id", true);
  const missing = () => notFound("Conversation part or message not found", "conversation_part_or_message_not_found");
  const conv = ctx.ws.conversations.get(convId);
  if (type === "source") {
    const sourceId = idParam(body, "source_id", true);
    if (!conv || conv.source.id !== sourceId) throw missing();
    if (conv.source.author.type !== "user" && conv.source.author.type !== "lead") {
      throw new ApiError(
        400,
        "conversation_part_not_redactable",
        "Only a source message created by a contact can be redacted",
      );
    }
    conv.source.body = REDACTED_BODY;
    conv.source.redacted = true;
  } else {
    const partId = idParam(body, "conversation_part_id", true);
    const part = conv?.parts.find((p) => p.id === partId);
    if (!conv || !part) throw missing();
    if (!part.body)
      throw new ApiError(400, "conversation_part_not_redactable", "This conversation part has no body to redact");
    part.body = REDACTED_BODY;
    part.redacted = true;
    part.updated_at = ctx.now();
  }
  conv.updated_at = ctx.now();
  return full(ctx, conv);
}

function convert(ctx: ApiContext) {
  const conv = findConversation(ctx);
  const body = objectBody(ctx.body);
  onlyKeys(body, ["ticket_type_id", ...(ctx.shape.convertTicketStateId ? ["ticket_state_id"] : []), "attributes"]);
  const ws = ctx.ws;
  const typeId = idParam(body, "ticket_type_id", true);
  const type = ws.ticketTypes.get(typeId);
  if (!type) throw notFound("Ticket type not found", "ticket_type_not_found");
  if (type.category !== "Customer") throw badRequest("Ticket type is not a customer ticket type");
  if (type.archived) throw badRequest("Ticket type is archived", "parameter_invalid", "ticket_type_id");
  if (conv.ticket_id && ws.tickets.has(conv.ticket_id))
    throw badRequest("This conversation has already been converted to a ticket");
  const stateId = idParam(body, "ticket_state_id", false);
  if (stateId !== undefined && !type.state_ids.includes(stateId)) {
    throw badRequest(
      "Ticket state id is not valid or is not associated with the ticket type",
      "ticket_state_id_invalid",
      "ticket_state_id",
    );
  }
  const given = validateTicketAttributes(type, body.attributes);
  const fallbackTitle =
    conv.title || conv.source.subject || htmlToText(conv.source.body).slice(0, 120) || `Conversation ${conv.id}`;
  const attributes = { _default_title_: fallbackTitle, _default_description_: htmlToText(conv.source.body), ...given };
  const missing = missingRequired(type, attributes);
  if (missing.length > 0) throw badRequest(`Missing required ticket attributes: ${missing.join(", ")}`);

  const now = ctx.now();
  const initialState =
    stateId ?? type.state_ids.find((id) => ws.ticketStates.get(id)!.category === "submitted") ?? type.state_ids[0];
  const ticket: TicketRec = {
    id: ws.nextConversationId(),
    ticket_id: ws.nextTicketNumber(),
    ticket_type_id: type.id,
    ticket_state_id: initialState,
    previous_ticket_state_id: null,
    attributes,
    contact_ids: [...conv.contact_ids],
    admin_assignee_id: conv.admin_assignee_id,
    team_assignee_id: conv.team_assignee_id,
    created_at: now,
    updated_at: now,
    open: true,
    snoozed_until: null,
    is_shared: true,
    tags: [],
    parts: [
      {
        id: ws.nextPartId(),
        part_type: "comment",
        body: conv.source.body,
        created_at: conv.created_at,
        updated_at: conv.created_at,
        author: conv.source.author,
        assigned_to: null,
        redacted: conv.source.redacted,
      },
    ],
    linked: [{ type: "conversation", id: conv.id }],
  };
  ws.addTicket(ticket);
  conv.ticket_id = ticket.id;
  conv.linked.push({ type: "ticket", id: ticket.id });
  conv.updated_at = now;
  return s.ticket(ticket, ws, ctx.shape);
}

export const conversationRoutes: Route[] = [
  route("POST", "/conversations/search", (ctx) => {
    const page = runSearch(ctx, "conversations", ctx.ws.orderedConversations());
    return {
      type: "conversation.list",
      conversations: page.items.map((c) => s.conversation(c, ctx.ws, ctx.shape, false)),
      total_count: page.total_count,
      pages: page.pages,
    };
  }),
  route("POST", "/conversations/redact", redact),
  route("GET", "/conversations/{id}", (ctx) => full(ctx, findConversation(ctx))),
  route("PUT", "/conversations/{id}", update),
  route("POST", "/conversations/{id}/reply", reply),
  route("POST", "/conversations/{id}/parts", manage),
  route("POST", "/conversations/{id}/tags", tag),
  route("DELETE", "/conversations/{id}/tags/{tag_id}", untag),
  route("POST", "/conversations/{id}/convert", convert),
];
