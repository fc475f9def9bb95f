/** Every documented ticket error, plus bad input of every kind; a refused request changes nothing. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningSandbox } from "@/lib/sandbox";
import type { TicketRec, TicketTypeRec } from "@/lib/sandbox/store/types";
import type { Workspace } from "@/lib/sandbox/store/workspace";
import { bootSandbox, client, expectError, type Api } from "../../support/sandbox";

let sb: RunningSandbox;
let api: Api;
let ws: Workspace;
let customer: TicketRec;
let backOffice: TicketRec;
let otherTypeState: string;
const admin = () => ws.info.owner_admin_id;
const typeOf = (t: TicketRec): TicketTypeRec => ws.ticketTypes.get(t.ticket_type_id)!;
beforeAll(async () => {
  sb = await bootSandbox();
  api = client(sb.url, sb.workspaces[0].access_token);
  ws = sb.sandbox.workspace(sb.workspaces[0].id_code)!;
  customer = ws
    .orderedTickets()
    .find((t) => typeOf(t).name === "Bug report" && t.contact_ids.length > 0 && t.tags.length > 0 && t.open)!;
  backOffice = ws.orderedTickets().find((t) => typeOf(t).category === "Back-office" && t.contact_ids.length > 0)!;
  otherTypeState = [...ws.ticketStates.keys()].find((id) => !typeOf(customer).state_ids.includes(id))!;
});
afterAll(() => sb.stop());

/** The ticket, and the whole workspace's ticket count, are the same after the request. */
async function unchanged(id: string, request: () => Promise<void>) {
  const before = await api("GET", `/tickets/${id}`);
  expect(before.status).toBe(200);
  const count = ws.tickets.size;
  await request();
  expect((await api("GET", `/tickets/${id}`)).body).toEqual(before.body);
  expect(ws.tickets.size).toBe(count);
}

type Row = [label: string, body: () => unknown, status: number, code: string, message?: string | RegExp];

describe("PUT /tickets/{id}", () => {
  const rows: Row[] = [
    [
      "a state of another ticket type",
      () => ({ ticket_state_id: otherTypeState }),
      400,
      "ticket_state_id_invalid",
      "Ticket state id is not valid or is not associated with the ticket type",
    ],
    ["state id 0 (documented example)", () => ({ ticket_state_id: 0 }), 400, "ticket_state_id_invalid"],
    ["an unknown assignee", () => ({ assignee_id: 991268013 }), 404, "assignee_not_found", "Assignee not found"],
    [
      "an unknown admin_id (documented as assignee_not_found)",
      () => ({ admin_id: 991268011, assignee_id: admin() }),
      404,
      "assignee_not_found",
      "Assignee not found",
    ],
    [
      "a valid state with an unknown assignee",
      () => ({
        ticket_state_id: typeOf(customer).state_ids.find((s) => s !== customer.ticket_state_id),
        assignee_id: "123",
      }),
      404,
      "assignee_not_found",
    ],
    [
      "valid attributes with a bad state",
      () => ({ ticket_attributes: { _default_title_: "new" }, ticket_state_id: otherTypeState }),
      400,
      "ticket_state_id_invalid",
    ],
    [
      "a valid state and assignee with an attribute the type lacks",
      () => ({
        ticket_state_id: typeOf(customer).state_ids.find((s) => s !== customer.ticket_state_id),
        assignee_id: admin(),
        ticket_attributes: { Nope: 1 },
      }),
      400,
      "parameter_invalid",
      "Extra attributes provided that are not found on ticket type: Nope",
    ],
    [
      "a valid state and title with open as text",
      () => ({
        ticket_state_id: typeOf(customer).state_ids.find((s) => s !== customer.ticket_state_id),
        ticket_attributes: { _default_title_: "new" },
        open: "no",
      }),
      400,
      "parameter_invalid",
      /open/,
    ],
    [
      "an attribute the type lacks",
      () => ({ ticket_attributes: { Priority: "High" } }),
      400,
      "parameter_invalid",
      "Extra attributes provided that are not found on ticket type: Priority",
    ],
    [
      "an integer attribute given text",
      () => ({ ticket_attributes: { "Affected users": "lots" } }),
      400,
      "parameter_invalid",
      /Affected users/,
    ],
    [
      "a list attribute given a label, not an item id",
      () => ({ ticket_attributes: { Severity: "High" } }),
      400,
      "parameter_invalid",
      /Severity/,
    ],
    [
      "clearing a required attribute",
      () => ({ ticket_attributes: { _default_title_: null } }),
      400,
      "parameter_invalid",
      /_default_title_/,
    ],
    ["ticket_attributes as a list", () => ({ ticket_attributes: ["x"] }), 400, "parameter_invalid"],
    ["open as text", () => ({ open: "false" }), 400, "parameter_invalid", /open/],
    ["is_shared as a number", () => ({ is_shared: 1 }), 400, "parameter_invalid", /is_shared/],
    ["snoozed_until in the past", () => ({ snoozed_until: 1_000_000 }), 400, "parameter_invalid", /snoozed_until/],
    ["snoozed_until as text", () => ({ snoozed_until: "tomorrow" }), 400, "parameter_invalid", /snoozed_until/],
    [
      "closing and snoozing at once",
      () => ({ open: false, snoozed_until: Math.floor(Date.now() / 1000) + 3600 }),
      400,
      "parameter_invalid",
    ],
    ["an unknown field", () => ({ state: "resolved" }), 400, "parameter_invalid", /state/],
    ["an id of the wrong type", () => ({ ticket_state_id: { id: 1 } }), 400, "parameter_invalid", /ticket_state_id/],
  ];
  it.each(rows)("%s", async (_label, body, status, code, message) => {
    await unchanged(customer.id, async () => {
      expectError(await api("PUT", `/tickets/${customer.id}`, body()), status, code, message);
    });
  });

  it("an unknown ticket is ticket_not_found", async () => {
    expectError(await api("PUT", "/tickets/31337", { open: false }), 404, "ticket_not_found", "Ticket not found");
  });
});

describe("POST /tickets/{id}/reply", () => {
  const rows: Row[] = [
    [
      "a user reply on a Back-office ticket",
      () => ({
        message_type: "comment",
        type: "user",
        intercom_user_id: backOffice.contact_ids[0],
        body: "Thanks again :)",
      }),
      400,
      "parameter_mismatch",
      "User replies are not allowed on Backoffice tickets",
    ],
    [
      "no message_type",
      () => ({ type: "admin", admin_id: admin(), body: "x" }),
      400,
      "parameter_not_found",
      "message_type is a required parameter",
    ],
    [
      "an unknown message_type",
      () => ({ message_type: "shout", type: "admin", admin_id: admin(), body: "x" }),
      400,
      "parameter_invalid",
      /message_type/,
    ],
    [
      "no body",
      () => ({ message_type: "note", type: "admin", admin_id: admin() }),
      400,
      "parameter_not_found",
      "body is a required parameter",
    ],
    [
      "an empty body",
      () => ({ message_type: "note", type: "admin", admin_id: admin(), body: "  " }),
      400,
      "parameter_invalid",
      /body/,
    ],
    [
      "no admin_id",
      () => ({ message_type: "note", type: "admin", body: "x" }),
      400,
      "parameter_not_found",
      "admin_id is a required parameter",
    ],
    [
      "an unknown admin",
      () => ({ message_type: "note", type: "admin", admin_id: "5", body: "x" }),
      404,
      "admin_not_found",
      "Admin not found",
    ],
    [
      "an unknown user",
      () => ({ message_type: "comment", type: "user", intercom_user_id: "nobody", body: "x" }),
      404,
      "not_found",
      "User Not Found",
    ],
    [
      "an author type Intercom does not take",
      () => ({ message_type: "note", type: "bot", admin_id: admin(), body: "x" }),
      400,
      "parameter_invalid",
      /type/,
    ],
    [
      "an unknown field",
      () => ({ message_type: "note", type: "admin", admin_id: admin(), body: "x", subject: "y" }),
      400,
      "parameter_invalid",
      /subject/,
    ],
  ];
  it.each(rows)("%s", async (label, body, status, code, message) => {
    const target = label.includes("Back-office") ? backOffice : customer;
    await unchanged(target.id, async () => {
      expectError(await api("POST", `/tickets/${target.id}/reply`, body()), status, code, message);
    });
  });

  it("an unknown ticket is Resource Not Found", async () => {
    expectError(
      await api("POST", "/tickets/31337/reply", { message_type: "note", type: "admin", admin_id: admin(), body: "x" }),
      404,
      "not_found",
      "Resource Not Found",
    );
  });
});

describe("ticket tags", () => {
  it("documented errors for an unknown tag, ticket or admin, and missing parameters", async () => {
    const tagId = customer.tags[0].id;
    await unchanged(customer.id, async () => {
      expectError(
        await api("POST", `/tickets/${customer.id}/tags`, { id: "4242", admin_id: admin() }),
        404,
        "tag_not_found",
        "Tag not found",
      );
      expectError(
        await api("DELETE", `/tickets/${customer.id}/tags/4242`, { admin_id: admin() }),
        404,
        "tag_not_found",
        "Tag not found",
      );
      expectError(
        await api("POST", `/tickets/${customer.id}/tags`, { id: tagId, admin_id: "1" }),
        404,
        "admin_not_found",
      );
      expectError(
        await api("POST", `/tickets/${customer.id}/tags`, { admin_id: admin() }),
        400,
        "parameter_not_found",
        "id is a required parameter",
      );
      expectError(
        await api("DELETE", `/tickets/${customer.id}/tags/${tagId}`, {}),
        400,
        "parameter_not_found",
        "admin_id is a required parameter",
      );
      expectError(
        await api("POST", `/tickets/${customer.id}/tags`, { id: true, admin_id: admin() }),
        400,
        "parameter_invalid",
      );
    });
    expectError(
      await api("POST", "/tickets/31337/tags", { id: tagId, admin_id: admin() }),
      404,
      "ticket_not_found",
      "Ticket not found",
    );
    expectError(
      await api("DELETE", `/tickets/31337/tags/${tagId}`, { admin_id: admin() }),
      404,
      "ticket_not_found",
      "Ticket not found",
    );
  });
});

describe("DELETE /tickets/{id}", () => {
  it("an unknown ticket is ticket_not_found and nothing is deleted", async () => {
    const count = ws.tickets.size;
    expectError(await api("DELETE", "/tickets/31337"), 404, "ticket_not_found", "Ticket not found");
    expect(ws.tickets.size).toBe(count);
  });
});
