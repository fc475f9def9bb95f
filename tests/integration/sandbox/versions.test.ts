/**
 * Every endpoint the sandbox serves, asked through each Intercom-Version it speaks, each
 * answer checked against that version's strict schema (tests/support/intercom-versions).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ZodType } from "zod";
import { contactSchema, conversationSchema, ticketSchema } from "@/lib/intercom/schemas";
import type { RunningSandbox } from "@/lib/sandbox";
import type { ConversationRec, TicketRec, TicketTypeRec } from "@/lib/sandbox/store/types";
import type { Workspace } from "@/lib/sandbox/store/workspace";
import { schemasFor, VERSIONS, type Version } from "../../support/intercom-versions";
import { bootSandbox, client, control, requiredValues, type Api, type Reply } from "../../support/sandbox";

let sb: RunningSandbox;
const ws = (): Workspace => sb.sandbox.workspace(sb.workspaces[0].id_code)!;
const admin = () => ws().info.owner_admin_id;
const api = (version?: string): Api => client(sb.url, sb.workspaces[0].access_token, version);
const type = (name: string): TicketTypeRec => [...ws().ticketTypes.values()].find((t) => t.name === name)!;
const stateOf = (name: string, category: string) =>
  type(name).state_ids.find((id) => ws().ticketStates.get(id)!.category === category)!;
const ticketOf = (typeName: string, pred: (t: TicketRec) => boolean = () => true): TicketRec =>
  ws()
    .orderedTickets()
    .find((t) => t.ticket_type_id === type(typeName).id && pred(t))!;
const conversation = (pred: (c: ConversationRec) => boolean): ConversationRec =>
  ws().orderedConversations().find(pred)!;

beforeAll(async () => {
  sb = await bootSandbox();
});
afterAll(() => sb.stop());

/** A 200 whose body is exactly what the version's schema allows; answers the parsed body. */
function ok<T>(res: Reply, schema: ZodType<T>): T {
  expect(res.status, JSON.stringify(res.body)?.slice(0, 400)).toBe(200);
  const parsed = schema.safeParse(res.body);
  expect(parsed.error?.issues.slice(0, 5) ?? [], JSON.stringify(parsed.error?.issues.slice(0, 5))).toEqual([]);
  return parsed.data!;
}

function refused(res: Reply, v: Version, status: number, code: string, message?: string) {
  expect(res.status, JSON.stringify(res.body)?.slice(0, 400)).toBe(status);
  const body = schemasFor(v).error.parse(res.body);
  expect(body.errors[0].code).toBe(code);
  if (message) expect(body.errors[0].message).toBe(message);
}

describe.each(VERSIONS)("Intercom-Version %s", (v) => {
  const S = schemasFor(v);
  let call: Api;
  beforeAll(async () => {
    expect((await control(sb.url)("POST", "/sandbox/reset")).status).toBe(200);
    call = api(v);
  });

  it("reads the catalogue: me, admins, teams, tags, ticket types and states, data attributes", async () => {
    ok(await call("GET", "/me"), S.me);
    const admins = ok(await call("GET", "/admins"), S.adminList);
    ok(await call("GET", `/admins/${admins.admins[0].id}`), S.admin);
    const teams = ok(await call("GET", "/teams"), S.teamList);
    ok(await call("GET", `/teams/${teams.teams[0].id}`), S.team);
    ok(await call("GET", "/tags"), S.tagList);
    const types = ok(await call("GET", "/ticket_types"), S.ticketTypeList);
    ok(await call("GET", `/ticket_types/${types.data[0].id}`), S.ticketType);
    ok(await call("GET", "/ticket_states"), S.ticketStateList);
    ok(await call("GET", "/data_attributes?model=contact"), S.dataAttributeList);
    ok(await call("GET", "/data_attributes?model=company"), S.dataAttributeList);
    const conversationModel = await call("GET", "/data_attributes?model=conversation");
    if (v === "2.14" || v === "2.15") ok(conversationModel, S.dataAttributeList);
    else refused(conversationModel, v, 422, "parameter_invalid");
  });

  it("reads segments, companies and contacts", async () => {
    const segments = ok(await call("GET", "/segments?include_count=true"), S.segmentList);
    ok(await call("GET", `/segments/${segments.segments[0].id}`), S.segment);
    const companies = ok(await call("GET", "/companies?per_page=5"), S.companyList);
    ok(await call("GET", `/companies/${companies.data[0].id}`), S.company);
    const owned = [...ws().contacts.values()].find((c) => c.owner_id !== null && c.company_ids.length > 0)!;
    const c = ok(await call("GET", `/contacts/${owned.id}`), S.contact);
    expect(c.owner_id).toBe(v === "2.14" || v === "2.15" ? owned.owner_id : String(owned.owner_id));
    ok(await call("GET", `/contacts/${owned.id}/segments`), S.contactSegments);
    ok(await call("GET", `/contacts/${owned.id}/companies`), S.companyList);
    ok(await call("GET", `/contacts/${owned.id}/tags`), S.tagList);
  });

  it("searches tickets, conversations and contacts", async () => {
    const everything = { field: "created_at", operator: ">", value: 0 };
    const tickets = ok(
      await call("POST", "/tickets/search", { query: everything, pagination: { per_page: 150 } }),
      S.ticketList,
    );
    expect(tickets.tickets.length).toBe(150);
    ok(
      await call("POST", "/conversations/search", { query: everything, pagination: { per_page: 150 } }),
      S.conversationList,
    );
    ok(await call("POST", "/contacts/search", { query: everything, pagination: { per_page: 150 } }), S.contactList);
  });

  it("spells ticket assignees as the version does, for an assigned ticket and for nobody", async () => {
    const assigned = ticketOf("Bug report", (t) => t.admin_assignee_id !== null && t.team_assignee_id === null);
    const t = ok(await call("GET", `/tickets/${assigned.id}`), S.ticket);
    if (v === "2.14" || v === "2.15") {
      expect(t.admin_assignee_id).toBe(assigned.admin_assignee_id);
      expect(t.team_assignee_id).toBe("0");
    } else {
      expect(t.admin_assignee_id).toBe(Number(assigned.admin_assignee_id));
      expect(t.team_assignee_id).toBe(0);
    }
  });

  it("updates, replies to, tags, untags and deletes a ticket", async () => {
    const rec = ticketOf("Bug report", (t) => t.open);
    const tag = [...ws().tags.values()][0];
    ok(
      await call("PUT", `/tickets/${rec.id}`, {
        ticket_state_id: stateOf("Bug report", "in_progress"),
        assignee_id: admin(),
        ticket_attributes: { Browser: "Firefox 128" },
      }),
      S.ticket,
    );
    const unassigned = ok(await call("PUT", `/tickets/${rec.id}`, { assignee_id: "0" }), S.ticket);
    expect(unassigned.admin_assignee_id).toBe(v === "2.14" || v === "2.15" ? "0" : 0);
    ok(
      await call("POST", `/tickets/${rec.id}/reply`, {
        message_type: "note",
        type: "admin",
        admin_id: admin(),
        body: "Looking",
      }),
      S.ticketReply,
    );
    ok(await call("POST", `/tickets/${rec.id}/tags`, { id: tag.id, admin_id: admin() }), S.tag);
    ok(await call("DELETE", `/tickets/${rec.id}/tags/${tag.id}`, { admin_id: admin() }), S.tag);
    ok(await call("DELETE", `/tickets/${rec.id}`), S.ticketDeleted);
    refused(await call("GET", `/tickets/${rec.id}`), v, 404, "ticket_not_found");
  });

  it("changes a ticket's type from 2.16, and answers that the resource is not available before", async () => {
    const rec = ticketOf("Bug report");
    const body = {
      ticket_type_id: type("Feature request").id,
      ticket_state_id: stateOf("Feature request", "submitted"),
      ticket_attributes: requiredValues(type("Feature request")),
    };
    const res = await call("POST", `/tickets/${rec.id}/change_type`, body);
    if (v === "2.14" || v === "2.15") {
      refused(res, v, 400, "intercom_version_invalid", "Requested resource is not available in current API version.");
      expect(ws().tickets.get(rec.id)!.ticket_type_id).toBe(type("Bug report").id);
    } else {
      expect(ok(res, S.ticket).ticket_type.id).toBe(type("Feature request").id);
    }
  });

  it("replies to, closes, snoozes, reopens, assigns, tags and redacts a conversation", async () => {
    const rec = conversation((c) => c.state === "open" && c.parts.some((p) => p.part_type === "comment" && p.body));
    const tag = [...ws().tags.values()][1];
    const reply = { message_type: "comment", type: "admin", admin_id: admin(), body: "Hello" };
    ok(await call("POST", `/conversations/${rec.id}/reply`, reply), S.conversation);
    const withSkip = await call("POST", `/conversations/${rec.id}/reply`, { ...reply, skip_notifications: true });
    if (v === "2.14") refused(withSkip, v, 400, "parameter_invalid");
    else ok(withSkip, S.conversation);
    const parts = `/conversations/${rec.id}/parts`;
    ok(await call("POST", parts, { message_type: "close", type: "admin", admin_id: admin() }), S.conversation);
    const until = Math.floor(Date.now() / 1000) + 7200;
    ok(await call("POST", parts, { message_type: "snoozed", admin_id: admin(), snoozed_until: until }), S.conversation);
    ok(await call("POST", parts, { message_type: "open", admin_id: admin() }), S.conversation);
    const team = [...ws().teams.values()][0];
    ok(
      await call("POST", parts, { message_type: "assignment", type: "team", admin_id: admin(), assignee_id: team.id }),
      S.conversation,
    );
    const unassigned = ok(
      await call("POST", parts, { message_type: "assignment", type: "admin", admin_id: admin(), assignee_id: "0" }),
      S.conversation,
    );
    expect(unassigned.admin_assignee_id).toBe(v === "2.14" || v === "2.15" ? null : 0);
    ok(await call("POST", `/conversations/${rec.id}/tags`, { id: tag.id, admin_id: admin() }), S.tag);
    ok(await call("DELETE", `/conversations/${rec.id}/tags/${tag.id}`, { admin_id: admin() }), S.tag);
    const part = rec.parts.find((p) => p.part_type === "comment" && p.body)!;
    ok(
      await call("POST", "/conversations/redact", {
        type: "conversation_part",
        conversation_id: rec.id,
        conversation_part_id: part.id,
      }),
      S.conversation,
    );
    ok(await call("GET", `/conversations/${rec.id}`), S.conversation);
  });

  it("updates a conversation's title, read flag and custom attributes", async () => {
    const rec = conversation((c) => c.ticket_id === null && c.custom_attributes.issue_type !== "Billing");
    ok(
      await call("PUT", `/conversations/${rec.id}`, {
        title: "Renamed",
        read: true,
        custom_attributes: { issue_type: "Billing" },
      }),
      S.conversation,
    );
  });

  it("converts a conversation into a ticket; ticket_state_id is taken from 2.16", async () => {
    const [first, second] = ws()
      .orderedConversations()
      .filter((c) => c.ticket_id === null)
      .slice(0, 2);
    const billing = type("Billing question");
    const attributes = { ...requiredValues(billing), _default_title_: "Charged twice" };
    const withState = await call("POST", `/conversations/${first.id}/convert`, {
      ticket_type_id: billing.id,
      ticket_state_id: stateOf("Billing question", "in_progress"),
      attributes,
    });
    if (v === "2.14" || v === "2.15") {
      refused(withState, v, 400, "parameter_invalid");
      ok(
        await call("POST", `/conversations/${first.id}/convert`, { ticket_type_id: billing.id, attributes }),
        S.ticket,
      );
    } else {
      expect(ok(withState, S.ticket).ticket_state.category).toBe("in_progress");
    }
    ok(await call("POST", `/conversations/${second.id}/convert`, { ticket_type_id: billing.id, attributes }), S.ticket);
  });

  it("edits a ticket type", async () => {
    const t = type("Feature request");
    ok(await call("PUT", `/ticket_types/${t.id}`, { description: "Ideas from customers" }), S.ticketType);
  });

  it("answers errors as error.list", async () => {
    refused(await call("GET", "/conversations/0"), v, 404, "not_found");
    refused(await call("GET", "/no/such/thing"), v, 404, "not_found");
    refused(await call("PUT", "/tickets/0", {}), v, 404, "ticket_not_found");
  });
});

describe("conversation priority", () => {
  it.each(VERSIONS)("%s reads and writes it as its own spelling", async (v) => {
    expect((await control(sb.url)("POST", "/sandbox/reset")).status).toBe(200);
    const S = schemasFor(v);
    const call = api(v);
    const rec = conversation((c) => c.priority === "none");
    const path = `/conversations/${rec.id}`;
    if (v === "2.14" || v === "2.15") {
      expect(ok(await call("GET", path), S.conversation).priority).toBe("not_priority");
      refused(await call("PUT", path, { priority: "urgent" }), v, 400, "parameter_invalid");
      expect(ok(await call("PUT", path, { priority: "priority" }), S.conversation).priority).toBe("priority");
      // Read through a version with levels, a flag set through an older one is a level.
      expect(ok(await api("2.16")("GET", path), schemasFor("2.16").conversation).priority).toBe("high");
      expect(ok(await call("PUT", path, { priority: "not_priority" }), S.conversation).priority).toBe("not_priority");
      return;
    }
    expect(ok(await call("GET", path), S.conversation).priority).toBe("none");
    refused(await call("PUT", path, { priority: "priority" }), v, 400, "parameter_invalid");
    for (const level of ["low", "medium", "high", "urgent", "none"] as const) {
      expect(ok(await call("PUT", path, { priority: level }), S.conversation).priority).toBe(level);
      expect(ok(await call("GET", path), S.conversation).priority).toBe(level);
    }
    const urgent = ok(await call("PUT", path, { priority: "urgent" }), S.conversation);
    // An older version sees the same conversation as a priority, and keeps the level when it says so again.
    expect(ok(await api("2.14")("GET", path), schemasFor("2.14").conversation).priority).toBe("priority");
    ok(await api("2.14")("PUT", path, { priority: "priority" }), schemasFor("2.14").conversation);
    expect(ok(await call("GET", path), S.conversation).priority).toBe("urgent");
    const change = urgent.conversation_parts!.conversation_parts.at(-1)!;
    expect(change.part_type).toBe("priority_changed");
    expect(change.event_details).toEqual(
      v === "Preview" ? { current_priority: "urgent", previous_priority: "none" } : null,
    );
  });

  it("is found by either spelling in a conversation search", async () => {
    expect((await control(sb.url)("POST", "/sandbox/reset")).status).toBe(200);
    const expected = ws()
      .orderedConversations()
      .filter((c) => c.priority === "urgent")
      .map((c) => c.id);
    expect(expected.length).toBeGreaterThan(0);
    const byLevel = await api("Preview")<{ conversations: { id: string }[] }>("POST", "/conversations/search", {
      query: { field: "priority", operator: "=", value: "urgent" },
      pagination: { per_page: 150 },
    });
    expect(byLevel.body.conversations.map((c) => c.id)).toEqual(expected);
    const flagged = ws()
      .orderedConversations()
      .filter((c) => c.priority !== "none").length;
    const byFlag = await api("2.14")<{ total_count: number }>("POST", "/conversations/search", {
      query: { field: "priority", operator: "=", value: "priority" },
    });
    expect(byFlag.body.total_count).toBe(flagged);
  });
});

describe("conversation parts' state and event_details", () => {
  it.each(VERSIONS)("%s: each part records the conversation's state when it was made", async (v) => {
    expect((await control(sb.url)("POST", "/sandbox/reset")).status).toBe(200);
    const S = schemasFor(v);
    const call = api(v);
    const rec = conversation((c) => c.state === "open");
    const parts = `/conversations/${rec.id}/parts`;
    ok(await call("POST", parts, { message_type: "close", type: "admin", admin_id: admin() }), S.conversation);
    const note = { message_type: "note", type: "admin", admin_id: admin(), body: "For later" };
    const closed = ok(await call("POST", `/conversations/${rec.id}/reply`, note), S.conversation);
    const until = Math.floor(Date.now() / 1000) + 3600;
    const snoozed = ok(
      await call("POST", parts, { message_type: "snoozed", admin_id: admin(), snoozed_until: until }),
      S.conversation,
    );
    const all = snoozed.conversation_parts!.conversation_parts;
    expect(all.slice(-3).map((p) => [p.part_type, p.state])).toEqual([
      ["close", "closed"],
      ["note", "closed"],
      ["snoozed", "snoozed"],
    ]);
    expect(closed.conversation_parts!.conversation_parts.at(-1)!.event_details).toBeNull();
    const snooze = all.at(-1)!;
    if (v === "Preview") {
      expect(snooze.event_details).toEqual({
        until: expect.stringMatching(/^until /),
        custom_until_time: new Date(until * 1000).toISOString(),
      });
    } else {
      expect(snooze.event_details).toBeNull();
    }
    // Seeded parts carry a state too, never null.
    const seeded = ok(
      await call("GET", `/conversations/${conversation((c) => c.parts.length > 3).id}`),
      S.conversation,
    );
    expect(seeded.conversation_parts!.conversation_parts.every((p) => p.state !== null)).toBe(true);
  });

  it.each(VERSIONS)(
    "%s: an attribute change names the attribute, its value and (from 2.15) the previous one",
    async (v) => {
      expect((await control(sb.url)("POST", "/sandbox/reset")).status).toBe(200);
      const S = schemasFor(v);
      const rec = conversation(
        (c) => c.custom_attributes.issue_type !== undefined && c.custom_attributes.issue_type !== "Billing",
      );
      const previous = String(rec.custom_attributes.issue_type);
      const c = ok(
        await api(v)("PUT", `/conversations/${rec.id}`, {
          custom_attributes: { issue_type: "Billing", order_value: 1200 },
        }),
        S.conversation,
      );
      const [first, second] = c.conversation_parts!.conversation_parts.slice(-2);
      expect([first.part_type, second.part_type]).toEqual([
        "conversation_attribute_updated_by_admin",
        "conversation_attribute_updated_by_admin",
      ]);
      if (v === "2.14") {
        expect(first.event_details).toEqual({ attribute: { name: "issue_type" }, value: { name: "Billing" } });
      } else {
        expect(first.event_details).toEqual({
          attribute: { name: "issue_type" },
          value: { name: "Billing", previous },
        });
        expect(second.event_details).toMatchObject({ attribute: { name: "order_value" }, value: { name: "1200" } });
      }
    },
  );
});

describe("versions the sandbox does not speak, and the default", () => {
  it.each(["1.0", "2.13", "2.17", "Unstable", "latest"])("%s is refused with intercom_version_invalid", async (v) => {
    refused(
      await api(v)("GET", "/me"),
      "2.14",
      400,
      "intercom_version_invalid",
      `Requested version ${v} does not exist`,
    );
  });

  it("answers 2.14 with no header, and the default can be changed on the control surface", async () => {
    expect((await control(sb.url)("POST", "/sandbox/reset")).status).toBe(200);
    const ctl = control(sb.url);
    expect((await ctl("GET", "/sandbox/settings")).body).toEqual({
      api_version: "2.14",
      api_versions: ["2.14", "2.15", "2.16", "Preview"],
    });
    const assigned = ticketOf("Bug report", (t) => t.admin_assignee_id !== null);
    const noHeader = api();
    ok(await noHeader("GET", `/tickets/${assigned.id}`), schemasFor("2.14").ticket);
    try {
      expect((await ctl("POST", "/sandbox/settings", { api_version: "Preview" })).body).toMatchObject({
        api_version: "Preview",
      });
      ok(await noHeader("GET", `/tickets/${assigned.id}`), schemasFor("Preview").ticket);
      expect((await noHeader("POST", `/tickets/${assigned.id}/change_type`, {})).status).not.toBe(404);
      // A header still wins over the default.
      ok(await api("2.15")("GET", `/tickets/${assigned.id}`), schemasFor("2.15").ticket);
      const bad = await ctl("POST", "/sandbox/settings", { api_version: "2.13" });
      expect(bad.status).toBe(400);
      expect((await ctl("GET", "/sandbox/settings")).body).toMatchObject({ api_version: "Preview" });
    } finally {
      await ctl("POST", "/sandbox/settings", { api_version: "2.14" });
    }
    ok(await noHeader("GET", `/tickets/${assigned.id}`), schemasFor("2.14").ticket);
  });
});

describe("the dashboard's schemas read every version alike", () => {
  it("tickets, conversations and contacts normalise to the same values whichever version answered", async () => {
    expect((await control(sb.url)("POST", "/sandbox/reset")).status).toBe(200);
    const ticketRec = ticketOf("Bug report", (t) => t.admin_assignee_id !== null && t.team_assignee_id === null);
    const convRec = conversation((c) => c.priority === "urgent" && c.admin_assignee_id === null);
    const contactRec = [...ws().contacts.values()].find((c) => c.owner_id !== null)!;
    const read = async (v: Version) => ({
      ticket: ticketSchema.parse((await api(v)("GET", `/tickets/${ticketRec.id}`)).body),
      conversation: conversationSchema.parse((await api(v)("GET", `/conversations/${convRec.id}`)).body),
      contact: contactSchema.parse((await api(v)("GET", `/contacts/${contactRec.id}`)).body),
    });
    const base = await read("2.14");
    expect(base.ticket.admin_assignee_id).toBe(ticketRec.admin_assignee_id);
    expect(base.ticket.team_assignee_id).toBeNull();
    expect(base.conversation.admin_assignee_id).toBeNull();
    expect(base.conversation.priority).toEqual({ prioritised: true, level: null });
    expect(base.contact.owner_id).toBe(String(contactRec.owner_id));
    for (const v of ["2.15", "2.16", "Preview"] as const) {
      const got = await read(v);
      expect(got.ticket, v).toEqual(base.ticket);
      expect(got.contact, v).toEqual(base.contact);
      const withLevel = v === "2.15" ? { prioritised: true, level: null } : { prioritised: true, level: "urgent" };
      expect(got.conversation, v).toEqual({
        ...base.conversation,
        priority: withLevel,
        ai_agent: got.conversation.ai_agent,
        conversation_parts: got.conversation.conversation_parts,
      });
    }
  });
});
