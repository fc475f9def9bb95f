import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  tagSchema,
  ticketDeletedSchema,
  ticketListSchema,
  ticketReplySchema,
  ticketSchema,
  type Ticket,
} from "@/lib/intercom/schemas";
import type { RunningSandbox } from "@/lib/sandbox";
import type { TicketCategory, TicketRec } from "@/lib/sandbox/store/types";
import type { Workspace } from "@/lib/sandbox/store/workspace";
import { bootSandbox, client, control, expectError, expectOk, type Api } from "../../support/sandbox";

let sb: RunningSandbox;
let api: Api;
const ws = (): Workspace => sb.sandbox.workspace(sb.workspaces[0].id_code)!;
beforeAll(async () => {
  sb = await bootSandbox();
  api = client(sb.url, sb.workspaces[0].access_token);
});
beforeEach(async () => {
  expect((await control(sb.url)("POST", "/sandbox/reset")).status).toBe(200);
});
afterAll(() => sb.stop());

function ticketOf(category: TicketCategory, extra: (t: TicketRec) => boolean = () => true): TicketRec {
  const w = ws();
  return w
    .orderedTickets()
    .find(
      (t) =>
        w.ticketTypes.get(t.ticket_type_id)!.category === category &&
        !w.ticketTypes.get(t.ticket_type_id)!.archived &&
        extra(t),
    )!;
}
const getTicket = async (id: string): Promise<Ticket> => expectOk(await api("GET", `/tickets/${id}`), ticketSchema);
const put = async (id: string, body: unknown): Promise<Ticket> =>
  expectOk(await api("PUT", `/tickets/${id}`, body), ticketSchema);

describe("GET /tickets/{id}", () => {
  it("answers the ticket with its type, state, parts and links", async () => {
    const rec = ticketOf("Customer", (t) => t.linked.length > 0);
    const t = await getTicket(rec.id);
    expect(t).toMatchObject({
      id: rec.id,
      ticket_id: rec.ticket_id,
      category: "Customer",
      open: rec.open,
      is_shared: rec.is_shared,
    });
    expect(t.ticket_type.id).toBe(rec.ticket_type_id);
    expect(t.ticket_state.id).toBe(rec.ticket_state_id);
    expect(t.ticket_type.ticket_states.map((s) => s.id)).toContain(t.ticket_state.id);
    expect(t.ticket_parts.length).toBe(rec.parts.length);
    expect(t.ticket_attributes._default_title_).toBe(rec.attributes._default_title_);
    expect(t.linked_objects?.data.length).toBe(rec.linked.length);
  });

  it("is 404 ticket_not_found for an unknown id", async () => {
    expectError(await api("GET", "/tickets/123"), 404, "ticket_not_found", "Ticket not found");
  });
});

describe("PUT /tickets/{id}", () => {
  it("changes state: a timeline part, previous_ticket_state_id and a newer updated_at", async () => {
    const rec = ticketOf("Customer");
    const before = await getTicket(rec.id);
    const target = before.ticket_type.ticket_states.find((s) => s.id !== before.ticket_state.id)!;
    const after = await put(rec.id, { ticket_state_id: target.id });
    expect(after.ticket_state.id).toBe(target.id);
    expect(after.previous_ticket_state_id).toBe(before.ticket_state.id);
    expect(after.updated_at).toBeGreaterThan(before.updated_at);
    const part = after.ticket_parts.at(-1)!;
    expect(part).toMatchObject({
      part_type: "ticket_state_updated_by_admin",
      previous_ticket_state: before.ticket_state.category,
      ticket_state: target.category,
    });
    expect((await getTicket(rec.id)).ticket_state.id).toBe(target.id);
  });

  it("setting the current state again is not a state change", async () => {
    const rec = ticketOf("Customer", (t) => t.previous_ticket_state_id !== null);
    const before = await getTicket(rec.id);
    const after = await put(rec.id, { ticket_state_id: before.ticket_state.id });
    expect(after.previous_ticket_state_id).toBe(before.previous_ticket_state_id);
    expect(after.ticket_parts.length).toBe(before.ticket_parts.length);
  });

  it("assigns to an admin, to a team and to nobody, each with an assignment part", async () => {
    const rec = ticketOf("Back-office");
    const w = ws();
    const admin = [...w.admins.values()].find((a) => a.id !== rec.admin_assignee_id)!;
    const team = [...w.teams.values()].find((x) => x.id !== rec.team_assignee_id)!;
    const toAdmin = await put(rec.id, { assignee_id: admin.id, admin_id: w.info.owner_admin_id });
    expect(toAdmin.admin_assignee_id).toBe(admin.id);
    expect(toAdmin.ticket_parts.at(-1)).toMatchObject({
      part_type: "assignment",
      assigned_to: { type: "admin", id: admin.id },
    });
    const toTeam = await put(rec.id, { assignee_id: Number(team.id) });
    expect(toTeam.team_assignee_id).toBe(team.id);
    expect(toTeam.admin_assignee_id).toBe(admin.id);
    expect(toTeam.ticket_parts.at(-1)).toMatchObject({
      part_type: "assignment",
      assigned_to: { type: "team", id: team.id },
    });
    const nobody = await put(rec.id, { assignee_id: "0" });
    expect(nobody.admin_assignee_id).toBeNull();
    expect(nobody.team_assignee_id).toBeNull();
    expect(nobody.ticket_parts.length).toBe(toTeam.ticket_parts.length + 1);
  });

  it("closes, reopens and snoozes with close, open and snoozed parts", async () => {
    const rec = ticketOf("Customer", (t) => t.open && t.snoozed_until === null);
    const closed = await put(rec.id, { open: false });
    expect(closed.open).toBe(false);
    expect(closed.ticket_parts.at(-1)?.part_type).toBe("close");
    const reopened = await put(rec.id, { open: true });
    expect(reopened.open).toBe(true);
    expect(reopened.ticket_parts.at(-1)?.part_type).toBe("open");
    const until = Math.floor(Date.now() / 1000) + 7200;
    const snoozed = await put(rec.id, { snoozed_until: until });
    expect(snoozed.snoozed_until).toBe(until);
    expect(snoozed.ticket_parts.at(-1)?.part_type).toBe("snoozed");
  });

  it("updates attributes by name, list attributes by item id, with a part naming the label", async () => {
    const rec = ticketOf("Customer", (t) => ws().ticketTypes.get(t.ticket_type_id)!.name === "Bug report");
    const severity = ws()
      .ticketTypes.get(rec.ticket_type_id)!
      .attributes.find((a) => a.name === "Severity")!;
    const critical = severity.list_options!.find((o) => o.label === "Critical")!;
    const low = severity.list_options!.find((o) => o.label === "Low")!;
    await put(rec.id, { ticket_attributes: { Severity: low.id } });
    const after = await put(rec.id, {
      ticket_attributes: {
        _default_title_: "Export button broken",
        Severity: critical.id,
        "Affected users": 12,
        Regression: true,
      },
    });
    expect(after.ticket_attributes).toMatchObject({
      _default_title_: "Export button broken",
      Severity: critical.id,
      "Affected users": 12,
      Regression: true,
    });
    const labels = after.ticket_parts
      .filter((p) => p.part_type === "ticket_attribute_updated_by_admin")
      .map((p) => p.updated_attribute_data?.value.label);
    expect(labels).toContain("Critical");
    expect(labels).toContain("Export button broken");
  });

  it("toggles is_shared and bumps updated_at", async () => {
    const rec = ticketOf("Customer");
    const before = await getTicket(rec.id);
    const after = await put(rec.id, { is_shared: !before.is_shared });
    expect(after.is_shared).toBe(!before.is_shared);
    expect(after.updated_at).toBeGreaterThan(before.updated_at);
  });
});

describe("POST /tickets/{id}/reply", () => {
  it("adds an admin note to any ticket and answers the part", async () => {
    const rec = ticketOf("Tracker");
    const before = await getTicket(rec.id);
    const res = await api("POST", `/tickets/${rec.id}/reply`, {
      message_type: "note",
      type: "admin",
      admin_id: Number(ws().info.owner_admin_id),
      body: "Checked with <b>engineering</b>",
    });
    const part = expectOk(res, ticketReplySchema);
    expect(part.part_type).toBe("note");
    const after = await getTicket(rec.id);
    expect(after.ticket_parts.at(-1)?.id).toBe(part.id);
    expect(after.updated_at).toBeGreaterThan(before.updated_at);
  });

  it("takes a customer's comment on a Customer ticket, authored by the contact", async () => {
    const rec = ticketOf("Customer", (t) => t.contact_ids.length > 0);
    const part = expectOk(
      await api("POST", `/tickets/${rec.id}/reply`, {
        message_type: "comment",
        type: "user",
        intercom_user_id: rec.contact_ids[0],
        body: "Thanks again :)",
      }),
      ticketReplySchema,
    );
    expect(part.author).toMatchObject({ id: rec.contact_ids[0], type: "user" });
    expect(part.body).toBe("<p>Thanks again :)</p>");
  });
});

describe("ticket tags", () => {
  it("attaches a tag once, shows it on the ticket, and detaches it", async () => {
    const rec = ticketOf("Customer", (t) => t.tags.length === 0);
    const tag = [...ws().tags.values()][0];
    const admin = ws().info.owner_admin_id;
    const attached = expectOk(await api("POST", `/tickets/${rec.id}/tags`, { id: tag.id, admin_id: admin }), tagSchema);
    expect(attached).toMatchObject({ id: tag.id, name: tag.name });
    expect(attached.applied_at).toBeGreaterThan(0);
    expectOk(await api("POST", `/tickets/${rec.id}/tags`, { id: Number(tag.id), admin_id: Number(admin) }), tagSchema);
    expect((await getTicket(rec.id)).tags?.map((t) => t.id)).toEqual([tag.id]);
    expectOk(await api("DELETE", `/tickets/${rec.id}/tags/${tag.id}`, { admin_id: admin }), tagSchema);
    expect((await getTicket(rec.id)).tags).toEqual([]);
  });
});

describe("DELETE /tickets/{id}", () => {
  it("is permanent: gone from GET, search and its linked conversation", async () => {
    const rec = ticketOf("Customer", (t) => t.linked.some((l) => l.type === "conversation"));
    const convId = rec.linked.find((l) => l.type === "conversation")!.id;
    const deleted = expectOk(await api("DELETE", `/tickets/${rec.id}`), ticketDeletedSchema);
    expect(deleted).toEqual({ id: rec.id, object: "ticket", deleted: true });
    expectError(await api("GET", `/tickets/${rec.id}`), 404, "ticket_not_found");
    expectError(await api("DELETE", `/tickets/${rec.id}`), 404, "ticket_not_found", "Ticket not found");
    const found = expectOk(
      await api("POST", "/tickets/search", { query: { field: "id", operator: "=", value: rec.id } }),
      ticketListSchema,
    );
    expect(found.total_count).toBe(0);
    const conv = (
      await api<{ ticket: unknown; linked_objects: { data: { id: string }[] } }>("GET", `/conversations/${convId}`)
    ).body;
    expect(conv.ticket).toBeNull();
    expect(conv.linked_objects.data.map((d) => d.id)).not.toContain(rec.id);
  });
});

describe("POST /tickets/search", () => {
  it("defaults to 20 a page, embeds each ticket's full type, and caps per_page at 150", async () => {
    const query = { field: "open", operator: "=", value: true };
    const list = expectOk(await api("POST", "/tickets/search", { query }), ticketListSchema);
    expect(list.tickets).toHaveLength(20);
    expect(list.pages?.per_page).toBe(20);
    expect(list.tickets.every((t) => t.ticket_type.ticket_type_attributes.length >= 2)).toBe(true);
    expect(list.total_count).toBe([...ws().tickets.values()].filter((t) => t.open).length);
    expect(
      expectOk(await api("POST", "/tickets/search", { query, pagination: { per_page: 150 } }), ticketListSchema)
        .tickets,
    ).toHaveLength(150);
    expectError(
      await api("POST", "/tickets/search", { query, pagination: { per_page: 151 } }),
      400,
      "parameter_invalid",
    );
    expectError(await api("POST", "/tickets/search", { query, pagination: { per_page: 0 } }), 400, "parameter_invalid");
  });
});
