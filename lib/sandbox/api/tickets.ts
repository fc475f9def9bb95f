import { ApiError, badRequest, missingParameter, notFound } from "../errors";
import { route, type ApiContext, type Route } from "../router";
import type { Author, TicketPartRec, TicketRec } from "../store/types";
import { runSearch } from "./search";
import * as s from "./serialize";
import { carryOverAttributes, validateTicketAttributes, valueLabel, type AttrValue } from "./ticket-attributes";
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

function findTicket(ctx: ApiContext, code = "ticket_not_found", message = "Ticket not found"): TicketRec {
  const t = ctx.ws.tickets.get(ctx.params.id);
  if (!t) throw notFound(message, code);
  return t;
}

/** The admin acting: `admin_id` when given (it must exist), else the token's admin. */
export function actingAdmin(
  ctx: ApiContext,
  adminId: string | undefined,
  code = "admin_not_found",
  message = "Admin not found",
): Author {
  const id = adminId ?? ctx.auth.adminId;
  const admin = ctx.ws.admins.get(id);
  if (!admin) throw notFound(message, code);
  return { type: "admin", id: admin.id, name: admin.name, email: admin.email };
}

function addPart(
  ctx: ApiContext,
  ticket: TicketRec,
  part: Omit<TicketPartRec, "id" | "created_at" | "updated_at" | "redacted">,
): TicketPartRec {
  const now = ctx.now();
  const rec: TicketPartRec = { ...part, id: ctx.ws.nextPartId(), created_at: now, updated_at: now, redacted: false };
  ticket.parts.push(rec);
  ticket.updated_at = now;
  return rec;
}

function updateTicket(ctx: ApiContext) {
  const ticket = findTicket(ctx);
  const body = objectBody(ctx.body);
  onlyKeys(body, [
    "ticket_attributes",
    "ticket_state_id",
    "company_id",
    "open",
    "is_shared",
    "snoozed_until",
    "admin_id",
    "assignee_id",
    "skip_notifications",
  ]);
  const ws = ctx.ws;
  const type = ws.ticketTypes.get(ticket.ticket_type_id)!;

  // Validate everything first, so a refused request changes nothing.
  const author = actingAdmin(ctx, idParam(body, "admin_id", false), "assignee_not_found", "Assignee not found");
  const stateId = idParam(body, "ticket_state_id", false);
  if (stateId !== undefined && !type.state_ids.includes(stateId)) {
    throw badRequest(
      "Ticket state id is not valid or is not associated with the ticket type",
      "ticket_state_id_invalid",
      "ticket_state_id",
    );
  }
  const assigneeId = idParam(body, "assignee_id", false);
  let assignee: { type: "admin" | "team"; id: string } | "nobody" | undefined;
  if (assigneeId !== undefined) {
    if (assigneeId === "0") assignee = "nobody";
    else if (ws.admins.has(assigneeId)) assignee = { type: "admin", id: assigneeId };
    else if (ws.teams.has(assigneeId)) assignee = { type: "team", id: assigneeId };
    else throw notFound("Assignee not found", "assignee_not_found");
  }
  const attributes = validateTicketAttributes(type, body.ticket_attributes);
  const required = type.attributes
    .filter((a) => a.required_to_create && attributes[a.name] === null)
    .map((a) => a.name);
  if (required.length > 0) throw badRequest(`Required ticket attributes cannot be cleared: ${required.join(", ")}`);
  const open = booleanParam(body, "open");
  const isShared = booleanParam(body, "is_shared");
  booleanParam(body, "skip_notifications");
  if (body.company_id !== undefined) stringParam(body, "company_id", false);
  const snoozedUntil = timestampParam(body, "snoozed_until", false);
  if (snoozedUntil !== undefined && snoozedUntil <= ctx.now())
    throw badRequest("snoozed_until must be in the future", "parameter_invalid", "snoozed_until");
  if (snoozedUntil !== undefined && open === false)
    throw badRequest("A closed ticket cannot be snoozed", "parameter_invalid", "snoozed_until");

  // Apply, adding the parts Intercom would show in the timeline.
  for (const [name, value] of Object.entries(attributes)) {
    if (ticket.attributes[name] === value) continue;
    const attr = type.attributes.find((a) => a.name === name)!;
    ticket.attributes[name] = value;
    addPart(ctx, ticket, {
      part_type: "ticket_attribute_updated_by_admin",
      body: null,
      author,
      assigned_to: null,
      updated_attribute_data: {
        attribute: { type: "attribute", id: attr.id, label: attr.name },
        value: {
          type: "value",
          id: attr.data_type === "list" ? (value as string | null) : null,
          label: valueLabel(attr, value as AttrValue),
        },
      },
    });
  }
  // The current state again is no state change: previous_ticket_state_id keeps the last real one.
  if (stateId !== undefined && stateId !== ticket.ticket_state_id) {
    const from = ws.ticketStates.get(ticket.ticket_state_id)!;
    const to = ws.ticketStates.get(stateId)!;
    ticket.previous_ticket_state_id = ticket.ticket_state_id;
    ticket.ticket_state_id = stateId;
    addPart(ctx, ticket, {
      part_type: "ticket_state_updated_by_admin",
      body: null,
      author,
      assigned_to: null,
      previous_ticket_state: from.category,
      ticket_state: to.category,
    });
  }
  if (assignee !== undefined) {
    if (assignee === "nobody") {
      ticket.admin_assignee_id = null;
      ticket.team_assignee_id = null;
      addPart(ctx, ticket, {
        part_type: "assignment",
        body: null,
        author,
        assigned_to: { type: "nobody_admin", id: null },
      });
    } else {
      if (assignee.type === "admin") ticket.admin_assignee_id = assignee.id;
      else ticket.team_assignee_id = assignee.id;
      addPart(ctx, ticket, { part_type: "assignment", body: null, author, assigned_to: assignee });
    }
  }
  if (isShared !== undefined && isShared !== ticket.is_shared) {
    ticket.is_shared = isShared;
    ticket.updated_at = ctx.now();
  }
  if (open === false && ticket.open) {
    ticket.open = false;
    ticket.snoozed_until = null;
    addPart(ctx, ticket, { part_type: "close", body: null, author, assigned_to: null });
  } else if (open === true && (!ticket.open || ticket.snoozed_until !== null) && snoozedUntil === undefined) {
    ticket.open = true;
    ticket.snoozed_until = null;
    addPart(ctx, ticket, { part_type: "open", body: null, author, assigned_to: null });
  }
  if (snoozedUntil !== undefined) {
    ticket.open = true;
    ticket.snoozed_until = snoozedUntil;
    addPart(ctx, ticket, { part_type: "snoozed", body: null, author, assigned_to: null });
  }
  return s.ticket(ticket, ws, ctx.shape);
}

function replyTicket(ctx: ApiContext) {
  const ticket = findTicket(ctx, "not_found", "Resource Not Found");
  const body = objectBody(ctx.body);
  onlyKeys(body, [
    "message_type",
    "type",
    "admin_id",
    "body",
    "created_at",
    "reply_options",
    "attachment_urls",
    "cross_post",
    "skip_notifications",
    "intercom_user_id",
    "user_id",
    "email",
  ]);
  const ws = ctx.ws;
  const category = ws.ticketTypes.get(ticket.ticket_type_id)!.category;
  const messageType = enumParam(body, "message_type", ["comment", "note", "quick_reply"] as const, true)!;
  const authorType = enumParam(body, "type", ["admin", "user"] as const, true)!;
  if (messageType === "quick_reply")
    throw badRequest(
      "Quick replies are not supported on tickets by this workspace",
      "parameter_invalid",
      "message_type",
    );
  const text = stringParam(body, "body", true)!;
  if (text.trim() === "") throw badRequest("body must not be empty", "parameter_invalid", "body");
  let author: Author;
  if (authorType === "user") {
    if (category !== "Customer")
      throw new ApiError(400, "parameter_mismatch", "User replies are not allowed on Backoffice tickets");
    if (messageType !== "comment")
      throw badRequest("Users can only reply with a comment", "parameter_invalid", "message_type");
    const contactId = idParam(body, "intercom_user_id", false);
    const email = stringParam(body, "email", false);
    const contact = contactId ? ws.contacts.get(contactId) : [...ws.contacts.values()].find((c) => c.email === email);
    if (!contact) throw notFound("User Not Found");
    author = { type: contact.role, id: contact.id, name: contact.name, email: contact.email };
  } else {
    if (body.admin_id === undefined) throw missingParameter("admin_id");
    author = actingAdmin(ctx, idParam(body, "admin_id", true));
    if (messageType === "comment" && category !== "Customer") {
      throw new ApiError(
        400,
        "parameter_mismatch",
        "Replies to customers are not allowed on Back-office or Tracker tickets; add a note instead",
      );
    }
  }
  booleanParam(body, "cross_post");
  booleanParam(body, "skip_notifications");
  const part = addPart(ctx, ticket, { part_type: messageType, body: asHtmlBody(text), author, assigned_to: null });
  return {
    type: "ticket_part",
    id: part.id,
    part_type: part.part_type,
    body: part.body,
    created_at: part.created_at,
    updated_at: part.updated_at,
    author: part.author,
    attachments: [],
    redacted: false,
  };
}

function tagTicket(ctx: ApiContext) {
  const ticket = findTicket(ctx);
  const body = objectBody(ctx.body);
  onlyKeys(body, ["id", "admin_id"]);
  const tagId = idParam(body, "id", true);
  const author = actingAdmin(ctx, idParam(body, "admin_id", true));
  if (!ctx.ws.tags.has(tagId)) throw notFound("Tag not found", "tag_not_found");
  let applied = ticket.tags.find((t) => t.id === tagId);
  if (!applied) {
    applied = { id: tagId, applied_at: ctx.now(), applied_by: { type: "admin", id: author.id } };
    ticket.tags.push(applied);
    ticket.updated_at = ctx.now();
  }
  return s.appliedTag(ctx.ws, applied);
}

function untagTicket(ctx: ApiContext) {
  const ticket = findTicket(ctx);
  const body = objectBody(ctx.body);
  onlyKeys(body, ["admin_id"]);
  const author = actingAdmin(ctx, idParam(body, "admin_id", true));
  const tagId = ctx.params.tag_id;
  if (!ctx.ws.tags.has(tagId)) throw notFound("Tag not found", "tag_not_found");
  const applied = ticket.tags.find((t) => t.id === tagId);
  if (applied) {
    ticket.tags = ticket.tags.filter((t) => t.id !== tagId);
    ticket.updated_at = ctx.now();
  }
  return {
    ...s.tag(ctx.ws, tagId),
    applied_at: applied?.applied_at ?? null,
    applied_by: { type: "admin", id: author.id },
  };
}

function deleteTicket(ctx: ApiContext) {
  const ticket = findTicket(ctx);
  const ws = ctx.ws;
  for (const link of ticket.linked) {
    if (link.type === "conversation") {
      const conv = ws.conversations.get(link.id);
      if (conv) {
        conv.linked = conv.linked.filter((l) => !(l.type === "ticket" && l.id === ticket.id));
        if (conv.ticket_id === ticket.id) conv.ticket_id = null;
      }
    } else {
      const other = ws.tickets.get(link.id);
      if (other) other.linked = other.linked.filter((l) => !(l.type === "ticket" && l.id === ticket.id));
    }
  }
  ws.deleteTicket(ticket.id);
  return { id: ticket.id, object: "ticket", deleted: true };
}

function changeType(ctx: ApiContext) {
  const ticket = findTicket(ctx, "not_found", "Resource Not Found");
  const body = objectBody(ctx.body);
  onlyKeys(body, ["ticket_type_id", "ticket_state_id", "ticket_attributes"]);
  const ws = ctx.ws;
  const typeId = idParam(body, "ticket_type_id", true);
  const stateId = idParam(body, "ticket_state_id", true);
  const from = ws.ticketTypes.get(ticket.ticket_type_id)!;
  const to = ws.ticketTypes.get(typeId);
  if (!to) throw notFound("Ticket type not found", "ticket_type_not_found");
  if (to.id === from.id) throw badRequest("Cannot change to the same ticket type");
  if (to.category !== from.category) {
    throw badRequest(
      `The new ticket type must be in the same category as the current one (${from.category}, not ${to.category})`,
      "parameter_invalid",
      "ticket_type_id",
    );
  }
  if (to.archived) throw badRequest("Cannot change to an archived ticket type", "parameter_invalid", "ticket_type_id");
  if (!to.state_ids.includes(stateId))
    throw badRequest(
      "Ticket custom state doesn't belong to the new ticket type",
      "parameter_invalid",
      "ticket_state_id",
    );
  const overrides = validateTicketAttributes(to, body.ticket_attributes);
  const author = actingAdmin(ctx, undefined);

  const carried = carryOverAttributes(ticket, from, to);
  const fromState = ws.ticketStates.get(ticket.ticket_state_id)!;
  const toState = ws.ticketStates.get(stateId)!;
  ticket.attributes = { ...carried, ...overrides };
  ticket.ticket_type_id = to.id;
  ticket.previous_ticket_state_id = ticket.ticket_state_id;
  ticket.ticket_state_id = stateId;
  addPart(ctx, ticket, {
    part_type: "ticket_type_updated_by_admin",
    body: null,
    author,
    assigned_to: null,
    updated_attribute_data: {
      attribute: { type: "attribute", id: "ticket_type", label: "Ticket type" },
      value: { type: "value", id: to.id, label: `${from.name} → ${to.name}` },
    },
  });
  addPart(ctx, ticket, {
    part_type: "ticket_state_updated_by_admin",
    body: null,
    author,
    assigned_to: null,
    previous_ticket_state: fromState.category,
    ticket_state: toState.category,
  });
  return s.ticket(ticket, ws, ctx.shape);
}

export const ticketRoutes: Route[] = [
  route("POST", "/tickets/search", (ctx) => {
    const page = runSearch(ctx, "tickets", ctx.ws.orderedTickets());
    return {
      type: "ticket.list",
      tickets: page.items.map((t) => s.ticket(t, ctx.ws, ctx.shape)),
      total_count: page.total_count,
      pages: page.pages,
    };
  }),
  route("GET", "/tickets/{id}", (ctx) => s.ticket(findTicket(ctx), ctx.ws, ctx.shape)),
  route("PUT", "/tickets/{id}", updateTicket),
  route("DELETE", "/tickets/{id}", deleteTicket),
  route("POST", "/tickets/{id}/reply", replyTicket),
  route("POST", "/tickets/{id}/tags", tagTicket),
  route("DELETE", "/tickets/{id}/tags/{tag_id}", untagTicket),
  route("POST", "/tickets/{id}/change_type", changeType, "2.16"),
];
