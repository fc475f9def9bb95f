import { notFound } from "../errors";
import { route, type ApiContext, type Route } from "../router";
import { compileQuery } from "../search/engine";
import type { ContactRec } from "../store/types";
import { userCount } from "./catalog";
import { runSearch } from "./search";
import * as s from "./serialize";

function findContact(ctx: ApiContext): ContactRec {
  const c = ctx.ws.contacts.get(ctx.params.id);
  if (!c) throw notFound("User Not Found");
  return c;
}

export const contactRoutes: Route[] = [
  route("POST", "/contacts/search", (ctx) => {
    const page = runSearch(ctx, "contacts", ctx.ws.orderedContacts());
    return {
      type: "list",
      data: page.items.map((c) => s.contact(c, ctx.ws, ctx.shape)),
      total_count: page.total_count,
      pages: page.pages,
    };
  }),
  route("GET", "/contacts/{id}", (ctx) => s.contact(findContact(ctx), ctx.ws, ctx.shape)),
  route("GET", "/contacts/{id}/segments", (ctx) => {
    const c = findContact(ctx);
    const data = [...ctx.ws.segments.values()]
      .filter((seg) => compileQuery("contacts", seg.rule, ctx.ws)(c))
      .map((seg) => s.segment(seg));
    return { type: "list", data };
  }),
  route("GET", "/contacts/{id}/companies", (ctx) => {
    const c = findContact(ctx);
    const data = c.company_ids
      .map((id) => ctx.ws.companies.get(id))
      .filter((x) => x !== undefined)
      .map((co) => s.company(co, ctx.ws, userCount(ctx, co.id)));
    return {
      type: "list",
      data,
      pages: { type: "pages", next: null, page: 1, per_page: 50, total_pages: 1 },
      total_count: data.length,
    };
  }),
  route("GET", "/contacts/{id}/tags", (ctx) => {
    const c = findContact(ctx);
    return { type: "list", data: c.tag_ids.map((id) => s.tag(ctx.ws, id)) };
  }),
];
