import { describe, expect, it } from "vitest";
import { z } from "zod";
import { HttpError } from "@/lib/http/errors";
import { actAs } from "@/lib/intercom/acting";
import { IntercomClient } from "@/lib/intercom/client";
import type { TransportRequest } from "@/lib/intercom/transport";

const ME = "101";

function refusal(run: () => unknown): HttpError {
  let caught: unknown = null;
  try {
    run();
  } catch (e) {
    caught = e;
  }
  expect(caught).toBeInstanceOf(HttpError);
  const e = caught as HttpError;
  expect(e.status).toBe(400);
  expect(e.code).toBe("acting_identity");
  return e;
}

describe("acting as the signed-in admin", () => {
  it.each([
    [
      "POST",
      "/conversations/7/reply",
      { message_type: "comment", body: "hi" },
      { message_type: "comment", body: "hi", type: "admin", admin_id: ME },
    ],
    [
      "POST",
      "/tickets/7/reply",
      { message_type: "note", type: "admin", body: "hi" },
      { message_type: "note", type: "admin", body: "hi", admin_id: ME },
    ],
    [
      "POST",
      "/conversations/7/parts",
      { message_type: "close", type: "admin" },
      { message_type: "close", type: "admin", admin_id: ME },
    ],
    [
      "POST",
      "/conversations/7/parts",
      { message_type: "assignment", type: "team", assignee_id: "9" },
      { message_type: "assignment", type: "team", assignee_id: "9", admin_id: ME },
    ],
    ["PUT", "/tickets/7", { open: false }, { open: false, admin_id: ME }],
    ["POST", "/tickets/7/tags", { id: "3" }, { id: "3", admin_id: ME }],
    ["DELETE", "/conversations/7/tags/3", undefined, { admin_id: ME }],
  ])("fills in admin_id on %s %s", (method, path, body, sent) => {
    expect(actAs(ME, method, path, body)).toEqual(sent);
  });

  it("keeps a body that already names the signed-in admin, as a string or a number", () => {
    expect(actAs(ME, "PUT", "/tickets/7", { admin_id: ME, open: true })).toEqual({ admin_id: ME, open: true });
    expect(actAs(ME, "PUT", "/tickets/7", { admin_id: 101, open: true })).toEqual({ admin_id: ME, open: true });
  });

  it("leaves writes that take no admin_id, and reads, as they are", () => {
    const redact = { type: "conversation_part", conversation_id: "7", conversation_part_id: "8" };
    expect(actAs(ME, "POST", "/conversations/redact", redact)).toEqual(redact);
    expect(actAs(ME, "POST", "/tickets/7/change_type", { ticket_type_id: "2" })).toEqual({ ticket_type_id: "2" });
    expect(actAs(ME, "DELETE", "/tickets/7", undefined)).toBeUndefined();
    expect(actAs(ME, "GET", "/tickets/7", undefined)).toBeUndefined();
    expect(actAs(null, "POST", "/tickets/search", { query: {} })).toEqual({ query: {} });
  });

  it.each([
    [
      "another teammate on a reply",
      "POST",
      "/conversations/7/reply",
      { message_type: "comment", type: "admin", admin_id: "202", body: "hi" },
    ],
    [
      "another teammate on a part",
      "POST",
      "/conversations/7/parts",
      { message_type: "close", type: "admin", admin_id: "202" },
    ],
    ["another teammate on a ticket update", "PUT", "/tickets/7", { admin_id: "202", open: false }],
    ["another teammate on a tag", "DELETE", "/tickets/7/tags/3", { admin_id: 202 }],
    [
      "another teammate on a redaction",
      "POST",
      "/conversations/redact",
      { type: "source", conversation_id: "7", source_id: "1", admin_id: "202" },
    ],
    [
      "the customer on a reply",
      "POST",
      "/conversations/7/reply",
      { message_type: "comment", type: "user", intercom_user_id: "c1", body: "hi" },
    ],
    ["the customer as a contact", "POST", "/tickets/7/reply", { message_type: "comment", type: "contact", body: "hi" }],
    ["a customer's user_id", "POST", "/conversations/7/reply", { message_type: "comment", user_id: "u1", body: "hi" }],
    [
      "a customer's email",
      "POST",
      "/tickets/7/reply",
      { message_type: "comment", email: "ann@example.com", body: "hi" },
    ],
    [
      "a customer's intercom_user_id",
      "POST",
      "/tickets/7/reply",
      { message_type: "comment", intercom_user_id: "c1", body: "hi" },
    ],
    ["a message type only customers send", "POST", "/conversations/7/reply", { message_type: "user", body: "hi" }],
    ["a message from a customer", "POST", "/conversations", { from: { type: "user", id: "c1" }, body: "hi" }],
    ["a message from another teammate", "POST", "/messages", { from: { type: "admin", id: "202" }, body: "hi" }],
    ["a body that is not an object", "POST", "/conversations/7/reply", ["comment"]],
  ])("refuses %s", (_name, method, path, body) => {
    refusal(() => actAs(ME, method, path, body));
  });

  it("refuses every write from a client that only reads", () => {
    refusal(() => actAs(null, "PUT", "/tickets/7", { open: false }));
    refusal(() => actAs(null, "DELETE", "/tickets/7", undefined));
  });

  it("is enforced by the client before anything is sent", async () => {
    const sent: TransportRequest[] = [];
    const client = new IntercomClient({
      baseUrl: "http://intercom.invalid",
      token: "t",
      version: "2.14",
      timeoutMs: 1_000,
      actingAdminId: ME,
      transport: async (req) => {
        sent.push(req);
        return {
          status: 200,
          headers: new Headers(),
          bytes: new TextEncoder().encode("{}") as Uint8Array<ArrayBuffer>,
        };
      },
    });
    const forged = { message_type: "comment", type: "admin", admin_id: "202", body: "hi" };
    await expect(client.request("POST", "/conversations/7/reply", z.unknown(), { body: forged })).rejects.toMatchObject(
      { code: "acting_identity" },
    );
    await expect(
      client.raw("POST", "/tickets/7/reply", {
        body: { message_type: "comment", type: "user", email: "a@b.c", body: "hi" },
      }),
    ).rejects.toBeInstanceOf(HttpError);
    expect(sent).toEqual([]);

    await client.raw("PUT", "/tickets/7", { body: { open: false } });
    expect(sent).toHaveLength(1);
    expect(JSON.parse(sent[0].body!)).toEqual({ open: false, admin_id: ME });
  });
});
