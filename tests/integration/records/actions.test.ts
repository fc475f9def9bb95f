/**
 * Actions on tickets and conversations, as the route handlers run them, against the sandbox
 * over HTTP: each is checked by reading the record back, and each refusal leaves it unchanged.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadCatalog } from "@/lib/catalog/server";
import type { WorkspaceCatalog } from "@/lib/catalog/types";
import { HttpError } from "@/lib/http/errors";
import { IntercomClient } from "@/lib/intercom/client";
import { IntercomError } from "@/lib/intercom/errors";
import { conversationSchema, ticketSchema, type Conversation, type Ticket } from "@/lib/intercom/schemas";
import { loadConversationDetail, loadTicketDetail } from "@/lib/records/detail";
import type { RunningSandbox } from "@/lib/sandbox";
import type { Workspace } from "@/lib/sandbox/store/workspace";
import { runConversationAction, runTicketAction } from "./run";
import { bootSandbox } from "../../support/sandbox";

let sb: RunningSandbox;
let client: IntercomClient;
let catalog: WorkspaceCatalog;
let store: Workspace;
let adminId: string;

beforeAll(async () => {
  sb = await bootSandbox();
  const ws = sb.workspaces[0];
  store = sb.sandbox.workspace(ws.id_code)!;
  // The personal token's admin: every write is made as this one.
  adminId = store.info.owner_admin_id;
  client = new IntercomClient({
    baseUrl: sb.url,
    token: ws.access_token,
    version: "2.14",
    timeoutMs: 10_000,
    actingAdminId: adminId,
  });
  catalog = await loadCatalog(client, ws.id_code);
});
afterAll(() => sb.stop());

const getTicket = (id: string): Promise<Ticket> => client.request("GET", `/tickets/${id}`, ticketSchema);
const getConversation = (id: string): Promise<Conversation> =>
  client.request("GET", `/conversations/${id}`, conversationSchema);

/** A ticket of a category nobody else in this file touches, taken in order. */
const used = new Set<string>();
function ticketOf(category: "Customer" | "Back-office" | "Tracker", open = true): string {
  const found = [...store.tickets.values()].find(
    (t) => !used.has(t.id) && t.open === open && store.ticketTypes.get(t.ticket_type_id)!.category === category,
  );
  if (!found) throw new Error(`no ${category} ticket left`);
  used.add(found.id);
  return found.id;
}
function conversation(state: "open" | "closed" | "snoozed"): string {
  const found = [...store.conversations.values()].find(
    (c) => !used.has(c.id) && c.state === state && (c.parts?.length ?? 0) > 2 && c.parts.length < 50,
  );
  if (!found) throw new Error(`no ${state} conversation left`);
  used.add(found.id);
  return found.id;
}

/** Runs an action expected to be refused before Intercom: a 400 with this field named. */
async function refused(run: () => Promise<void>, field: string): Promise<HttpError> {
  const error = await run().then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(HttpError);
  expect((error as HttpError).status).toBe(400);
  expect((error as HttpError).fields).toHaveProperty(field);
  return error as HttpError;
}

describe("ticket actions", () => {
  it("moves a ticket to another state of its type, and refuses a state of another type", async () => {
    const id = ticketOf("Customer");
    const before = await getTicket(id);
    const other = before.ticket_type.ticket_states.find((s) => s.id !== before.ticket_state.id)!;
    await runTicketAction(client, catalog, adminId, id, {
      type: "set_state",
      states: { [before.ticket_type.id]: other.id },
    });
    const after = await getTicket(id);
    expect(after.ticket_state.id).toBe(other.id);
    expect(after.previous_ticket_state_id).toBe(before.ticket_state.id);

    const foreign = catalog.ticketTypes
      .flatMap((t) => t.ticket_states)
      .find((s) => !before.ticket_type.ticket_states.some((x) => x.id === s.id))!;
    const e = await refused(
      () =>
        runTicketAction(client, catalog, adminId, id, {
          type: "set_state",
          states: { [before.ticket_type.id]: foreign.id },
        }),
      `states.${before.ticket_type.id}`,
    );
    expect(e.message).toContain(before.ticket_type.name);
    expect((await getTicket(id)).ticket_state.id).toBe(other.id);
  });

  it("assigns to a teammate and a team, unassigns, and refuses strangers", async () => {
    const id = ticketOf("Customer");
    const admin = catalog.admins[2];
    const team = catalog.teams[1];
    await runTicketAction(client, catalog, adminId, id, { type: "assign_admin", admin_id: admin.id });
    await runTicketAction(client, catalog, adminId, id, { type: "assign_team", team_id: team.id });
    let t = await getTicket(id);
    expect([t.admin_assignee_id, t.team_assignee_id]).toEqual([admin.id, team.id]);
    await refused(
      () => runTicketAction(client, catalog, adminId, id, { type: "assign_admin", admin_id: "999999" }),
      "admin_id",
    );
    await refused(
      () => runTicketAction(client, catalog, adminId, id, { type: "assign_team", team_id: admin.id }),
      "team_id",
    );
    t = await getTicket(id);
    expect([t.admin_assignee_id, t.team_assignee_id]).toEqual([admin.id, team.id]);
    await runTicketAction(client, catalog, adminId, id, { type: "assign_admin", admin_id: "0" });
    expect((await getTicket(id)).admin_assignee_id).toBeNull();
  });

  it("shares, closes, reopens and snoozes; a snooze in the past is refused", async () => {
    const id = ticketOf("Customer");
    const shared = (await getTicket(id)).is_shared;
    await runTicketAction(client, catalog, adminId, id, { type: "set_shared", shared: !shared });
    expect((await getTicket(id)).is_shared).toBe(!shared);
    await runTicketAction(client, catalog, adminId, id, { type: "close" });
    expect((await getTicket(id)).open).toBe(false);
    await runTicketAction(client, catalog, adminId, id, { type: "reopen" });
    expect((await getTicket(id)).open).toBe(true);
    const until = Math.floor(Date.now() / 1000) + 7_200;
    await runTicketAction(client, catalog, adminId, id, { type: "snooze", until });
    expect((await getTicket(id)).snoozed_until).toBe(until);
    await refused(() => runTicketAction(client, catalog, adminId, id, { type: "snooze", until: 1_000 }), "until");
    expect((await getTicket(id)).snoozed_until).toBe(until);
  });

  it("edits attributes by their type, refusing wrong types, unknown names and emptied required ones", async () => {
    const id = ticketOf("Customer");
    const t = await getTicket(id);
    const attrs = t.ticket_type.ticket_type_attributes.filter((a) => !a.archived);
    const int = attrs.find((a) => a.data_type === "integer");
    const list = attrs.find((a) => a.data_type === "list");
    const title = attrs.find((a) => a.name === "_default_title_")!;
    const changes: Record<string, string | number> = { _default_title_: "Renamed by the lead" };
    if (int) changes[int.name] = 7;
    if (list) changes[list.name] = list.input_options!.list_options!.filter((o) => !o.archived).at(-1)!.id;
    await runTicketAction(client, catalog, adminId, id, { type: "set_attributes", attributes: changes });
    const after = await getTicket(id);
    expect(after.ticket_attributes).toMatchObject(changes);
    expect(after.ticket_parts.at(-1)?.part_type).toBe("ticket_attribute_updated_by_admin");

    // A name no ticket type has is refused against the workspace, before the ticket is read.
    await refused(
      () =>
        runTicketAction(client, catalog, adminId, id, {
          type: "set_attributes",
          attributes: { "No such attribute": "x" },
        }),
      "No such attribute",
    );
    // Values are checked against the ticket's own type, every field at once.
    const wrong: Record<string, string | number | null> = { [title.name]: "" };
    if (int) wrong[int.name] = "seven";
    const e = await refused(
      () => runTicketAction(client, catalog, adminId, id, { type: "set_attributes", attributes: wrong }),
      title.name,
    );
    expect(e.fields?.[title.name]).toMatch(/needs a value/);
    if (int) expect(e.fields?.[int.name]).toMatch(/whole number/);
    expect((await getTicket(id)).ticket_attributes).toMatchObject(changes);
  });

  it("tags and untags; an unknown tag is refused", async () => {
    const id = ticketOf("Customer");
    const tag = catalog.tags[3];
    await runTicketAction(client, catalog, adminId, id, { type: "add_tag", tag_id: tag.id });
    expect((await getTicket(id)).tags?.map((x) => x.id)).toContain(tag.id);
    await runTicketAction(client, catalog, adminId, id, { type: "remove_tag", tag_id: tag.id });
    expect((await getTicket(id)).tags?.map((x) => x.id) ?? []).not.toContain(tag.id);
    await refused(
      () => runTicketAction(client, catalog, adminId, id, { type: "add_tag", tag_id: "424242424" }),
      "tag_id",
    );
  });

  it("replies and notes; a reply on a Back-office ticket is Intercom's refusal, in words", async () => {
    const id = ticketOf("Customer");
    await runTicketAction(client, catalog, adminId, id, {
      type: "reply",
      kind: "comment",
      body: "We are on it.\n\nThanks <b>for</b> waiting",
    });
    await runTicketAction(client, catalog, adminId, id, {
      type: "reply",
      kind: "note",
      body: "Internal: check logs",
    });
    const parts = (await getTicket(id)).ticket_parts;
    expect(parts.at(-2)).toMatchObject({
      part_type: "comment",
      body: "<p>We are on it.</p><p>Thanks &lt;b&gt;for&lt;/b&gt; waiting</p>",
    });
    expect(parts.at(-1)).toMatchObject({ part_type: "note", body: "<p>Internal: check logs</p>" });

    const internal = ticketOf("Back-office");
    const count = (await getTicket(internal)).ticket_parts.length;
    const e = await runTicketAction(client, catalog, adminId, internal, {
      type: "reply",
      kind: "comment",
      body: "Hello",
    }).catch((x: unknown) => x);
    // Intercom's refusal, in this product's codes, with Intercom's words.
    expect(e).toBeInstanceOf(HttpError);
    expect((e as HttpError).code).toBe("intercom_refused");
    expect((e as HttpError).message).toMatch(/^Intercom answered 400: .*note instead/);
    expect((await getTicket(internal)).ticket_parts.length).toBe(count);
  });

  it("deletes only with the ticket's number typed", async () => {
    const id = ticketOf("Tracker");
    const number = (await getTicket(id)).ticket_id;
    await refused(
      () => runTicketAction(client, catalog, adminId, id, { type: "delete", confirm: `${number}9` }),
      "confirm",
    );
    expect((await getTicket(id)).id).toBe(id);
    await runTicketAction(client, catalog, adminId, id, { type: "delete", confirm: `#${number}` });
    const gone = await getTicket(id).catch((x: unknown) => x);
    expect((gone as IntercomError).status).toBe(404);
  });

  it("loads a ticket's page data: names joined, parts in order, linked records titled", async () => {
    const rec = [...store.tickets.values()].find((t) => t.linked.length > 0 && t.contact_ids.length > 0)!;
    const detail = await loadTicketDetail(client, rec.id);
    expect(detail.ticketNumber).toBe(rec.ticket_id);
    expect(detail.contacts[0]).toMatchObject({
      id: rec.contact_ids[0],
      name: store.contacts.get(rec.contact_ids[0])!.name,
    });
    expect(detail.parts.map((p) => p.createdAt)).toEqual(
      detail.parts.map((p) => p.createdAt).toSorted((a, b) => a - b),
    );
    expect(detail.linked.length).toBe(rec.linked.length);
    expect(detail.linked[0].title).toBeTruthy();
  });
});

describe("conversation actions", () => {
  it("replies and notes as the lead", async () => {
    const id = conversation("open");
    await runConversationAction(client, catalog, adminId, id, {
      type: "reply",
      kind: "comment",
      body: "Happy to help",
    });
    await runConversationAction(client, catalog, adminId, id, {
      type: "reply",
      kind: "note",
      body: "Escalate if needed",
    });
    const parts = (await getConversation(id)).conversation_parts!.conversation_parts;
    expect(parts.at(-2)).toMatchObject({ part_type: "comment", body: "<p>Happy to help</p>", author: { id: adminId } });
    expect(parts.at(-1)).toMatchObject({ part_type: "note", body: "<p>Escalate if needed</p>" });
  });

  it("assigns, snoozes, closes and reopens, each leaving a part", async () => {
    const id = conversation("open");
    const admin = catalog.admins[3];
    const team = catalog.teams[0];
    await runConversationAction(client, catalog, adminId, id, { type: "assign_admin", admin_id: admin.id });
    await runConversationAction(client, catalog, adminId, id, { type: "assign_team", team_id: team.id });
    let c = await getConversation(id);
    expect([c.admin_assignee_id, c.team_assignee_id]).toEqual([admin.id, team.id]);
    await refused(
      () => runConversationAction(client, catalog, adminId, id, { type: "assign_admin", admin_id: "31337" }),
      "admin_id",
    );

    const until = Math.floor(Date.now() / 1000) + 86_400;
    await runConversationAction(client, catalog, adminId, id, { type: "snooze", until });
    c = await getConversation(id);
    expect([c.state, c.snoozed_until]).toEqual(["snoozed", until]);
    await runConversationAction(client, catalog, adminId, id, { type: "close" });
    expect((await getConversation(id)).state).toBe("closed");
    await runConversationAction(client, catalog, adminId, id, { type: "open" });
    c = await getConversation(id);
    expect(c.state).toBe("open");
    expect(c.conversation_parts!.conversation_parts.slice(-3).map((p) => p.part_type)).toEqual([
      "snoozed",
      "close",
      "open",
    ]);
  });

  it("sets priority, tags, untags and marks read", async () => {
    const rec = [...store.conversations.values()].find((c) => !used.has(c.id) && !c.read && c.priority === "none")!;
    used.add(rec.id);
    await runConversationAction(client, catalog, adminId, rec.id, { type: "set_priority", priority: true });
    expect((await getConversation(rec.id)).priority).toEqual({ prioritised: true, level: null });
    const tag = catalog.tags[5];
    await runConversationAction(client, catalog, adminId, rec.id, { type: "add_tag", tag_id: tag.id });
    expect((await getConversation(rec.id)).tags.map((t) => t.id)).toContain(tag.id);
    await runConversationAction(client, catalog, adminId, rec.id, { type: "remove_tag", tag_id: tag.id });
    expect((await getConversation(rec.id)).tags.map((t) => t.id)).not.toContain(tag.id);
    await runConversationAction(client, catalog, adminId, rec.id, { type: "mark_read" });
    expect((await getConversation(rec.id)).read).toBe(true);
  });

  it("redacts a part and the first message", async () => {
    const id = conversation("closed");
    const before = await getConversation(id);
    const part = before.conversation_parts!.conversation_parts.find((p) => p.part_type === "comment" && p.body)!;
    await runConversationAction(client, catalog, adminId, id, { type: "redact", part_id: part.id });
    await runConversationAction(client, catalog, adminId, id, { type: "redact_source" });
    const after = await getConversation(id);
    expect(after.conversation_parts!.conversation_parts.find((p) => p.id === part.id)?.redacted).toBe(true);
    expect(after.source.redacted).toBe(true);
  });

  it("loads the seeded script payload already sanitised", async () => {
    const rec = [...store.conversations.values()].find((c) => c.source.subject === "Screenshot of the error attached")!;
    const detail = await loadConversationDetail(client, rec.id);
    expect(rec.source.body).toMatch(/<script>|onerror/);
    expect(detail.source.bodyHtml).not.toMatch(/<script|onerror|__xss/);
    expect(detail.source.bodyHtml).toContain("Thanks!");
  });
});
