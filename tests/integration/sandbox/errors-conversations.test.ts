/** Every documented conversation error, plus bad input of every kind; a refused request changes nothing. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningSandbox } from "@/lib/sandbox";
import type { ConversationRec } from "@/lib/sandbox/store/types";
import type { Workspace } from "@/lib/sandbox/store/workspace";
import { bootSandbox, client, expectError, type Api } from "../../support/sandbox";

let sb: RunningSandbox;
let api: Api;
let ws: Workspace;
let conv: ConversationRec;
const admin = () => ws.info.owner_admin_id;
beforeAll(async () => {
  sb = await bootSandbox();
  api = client(sb.url, sb.workspaces[0].access_token);
  ws = sb.sandbox.workspace(sb.workspaces[0].id_code)!;
  conv = ws
    .orderedConversations()
    .find((c) => c.state === "open" && c.tags.length > 0 && c.source.author.type === "user")!;
});
afterAll(() => sb.stop());

async function unchanged(request: () => Promise<void>) {
  const before = await api("GET", `/conversations/${conv.id}`);
  expect(before.status).toBe(200);
  await request();
  expect((await api("GET", `/conversations/${conv.id}`)).body).toEqual(before.body);
}

type Row = [label: string, body: () => unknown, status: number, code: string, message?: string | RegExp];
const future = () => Math.floor(Date.now() / 1000) + 3600;

describe("POST /conversations/{id}/parts", () => {
  const rows: Row[] = [
    [
      "no message_type",
      () => ({ admin_id: admin() }),
      400,
      "parameter_not_found",
      "message_type is a required parameter",
    ],
    [
      "an unknown message_type",
      () => ({ message_type: "archive", admin_id: admin() }),
      400,
      "parameter_invalid",
      /message_type/,
    ],
    ["no admin_id", () => ({ message_type: "open" }), 400, "parameter_not_found", "admin_id is a required parameter"],
    [
      "an unknown admin",
      () => ({ message_type: "close", type: "admin", admin_id: 991267717, body: "Goodbye :)" }),
      404,
      "admin_not_found",
      "Admin not found",
    ],
    [
      "close by a user",
      () => ({ message_type: "close", type: "user", admin_id: admin() }),
      400,
      "parameter_invalid",
      /type/,
    ],
    [
      "close without type",
      () => ({ message_type: "close", admin_id: admin() }),
      400,
      "parameter_not_found",
      "type is a required parameter",
    ],
    [
      "snooze without a time",
      () => ({ message_type: "snoozed", admin_id: admin() }),
      400,
      "parameter_not_found",
      "snoozed_until is a required parameter",
    ],
    [
      "snooze into the past",
      () => ({ message_type: "snoozed", admin_id: admin(), snoozed_until: 1_673_609_604 }),
      400,
      "parameter_invalid",
      /snoozed_until/,
    ],
    [
      "snooze until a string",
      () => ({ message_type: "snoozed", admin_id: admin(), snoozed_until: String(future()) }),
      400,
      "parameter_invalid",
      /snoozed_until/,
    ],
    [
      "assign to an unknown admin",
      () => ({ message_type: "assignment", type: "admin", admin_id: admin(), assignee_id: 42 }),
      404,
      "assignee_not_found",
      "Assignee not found",
    ],
    [
      "assign a team id as an admin",
      () => ({ message_type: "assignment", type: "admin", admin_id: admin(), assignee_id: [...ws.teams.keys()][0] }),
      404,
      "assignee_not_found",
    ],
    [
      "assign without assignee_id",
      () => ({ message_type: "assignment", type: "team", admin_id: admin() }),
      400,
      "parameter_not_found",
      "assignee_id is a required parameter",
    ],
    [
      "assign to a bot",
      () => ({ message_type: "assignment", type: "bot", admin_id: admin(), assignee_id: admin() }),
      400,
      "parameter_invalid",
      /type/,
    ],
    [
      "a field another message type takes",
      () => ({ message_type: "open", admin_id: admin(), snoozed_until: future() }),
      400,
      "parameter_invalid",
      /snoozed_until/,
    ],
  ];
  it.each(rows)("%s", async (_label, body, status, code, message) => {
    await unchanged(async () => {
      expectError(await api("POST", `/conversations/${conv.id}/parts`, body()), status, code, message);
    });
  });

  it("an unknown conversation is Resource Not Found", async () => {
    expectError(
      await api("POST", "/conversations/31337/parts", {
        message_type: "close",
        type: "admin",
        admin_id: admin(),
        body: "Goodbye :)",
      }),
      404,
      "not_found",
      "Resource Not Found",
    );
  });
});

describe("POST /conversations/{id}/reply", () => {
  const rows: Row[] = [
    [
      "no type",
      () => ({ message_type: "comment", admin_id: admin(), body: "x" }),
      400,
      "parameter_not_found",
      "type is a required parameter",
    ],
    [
      "an unknown admin",
      () => ({ message_type: "note", type: "admin", admin_id: "77", body: "x" }),
      404,
      "admin_not_found",
    ],
    [
      "an unknown user",
      () => ({ message_type: "comment", type: "user", intercom_user_id: "6762f1571bb69f9f2193bbbb", body: "x" }),
      404,
      "not_found",
      "User Not Found",
    ],
    [
      "a user's note",
      () => ({ message_type: "note", type: "user", intercom_user_id: conv.contact_ids[0], body: "x" }),
      400,
      "parameter_invalid",
      /comment/,
    ],
    [
      "a body that is not text",
      () => ({ message_type: "note", type: "admin", admin_id: admin(), body: { html: "x" } }),
      400,
      "parameter_invalid",
      /body/,
    ],
    [
      "an unknown field",
      () => ({ message_type: "note", type: "admin", admin_id: admin(), body: "x", priority: "priority" }),
      400,
      "parameter_invalid",
      /priority/,
    ],
  ];
  it.each(rows)("%s", async (_label, body, status, code, message) => {
    await unchanged(async () => {
      expectError(await api("POST", `/conversations/${conv.id}/reply`, body()), status, code, message);
    });
  });

  it("an unknown conversation is Resource Not Found", async () => {
    expectError(
      await api("POST", "/conversations/31337/reply", {
        message_type: "comment",
        type: "user",
        intercom_user_id: conv.contact_ids[0],
        body: "Thanks again :)",
      }),
      404,
      "not_found",
      "Resource Not Found",
    );
  });
});

describe("PUT /conversations/{id}", () => {
  const rows: Row[] = [
    [
      "an unknown custom attribute",
      () => ({ custom_attributes: { priority: "High" } }),
      400,
      "parameter_invalid",
      /priority/,
    ],
    [
      "a list attribute outside its options",
      () => ({ custom_attributes: { issue_type: "Refund" } }),
      400,
      "parameter_invalid",
      /issue_type/,
    ],
    [
      "an integer attribute given text",
      () => ({ custom_attributes: { order_value: "12" } }),
      400,
      "parameter_invalid",
      /order_value/,
    ],
    [
      "a boolean attribute given text",
      () => ({ custom_attributes: { escalated: "yes" } }),
      400,
      "parameter_invalid",
      /escalated/,
    ],
    [
      "a valid attribute with an invalid one",
      () => ({ read: true, custom_attributes: { issue_type: "Billing", order_value: 1.5 } }),
      400,
      "parameter_invalid",
      /order_value/,
    ],
    ["read as text", () => ({ read: "true" }), 400, "parameter_invalid", /read/],
    ["a title that is not text", () => ({ title: 42 }), 400, "parameter_invalid", /title/],
    ["an unknown field", () => ({ state: "closed" }), 400, "parameter_invalid", /state/],
  ];
  it.each(rows)("%s", async (_label, body, status, code, message) => {
    await unchanged(async () => {
      expectError(await api("PUT", `/conversations/${conv.id}`, body()), status, code, message);
    });
  });

  it("an unknown conversation is Resource Not Found", async () => {
    expectError(
      await api("PUT", "/conversations/31337", {
        read: true,
        title: "new conversation title",
        custom_attributes: { issue_type: "Billing" },
      }),
      404,
      "not_found",
      "Resource Not Found",
    );
  });
});

describe("tags, redact and convert on one conversation", () => {
  it("refuses bad tag, redact and convert requests without touching it", async () => {
    const tagId = conv.tags[0].id;
    const backOffice = [...ws.ticketTypes.values()].find((t) => t.category === "Back-office")!;
    await unchanged(async () => {
      expectError(
        await api("POST", `/conversations/${conv.id}/tags`, { id: "90210", admin_id: admin() }),
        404,
        "tag_not_found",
        "Tag not found",
      );
      expectError(
        await api("DELETE", `/conversations/${conv.id}/tags/90210`, { admin_id: admin() }),
        404,
        "tag_not_found",
        "Tag not found",
      );
      expectError(
        await api("DELETE", `/conversations/${conv.id}/tags/${tagId}`, { admin_id: admin(), reason: "x" }),
        400,
        "parameter_invalid",
        /reason/,
      );
      expectError(
        await api("POST", "/conversations/redact", {
          type: "conversation_part",
          conversation_id: conv.id,
          conversation_part_id: "really_123_doesnt_exist",
        }),
        404,
        "conversation_part_or_message_not_found",
        "Conversation part or message not found",
      );
      expectError(
        await api("POST", "/conversations/redact", { type: "conversation_part", conversation_id: conv.id }),
        400,
        "parameter_not_found",
        "conversation_part_id is a required parameter",
      );
      expectError(
        await api("POST", `/conversations/${conv.id}/convert`, { ticket_type_id: backOffice.id }),
        400,
        "parameter_invalid",
        "Ticket type is not a customer ticket type",
      );
      expectError(
        await api("POST", `/conversations/${conv.id}/convert`, { ticket_type_id: [1] }),
        400,
        "parameter_invalid",
        /ticket_type_id/,
      );
    });
  });
});
