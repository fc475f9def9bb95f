import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadCatalog } from "@/lib/catalog/server";
import { IntercomClient } from "@/lib/intercom/client";
import { contactListSchema, conversationListSchema, ticketListSchema } from "@/lib/intercom/schemas";
import type { RunningSandbox } from "@/lib/sandbox";
import { contactLookup, contactsById, countMatches, searchRows } from "@/lib/records/search";
import { bootSandbox } from "../../support/sandbox";

let sb: RunningSandbox;
let client: IntercomClient;
let ws: string;

beforeAll(async () => {
  sb = await bootSandbox();
  ws = sb.workspaces[0].id_code;
  client = new IntercomClient({
    baseUrl: sb.url,
    token: sb.workspaces[0].access_token,
    version: "2.14",
    timeoutMs: 10_000,
    actingAdminId: null,
  });
});
afterAll(() => sb.stop());

const OPEN = { field: "open", operator: "=", value: true } as const;

describe("search rows", () => {
  it("projects a page of tickets in Intercom's order, with contact names joined", async () => {
    const page = await searchRows(client, ws, "tickets", OPEN, 50, null);
    const truth = await client.request("POST", "/tickets/search", ticketListSchema, {
      body: { query: OPEN, pagination: { per_page: 50 } },
    });
    expect(page.total).toBe(truth.total_count);
    expect(page.rows.map((r) => r.id)).toEqual(truth.tickets.map((t) => t.id));
    expect(page.next).toBe(truth.pages?.next?.starting_after);
    const withContact = page.rows.find((r) => r.contacts.length > 0)!;
    const contact = sb.sandbox.workspace(ws)!.contacts.get(withContact.contacts[0].id)!;
    expect(withContact.contacts[0]).toEqual({ id: contact.id, name: contact.name, email: contact.email });
    const first = truth.tickets[0];
    expect(page.rows[0]).toMatchObject({
      ticketNumber: first.ticket_id,
      title: first.ticket_attributes._default_title_,
      type: { id: first.ticket_type.id, name: first.ticket_type.name },
      state: {
        id: first.ticket_state.id,
        category: first.ticket_state.category,
        label: first.ticket_state.internal_label,
      },
      adminAssigneeId: first.admin_assignee_id,
    });
    // The projection is a small fraction of Intercom's answer.
    expect(JSON.stringify(page).length).toBeLessThan(JSON.stringify(truth).length / 5);
  });

  it("follows cursors, and projects conversations and contacts", async () => {
    const one = await searchRows(client, ws, "conversations", OPEN, 20, null);
    const two = await searchRows(client, ws, "conversations", OPEN, 20, one.next);
    const truth = await client.request("POST", "/conversations/search", conversationListSchema, {
      body: { query: OPEN, pagination: { per_page: 40 } },
    });
    expect([...one.rows, ...two.rows].map((r) => r.id)).toEqual(truth.conversations.map((c) => c.id));
    expect(one.rows[0].subject.length).toBeGreaterThan(0);

    const users = { field: "role", operator: "=", value: "user" } as const;
    const contacts = await searchRows(client, ws, "contacts", users, 50, null);
    const raw = await client.request("POST", "/contacts/search", contactListSchema, {
      body: { query: users, pagination: { per_page: 50 } },
    });
    expect(contacts.rows.map((r) => r.id)).toEqual(raw.data.map((c) => c.id));
    const withCompany = contacts.rows.find((r) => r.companies.length > 0)!;
    const company = sb.sandbox.workspace(ws)!.companies.get(withCompany.companies[0].id)!;
    expect(withCompany.companies[0].name).toBe(company.name);
  });

  it("counts matches, and relays Intercom's refusal as an error", async () => {
    const truth = await client.request("POST", "/tickets/search", ticketListSchema, {
      body: { query: OPEN, pagination: { per_page: 1 } },
    });
    expect(await countMatches(client, "tickets", OPEN)).toBe(truth.total_count);
    await expect(
      searchRows(client, ws, "tickets", { field: "created_at", operator: "=", value: "foobar" }, 20, null),
    ).rejects.toMatchObject({
      status: 400,
      code: "parameter_invalid",
    });
  });

  it("looks contacts up by text and by id", async () => {
    const some = [...sb.sandbox.workspace(ws)!.contacts.values()].slice(0, 3);
    const found = await contactLookup(client, some[0].name.split(" ")[0]);
    expect(found.some((c) => c.id === some[0].id)).toBe(true);
    expect(await contactLookup(client, "x")).toEqual([]);
    const byId = await contactsById(
      client,
      some.map((c) => c.id),
    );
    expect([...byId.keys()].sort()).toEqual(some.map((c) => c.id).sort());
  });

  it("builds the workspace catalogue once a minute", async () => {
    const a = await loadCatalog(client, ws);
    const b = await loadCatalog(client, ws);
    expect(b).toBe(a);
    expect(a.admins.length).toBeGreaterThanOrEqual(8);
    expect(a.ticketTypes.length).toBeGreaterThanOrEqual(6);
    expect(a.companies.length).toBe(sb.sandbox.workspace(ws)!.companies.size);
    expect(a.dataAttributes.some((d) => d.model === "conversation" && d.custom)).toBe(true);
  });
});
