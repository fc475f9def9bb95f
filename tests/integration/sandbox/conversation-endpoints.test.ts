import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { conversationListSchema, conversationSchema, type Conversation } from "@/lib/intercom/schemas";
import type { RunningSandbox } from "@/lib/sandbox";
import type { ConversationRec } from "@/lib/sandbox/store/types";
import type { Workspace } from "@/lib/sandbox/store/workspace";
import { bootSandbox, client, control, expectError, expectOk, type Api } from "../../support/sandbox";

let sb: RunningSandbox;
let api: Api;
const ws = (): Workspace => sb.sandbox.workspace(sb.workspaces[0].id_code)!;
const admin = () => ws().info.owner_admin_id;
const find = (pred: (c: ConversationRec) => boolean): ConversationRec => ws().orderedConversations().find(pred)!;
const isContact = (c: ConversationRec) => c.source.author.type === "user" || c.source.author.type === "lead";
beforeAll(async () => {
  sb = await bootSandbox();
  api = client(sb.url, sb.workspaces[0].access_token);
});
beforeEach(async () => {
  expect((await control(sb.url)("POST", "/sandbox/reset")).status).toBe(200);
});
afterAll(() => sb.stop());

const get = async (id: string): Promise<Conversation> =>
  expectOk(await api("GET", `/conversations/${id}`), conversationSchema);
const parts = (c: Conversation) => c.conversation_parts!.conversation_parts;
const manage = async (id: string, body: unknown) =>
  expectOk(await api("POST", `/conversations/${id}/parts`, body), conversationSchema);

describe("GET /conversations/{id}", () => {
  it("answers the conversation with parts, statistics, tags and contacts", async () => {
    const rec = find((c) => c.tags.length > 0 && c.parts.length > 3 && c.sla_applied !== null);
    const c = await get(rec.id);
    expect(c).toMatchObject({ id: rec.id, state: rec.state, open: rec.open });
    // 2.14 (the default) answers the flag, which the dashboard's schema reads as "is a priority".
    expect(c.priority.prioritised).toBe(rec.priority !== "none");
    expect(parts(c).map((p) => p.id)).toEqual(rec.parts.map((p) => p.id));
    expect(c.statistics?.count_conversation_parts).toBe(rec.parts.length);
    expect(c.tags.map((t) => t.id)).toEqual(rec.tags.map((t) => t.id));
    expect(c.contacts.map((x) => x.id)).toEqual(rec.contact_ids);
    expect(c.sla_applied?.sla_name).toBe(rec.sla_applied!.sla_name);
  });

  it("returns only the 500 most recent parts of a longer conversation", async () => {
    const rec = find((c) => c.parts.length > 500);
    const c = await get(rec.id);
    expect(parts(c)).toHaveLength(500);
    expect(parts(c).map((p) => p.id)).toEqual(rec.parts.slice(-500).map((p) => p.id));
    expect(c.statistics?.count_conversation_parts).toBe(rec.parts.length);
  });

  it("returns the seeded HTML payload as stored, as Intercom would", async () => {
    const rec = find((c) => c.source.subject === "Screenshot of the error attached");
    const c = await get(rec.id);
    expect(c.source.body).toContain("<script>");
    expect(c.source.body).toContain("onerror=");
  });

  it("search results leave parts out", async () => {
    const list = expectOk(
      await api("POST", "/conversations/search", { query: { field: "open", operator: "=", value: true } }),
      conversationListSchema,
    );
    expect(list.conversations).toHaveLength(20);
    expect(list.conversations.every((c) => c.conversation_parts === undefined)).toBe(true);
  });

  it("is 404 Resource Not Found for an unknown id", async () => {
    expectError(await api("GET", "/conversations/42"), 404, "not_found", "Resource Not Found");
  });
});

describe("PUT /conversations/{id}", () => {
  it("sets read, title and custom attributes, with an attribute part", async () => {
    const rec = find((c) => !c.read);
    const before = await get(rec.id);
    const c = expectOk(
      await api("PUT", `/conversations/${rec.id}`, {
        read: true,
        title: "Refund follow-up",
        custom_attributes: { issue_type: "Billing", order_value: 1200, escalated: true },
      }),
      conversationSchema,
    );
    expect(c).toMatchObject({ read: true, title: "Refund follow-up" });
    expect(c.custom_attributes).toMatchObject({ issue_type: "Billing", order_value: 1200, escalated: true });
    expect(c.updated_at).toBeGreaterThan(before.updated_at);
    expect(parts(c).at(-1)?.part_type).toBe("conversation_attribute_updated_by_admin");
    expect((await get(rec.id)).custom_attributes).toMatchObject({ issue_type: "Billing", order_value: 1200 });
  });
});

describe("POST /conversations/{id}/reply", () => {
  it("an admin comment stops the wait and updates the statistics", async () => {
    const rec = find((c) => c.state === "open" && c.waiting_since !== null);
    const before = await get(rec.id);
    const c = expectOk(
      await api("POST", `/conversations/${rec.id}/reply`, {
        message_type: "comment",
        type: "admin",
        admin_id: Number(admin()),
        body: "On it!",
      }),
      conversationSchema,
    );
    const part = parts(c).at(-1)!;
    expect(part).toMatchObject({ part_type: "comment", body: "<p>On it!</p>", author: { type: "admin", id: admin() } });
    expect(c.waiting_since).toBeNull();
    expect(c.statistics?.last_admin_reply_at).toBe(part.created_at);
    expect(c.statistics?.count_conversation_parts).toBe((before.statistics?.count_conversation_parts ?? 0) + 1);
    expect(c.teammates.map((t) => t.id)).toContain(admin());
    expect(c.updated_at).toBeGreaterThan(before.updated_at);
  });

  it("an admin note leaves the wait alone", async () => {
    const rec = find((c) => c.state === "open" && c.waiting_since !== null);
    const c = expectOk(
      await api("POST", `/conversations/${rec.id}/reply`, {
        message_type: "note",
        type: "admin",
        admin_id: admin(),
        body: "<p>internal</p>",
      }),
      conversationSchema,
    );
    expect(parts(c).at(-1)).toMatchObject({ part_type: "note", body: "<p>internal</p>" });
    expect(c.waiting_since).toBe(rec.waiting_since);
  });

  it("a contact's reply starts the wait and counts as a contact reply", async () => {
    const rec = find((c) => c.state === "open" && c.waiting_since === null && isContact(c));
    const c = expectOk(
      await api("POST", `/conversations/${rec.id}/reply`, {
        message_type: "comment",
        type: "user",
        intercom_user_id: rec.contact_ids[0],
        body: "Any news?",
      }),
      conversationSchema,
    );
    const part = parts(c).at(-1)!;
    expect(part).toMatchObject({ part_type: "comment", author: { id: rec.contact_ids[0] } });
    expect(c.waiting_since).toBe(part.created_at);
    expect(c.statistics?.last_contact_reply_at).toBe(part.created_at);
    expect(c.read).toBe(false);
  });

  it("a contact's reply reopens a closed conversation, counted as a reopen and a contact reply", async () => {
    const rec = find((c) => c.state === "closed" && isContact(c));
    const before = await get(rec.id);
    const c = expectOk(
      await api("POST", `/conversations/${rec.id}/reply`, {
        message_type: "comment",
        type: "user",
        intercom_user_id: rec.contact_ids[0],
        body: "It broke again",
      }),
      conversationSchema,
    );
    const part = parts(c).at(-1)!;
    expect(c).toMatchObject({ state: "open", open: true });
    expect(part.body).toBe("<p>It broke again</p>");
    expect(c.statistics?.count_reopens).toBe((before.statistics?.count_reopens ?? 0) + 1);
    expect(c.statistics?.last_contact_reply_at).toBe(part.created_at);
    expect(c.waiting_since).toBe(part.created_at);
  });
});

describe("POST /conversations/{id}/parts", () => {
  it("closes: state, part with its body, and close statistics", async () => {
    const rec = find((c) => c.state === "open");
    const c = await manage(rec.id, { message_type: "close", type: "admin", admin_id: admin(), body: "Goodbye :)" });
    const part = parts(c).at(-1)!;
    expect(c).toMatchObject({ state: "closed", open: false, snoozed_until: null, waiting_since: null });
    expect(part).toMatchObject({ part_type: "close", body: "<p>Goodbye :)</p>", state: "closed" });
    expect(c.statistics).toMatchObject({ last_close_at: part.created_at, last_closed_by_id: admin() });
    expect(c.statistics?.first_close_at).toBeLessThanOrEqual(part.created_at);
  });

  it("snoozes until a time, then opens again", async () => {
    const rec = find((c) => c.state === "open");
    const until = Math.floor(Date.now() / 1000) + 3600;
    const snoozed = await manage(rec.id, { message_type: "snoozed", admin_id: admin(), snoozed_until: until });
    expect(snoozed).toMatchObject({ state: "snoozed", open: true, snoozed_until: until });
    expect(parts(snoozed).at(-1)?.part_type).toBe("snoozed");
    const opened = await manage(rec.id, { message_type: "open", admin_id: admin() });
    expect(opened).toMatchObject({ state: "open", snoozed_until: null });
    expect(parts(opened).at(-1)?.part_type).toBe("open");
  });

  it("reopening a closed conversation counts a reopen", async () => {
    const rec = find((c) => c.state === "closed");
    const before = await get(rec.id);
    const c = await manage(rec.id, { message_type: "open", admin_id: admin() });
    expect(c.state).toBe("open");
    expect(c.statistics?.count_reopens).toBe((before.statistics?.count_reopens ?? 0) + 1);
  });

  it("assigns to an admin and to a team, counting assignments", async () => {
    const rec = find((c) => c.state === "open");
    const other = [...ws().admins.values()].find((a) => a.id !== rec.admin_assignee_id && a.email_verified)!;
    const team = [...ws().teams.values()].find((t) => t.id !== rec.team_assignee_id)!;
    const before = await get(rec.id);
    const toAdmin = await manage(rec.id, {
      message_type: "assignment",
      type: "admin",
      admin_id: admin(),
      assignee_id: Number(other.id),
    });
    expect(toAdmin.admin_assignee_id).toBe(other.id);
    expect(parts(toAdmin).at(-1)).toMatchObject({
      part_type: "assignment",
      assigned_to: { type: "admin", id: other.id },
    });
    expect(toAdmin.statistics?.count_assignments).toBe((before.statistics?.count_assignments ?? 0) + 1);
    expect(toAdmin.statistics?.last_assignment_at).toBe(parts(toAdmin).at(-1)!.created_at);
    const toTeam = await manage(rec.id, {
      message_type: "assignment",
      type: "team",
      admin_id: admin(),
      assignee_id: team.id,
    });
    expect(toTeam).toMatchObject({ team_assignee_id: team.id, admin_assignee_id: other.id });
    const unassigned = await manage(rec.id, {
      message_type: "assignment",
      type: "admin",
      admin_id: admin(),
      assignee_id: "0",
    });
    expect(unassigned.admin_assignee_id).toBeNull();
  });

  it("assigning a closed conversation reopens it", async () => {
    const rec = find((c) => c.state === "closed");
    const c = await manage(rec.id, {
      message_type: "assignment",
      type: "admin",
      admin_id: admin(),
      assignee_id: admin(),
    });
    expect(c).toMatchObject({ state: "open", admin_assignee_id: admin() });
    expect(parts(c).at(-1)?.part_type).toBe("assign_and_reopen");
  });
});
