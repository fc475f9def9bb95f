/**
 * Whole result sets, page by page through `pages.next.starting_after`, against the seeded
 * records filtered by hand-written predicates; and listings that stay right while records
 * are edited between page fetches.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { RunningSandbox } from "@/lib/sandbox";
import type { ContactRec, ConversationRec, TicketRec } from "@/lib/sandbox/store/types";
import type { Workspace } from "@/lib/sandbox/store/workspace";
import {
  bootSandbox,
  bySearchOrder,
  client,
  control,
  searchAll,
  searchPage,
  type Api,
  type SearchResource,
} from "../../support/sandbox";

let sb: RunningSandbox;
let api: Api;
const ws = (): Workspace => sb.sandbox.workspace(sb.workspaces[0].id_code)!;
beforeAll(async () => {
  sb = await bootSandbox();
  api = client(sb.url, sb.workspaces[0].access_token);
});
beforeEach(async () => {
  const ctl = control(sb.url);
  expect((await ctl("POST", "/sandbox/reset")).status).toBe(200);
  expect((await ctl("POST", "/sandbox/faults", { rate_limit_per_window: 1_000_000 })).status).toBe(200);
});
afterAll(() => sb.stop());

const f = (field: string, operator: string, value: unknown) => ({ field, operator, value });
const stateCat = (t: TicketRec) => ws().ticketStates.get(t.ticket_state_id)!.category;
const category = (t: TicketRec) => ws().ticketTypes.get(t.ticket_type_id)!.category;

interface PagingCase {
  name: string;
  resource: SearchResource;
  query: () => unknown;
  keep: (r: never) => boolean;
}

const CASES: PagingCase[] = [
  { name: "all tickets", resource: "tickets", query: () => f("created_at", ">", 0), keep: () => true },
  {
    name: "open Customer tickets",
    resource: "tickets",
    query: () => ({ operator: "AND", value: [f("open", "=", true), f("category", "=", "request")] }),
    keep: (t: TicketRec) => t.open && category(t) === "Customer",
  },
  {
    name: "tickets in progress or waiting, or one admin's",
    resource: "tickets",
    query: () => ({
      operator: "OR",
      value: [
        f("state", "IN", ["in_progress", "waiting_on_customer"]),
        f("admin_assignee_id", "=", [...ws().admins.keys()][3]),
      ],
    }),
    keep: (t: TicketRec) =>
      ["in_progress", "waiting_on_customer"].includes(stateCat(t)) ||
      t.admin_assignee_id === [...ws().admins.keys()][3],
  },
  {
    name: "snoozed conversations",
    resource: "conversations",
    query: () => f("state", "=", "snoozed"),
    keep: (c: ConversationRec) => c.state === "snoozed",
  },
  {
    name: "open priority conversations",
    resource: "conversations",
    query: () => ({ operator: "AND", value: [f("priority", "=", "priority"), f("open", "=", true)] }),
    keep: (c: ConversationRec) => c.priority !== "none" && c.open,
  },
  {
    name: "conversations with a tag or a team",
    resource: "conversations",
    query: () => ({
      operator: "OR",
      value: [f("tag_ids", "=", [...ws().tags.keys()][1]), f("team_assignee_id", "=", [...ws().teams.keys()][2])],
    }),
    keep: (c: ConversationRec) =>
      c.tags.some((t) => t.id === [...ws().tags.keys()][1]) || c.team_assignee_id === [...ws().teams.keys()][2],
  },
  {
    name: "leads",
    resource: "contacts",
    query: () => f("role", "=", "lead"),
    keep: (c: ContactRec) => c.role === "lead",
  },
  {
    name: "users on big plans",
    resource: "contacts",
    query: () => f("custom_attributes.plan", "IN", ["Business", "Enterprise"]),
    keep: (c: ContactRec) => ["Business", "Enterprise"].includes(c.custom_attributes.plan as string),
  },
  { name: "all contacts", resource: "contacts", query: () => f("created_at", ">", 0), keep: () => true },
];

function recordsOf(resource: SearchResource): (TicketRec | ConversationRec | ContactRec)[] {
  const w = ws();
  return resource === "tickets"
    ? [...w.tickets.values()]
    : resource === "conversations"
      ? [...w.conversations.values()]
      : [...w.contacts.values()];
}

describe.each(CASES)("$name", ({ resource, query, keep }) => {
  it.each([7, 20, 150])("per_page %i: every match once, in order, with an exact total", async (perPage) => {
    const expected = recordsOf(resource)
      .filter(keep as (r: unknown) => boolean)
      .sort(bySearchOrder)
      .map((r) => r.id);
    expect(expected.length).toBeGreaterThan(perPage === 150 ? 20 : perPage);
    const got = await searchAll(api, resource, query(), perPage);
    expect(got.ids).toEqual(expected);
    expect(new Set(got.ids).size).toBe(got.ids.length);
    expect(got.totals.every((t) => t === expected.length)).toBe(true);
    expect(got.pageSizes.length).toBe(Math.ceil(expected.length / perPage));
    expect(got.pageSizes.slice(0, -1).every((n) => n === perPage)).toBe(true);
  });
});

describe("paging details", () => {
  it.each([
    ["tickets", 20],
    ["conversations", 20],
    ["contacts", 50],
  ] as const)("%s pages default to %i", async (resource, size) => {
    const query = f("created_at", ">", 0);
    const page = await searchPage(api, resource, query);
    expect(page.items).toHaveLength(size);
    expect(page.page).toBe(1);
    const second = await searchPage(api, resource, query, { starting_after: page.next });
    expect(second.items).toHaveLength(size);
    expect(second.page).toBe(2);
  });

  it("the same query twice gives the same order", async () => {
    const a = await searchAll(api, "conversations", f("open", "=", true), 150);
    const b = await searchAll(api, "conversations", f("open", "=", true), 150);
    expect(a.ids).toEqual(b.ids);
  });

  it("the last page has no next cursor; an empty result has no page", async () => {
    const all = await searchPage(
      api,
      "tickets",
      f(
        "id",
        "IN",
        ws()
          .orderedTickets()
          .slice(0, 3)
          .map((t) => t.id),
      ),
      { per_page: 3 },
    );
    expect(all.items).toHaveLength(3);
    expect(all.next).toBeNull();
    const none = await searchPage(api, "tickets", f("id", "=", "0"));
    expect(none).toMatchObject({ items: [], total_count: 0, next: null });
  });
});

describe("edits between page fetches neither skip nor repeat", () => {
  it("tickets: updating one on page 1 and one on page 3 mid-listing", async () => {
    const query = f("open", "=", true);
    const expected = ws()
      .orderedTickets()
      .filter((t) => t.open)
      .map((t) => t.id);
    const got = await searchAll(api, "tickets", query, 20, async (i, pageIds) => {
      if (i === 0) {
        expect(
          (await api("PUT", `/tickets/${pageIds[5]}`, { ticket_attributes: { _default_title_: "Edited mid-listing" } }))
            .status,
        ).toBe(200);
        expect(
          (await api("PUT", `/tickets/${expected[65]}`, { is_shared: true, assignee_id: [...ws().admins.keys()][2] }))
            .status,
        ).toBe(200);
      }
    });
    expect(got.ids).toEqual(expected);
  });

  it("tickets: closing one further down drops just that one; deleting one already seen shifts nothing", async () => {
    const query = f("open", "=", true);
    const expected = ws()
      .orderedTickets()
      .filter((t) => t.open)
      .map((t) => t.id);
    const closed = expected[70];
    const got = await searchAll(api, "tickets", query, 20, async (i, pageIds) => {
      if (i === 1) {
        expect((await api("PUT", `/tickets/${closed}`, { open: false })).status).toBe(200);
        expect((await api("DELETE", `/tickets/${pageIds[19]}`)).status).toBe(200);
        expect((await api("DELETE", `/tickets/${pageIds[0]}`)).status).toBe(200);
      }
    });
    expect(got.ids).toEqual(expected.filter((id) => id !== closed));
  });

  it("tickets: a ticket created mid-listing (a conversion) lands on top, not in the middle", async () => {
    const expected = ws()
      .orderedTickets()
      .map((t) => t.id);
    const conv = ws()
      .orderedConversations()
      .find((c) => c.ticket_id === null)!;
    const billing = [...ws().ticketTypes.values()].find((t) => t.name === "Billing question")!;
    const got = await searchAll(api, "tickets", f("created_at", ">", 0), 150, async (i) => {
      if (i === 0)
        expect(
          (
            await api("POST", `/conversations/${conv.id}/convert`, {
              ticket_type_id: billing.id,
              attributes: { "Invoice number": "INV-1" },
            })
          ).status,
        ).toBe(200);
    });
    expect(got.ids).toEqual(expected);
    expect((await searchPage(api, "tickets", f("created_at", ">", 0))).total_count).toBe(expected.length + 1);
  });

  it("conversations: replies, closes and tags on pages 1 and 3 mid-listing", async () => {
    const query = f("priority", "=", "priority");
    const expected = ws()
      .orderedConversations()
      .filter((c) => c.priority !== "none")
      .map((c) => c.id);
    const admin = ws().info.owner_admin_id;
    const got = await searchAll(api, "conversations", query, 7, async (i, pageIds) => {
      if (i === 0 || i === 2) {
        expect(
          (
            await api("POST", `/conversations/${pageIds[3]}/reply`, {
              message_type: "comment",
              type: "admin",
              admin_id: admin,
              body: "hi",
            })
          ).status,
        ).toBe(200);
        expect(
          (
            await api("POST", `/conversations/${pageIds[6]}/parts`, {
              message_type: "close",
              type: "admin",
              admin_id: admin,
            })
          ).status,
        ).toBe(200);
        expect(
          (await api("POST", `/conversations/${expected[40]}/tags`, { id: [...ws().tags.keys()][0], admin_id: admin }))
            .status,
        ).toBe(200);
      }
    });
    expect(got.ids).toEqual(expected);
  });
});
