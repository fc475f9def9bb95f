import { ApiError, badRequest, notFound } from "../errors";
import { route, type ApiContext, type Route } from "../router";
import { segmentMembers } from "../search/engine";
import * as s from "./serialize";
import { booleanParam, enumParam, objectBody, onlyKeys, stringParam } from "./validate";

function flag(ctx: ApiContext, name: string): boolean {
  const v = ctx.query.get(name);
  if (v === null) return false;
  if (v === "true") return true;
  if (v === "false") return false;
  throw badRequest(`${name} must be true or false`, "parameter_invalid", name);
}

export function segmentCount(ctx: ApiContext, segmentId: string): number {
  const seg = ctx.ws.segments.get(segmentId);
  return seg ? segmentMembers(ctx.ws, seg.rule).length : 0;
}

export const catalogRoutes: Route[] = [
  route("GET", "/me", (ctx) => s.me(ctx.ws.admins.get(ctx.auth.adminId)!, ctx.ws)),
  route("GET", "/admins", (ctx) => ({ type: "admin.list", admins: [...ctx.ws.admins.values()].map(s.admin) })),
  route("GET", "/admins/{id}", (ctx) => {
    const a = ctx.ws.admins.get(ctx.params.id);
    if (!a) throw notFound("Admin not found", "admin_not_found");
    return s.admin(a);
  }),
  route("GET", "/teams", (ctx) => ({ type: "team.list", teams: [...ctx.ws.teams.values()].map(s.team) })),
  route("GET", "/teams/{id}", (ctx) => {
    const t = ctx.ws.teams.get(ctx.params.id);
    if (!t) throw notFound("Team not found", "team_not_found");
    return s.team(t);
  }),
  route("GET", "/tags", (ctx) => ({ type: "list", data: [...ctx.ws.tags.keys()].map((id) => s.tag(ctx.ws, id)) })),
  route("GET", "/ticket_types", (ctx) => ({
    type: "list",
    data: [...ctx.ws.ticketTypes.values()].map((t) => s.ticketType(t, ctx.ws)),
  })),
  route("GET", "/ticket_types/{id}", (ctx) => {
    const t = ctx.ws.ticketTypes.get(ctx.params.id);
    if (!t) throw notFound("Ticket type not found", "ticket_type_not_found");
    return s.ticketType(t, ctx.ws);
  }),
  // Intercom's "Update a ticket type": rename, re-describe, re-categorise, archive or restore.
  route("PUT", "/ticket_types/{id}", (ctx) => {
    const t = ctx.ws.ticketTypes.get(ctx.params.id);
    if (!t) throw notFound("Ticket type not found", "ticket_type_not_found");
    const body = objectBody(ctx.body);
    onlyKeys(body, ["name", "description", "category", "icon", "archived", "is_internal"]);
    const name = stringParam(body, "name", false);
    if (name !== undefined && name.trim() === "") throw badRequest("name can't be blank", "parameter_invalid", "name");
    if (name !== undefined && [...ctx.ws.ticketTypes.values()].some((x) => x.id !== t.id && x.name === name.trim())) {
      throw badRequest("A ticket type with this name already exists", "parameter_invalid", "name");
    }
    const description = stringParam(body, "description", false);
    const category = enumParam(body, "category", ["Customer", "Back-office", "Tracker"] as const, false);
    const icon = stringParam(body, "icon", false);
    const archived = booleanParam(body, "archived");
    const internal = booleanParam(body, "is_internal");
    if (name !== undefined) t.name = name.trim();
    if (description !== undefined) t.description = description;
    if (category !== undefined) t.category = category;
    if (icon !== undefined) t.icon = icon;
    if (archived !== undefined) t.archived = archived;
    if (internal !== undefined) t.is_internal = internal;
    t.updated_at = ctx.now();
    s.forgetTicketType(t);
    return s.ticketType(t, ctx.ws);
  }),
  route("GET", "/ticket_states", (ctx) => ({
    type: "list",
    data: [...ctx.ws.ticketStates.values()].map((st) => s.ticketStateDetailed(st, ctx.ws)),
  })),
  route("GET", "/data_attributes", (ctx) => {
    const model = ctx.query.get("model");
    if (model !== null && !["contact", "company", "conversation"].includes(model)) {
      throw badRequest("model must be one of contact, company, conversation", "parameter_invalid", "model");
    }
    flag(ctx, "include_archived");
    // 2.16 moved conversation attributes to GET /conversations/attributes and answers 422 here.
    if (model === "conversation" && !ctx.shape.conversationDataAttributes) {
      throw new ApiError(
        422,
        "parameter_invalid",
        "model=conversation is no longer supported. Use GET /conversations/attributes instead",
        "model",
      );
    }
    const data = ctx.ws.dataAttributes.filter((d) => model === null || d.model === model).map(s.dataAttribute);
    return { type: "list", data };
  }),
  route("GET", "/segments", (ctx) => {
    const withCount = flag(ctx, "include_count");
    const segments = [...ctx.ws.segments.values()].map((seg) =>
      s.segment(seg, withCount ? segmentCount(ctx, seg.id) : undefined),
    );
    return { type: "segment.list", segments, pages: {} };
  }),
  route("GET", "/segments/{id}", (ctx) => {
    const seg = ctx.ws.segments.get(ctx.params.id);
    // Intercom's documented answer for an unknown segment is the generic one.
    if (!seg) throw notFound();
    return s.segment(seg, flag(ctx, "include_count") ? segmentCount(ctx, seg.id) : undefined);
  }),
  route("GET", "/companies", (ctx) => {
    const perPage = Number(ctx.query.get("per_page") ?? 15);
    const page = Number(ctx.query.get("page") ?? 1);
    if (!Number.isInteger(perPage) || perPage < 1 || perPage > 60)
      throw badRequest("per_page must be between 1 and 60", "parameter_invalid", "per_page");
    if (!Number.isInteger(page) || page < 1)
      throw badRequest("page must be a positive integer", "parameter_invalid", "page");
    const all = [...ctx.ws.companies.values()];
    const data = all.slice((page - 1) * perPage, page * perPage).map((c) => s.company(c, ctx.ws, userCount(ctx, c.id)));
    return {
      type: "list",
      data,
      pages: { type: "pages", page, per_page: perPage, total_pages: Math.ceil(all.length / perPage) },
      total_count: all.length,
    };
  }),
  route("GET", "/companies/{id}", (ctx) => {
    const c = ctx.ws.companies.get(ctx.params.id);
    if (!c) throw notFound("Company Not Found", "company_not_found");
    return s.company(c, ctx.ws, userCount(ctx, c.id));
  }),
];

/** Contacts in a company: the same figure wherever a company is shown. */
export function userCount(ctx: ApiContext, companyId: string): number {
  let n = 0;
  for (const c of ctx.ws.contacts.values()) if (c.company_ids.includes(companyId)) n++;
  return n;
}
