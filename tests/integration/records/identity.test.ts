/**
 * Every write is made as the connection's own admin: replies and notes are authored by the
 * teammate who signed in, and a body naming anyone else is refused before any call reaches
 * the sandbox (checked in its request log, over HTTP).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clientFor, findConnection, upsertConnection, upsertUser } from "@/lib/auth/connections";
import { loadCatalog } from "@/lib/catalog/server";
import type { OpenDb } from "@/lib/db/client";
import { HttpError } from "@/lib/http/errors";
import type { IntercomClient } from "@/lib/intercom/client";
import { conversationSchema, ticketSchema } from "@/lib/intercom/schemas";
import type { WorkspaceCatalog } from "@/lib/catalog/types";
import type { RunningSandbox } from "@/lib/sandbox";
import type { Workspace } from "@/lib/sandbox/store/workspace";
import { testDb } from "../../support/db";
import { runConversationAction, runTicketAction } from "./run";
import { bootSandbox, control, oauthToken } from "../../support/sandbox";

process.env.AUTH_SECRET = "identity-test-secret";

let sb: RunningSandbox;
let handle: OpenDb;
let store: Workspace;
let client: IntercomClient;
let catalog: WorkspaceCatalog;
/** The teammate who signed in: not the workspace's owner, so a fallback to the token's owner would show. */
let me: string;
let owner: string;

beforeAll(async () => {
  sb = await bootSandbox();
  process.env.SANDBOX_URL = sb.url;
  handle = await testDb();
  const ws = sb.workspaces[0];
  store = sb.sandbox.workspace(ws.id_code)!;
  owner = store.info.owner_admin_id;
  const admin = [...store.admins.values()].find((a) => a.id !== owner)!;
  me = admin.id;
  const userId = await upsertUser(handle.db, "lead@example.com", "Lead");
  await upsertConnection(handle.db, {
    userId,
    workspaceId: ws.id_code,
    workspaceName: ws.name,
    region: ws.region,
    timezone: ws.timezone,
    target: "sandbox",
    adminId: me,
    adminName: admin.name,
    adminEmail: admin.email,
    accessToken: await oauthToken(sb.url, ws.id_code, me),
  });
  const connection = (await findConnection(handle.db, userId, ws.id_code))!;
  client = clientFor(connection);
  catalog = await loadCatalog(client, ws.id_code);
});
afterAll(async () => {
  await handle.close();
  await sb.stop();
});

/** The sandbox's request log since a mark, over HTTP. */
async function requestsSince(mark: number): Promise<{ method: string; path: string }[]> {
  return (
    await control(sb.url)<{ requests: { method: string; path: string }[] }>("GET", `/sandbox/requests?since=${mark}`)
  ).body.requests;
}
async function mark(): Promise<number> {
  return (await control(sb.url)<{ last_seq: number }>("GET", "/sandbox/requests")).body.last_seq;
}

function openTicket(): string {
  return [...store.tickets.values()].find(
    (t) => t.open && store.ticketTypes.get(t.ticket_type_id)!.category === "Customer" && t.parts.length < 40,
  )!.id;
}
function openConversation(): string {
  return [...store.conversations.values()].find((c) => c.state === "open" && c.parts.length > 1 && c.parts.length < 40)!
    .id;
}

async function refusedWithoutCalls(run: () => Promise<unknown>): Promise<void> {
  const since = await mark();
  const error = await run().then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(HttpError);
  expect(error).toMatchObject({ status: 400, code: "acting_identity" });
  // A change may read the record first; nothing is written.
  expect((await requestsSince(since)).filter((r) => r.method !== "GET")).toEqual([]);
}

describe("writes act as the signed-in admin", () => {
  it("authors a ticket's reply and note as the connection's admin", async () => {
    const id = openTicket();
    await runTicketAction(client, catalog, me, id, { type: "reply", kind: "comment", body: "On it" });
    await runTicketAction(client, catalog, me, id, { type: "reply", kind: "note", body: "Checked the logs" });
    const parts = (await client.request("GET", `/tickets/${id}`, ticketSchema)).ticket_parts;
    expect(parts.at(-2)).toMatchObject({ part_type: "comment", author: { type: "admin", id: me } });
    expect(parts.at(-1)).toMatchObject({ part_type: "note", author: { type: "admin", id: me } });
  });

  it("authors a conversation's reply and note as the connection's admin", async () => {
    const id = openConversation();
    await runConversationAction(client, catalog, me, id, { type: "reply", kind: "comment", body: "Happy to help" });
    await runConversationAction(client, catalog, me, id, { type: "reply", kind: "note", body: "Escalate if needed" });
    const parts = (await client.request("GET", `/conversations/${id}`, conversationSchema)).conversation_parts!
      .conversation_parts;
    expect(parts.at(-2)).toMatchObject({ part_type: "comment", author: { type: "admin", id: me } });
    expect(parts.at(-1)).toMatchObject({ part_type: "note", author: { type: "admin", id: me } });
  });

  it("refuses to act as another teammate, with no call to Intercom", async () => {
    const ticket = openTicket();
    const conv = openConversation();
    await refusedWithoutCalls(() =>
      runTicketAction(client, catalog, owner, ticket, { type: "reply", kind: "note", body: "As the owner" }),
    );
    await refusedWithoutCalls(() => runTicketAction(client, catalog, owner, ticket, { type: "close" }));
    await refusedWithoutCalls(() => runConversationAction(client, catalog, owner, conv, { type: "close" }));
    await refusedWithoutCalls(() =>
      client.request("POST", `/conversations/${conv}/reply`, conversationSchema, {
        body: { message_type: "comment", type: "admin", admin_id: owner, body: "As the owner" },
      }),
    );
  });

  it("refuses to write as the customer, with no call to Intercom", async () => {
    const conv = store.conversations.get(openConversation())!;
    const ticket = openTicket();
    await refusedWithoutCalls(() =>
      client.request("POST", `/conversations/${conv.id}/reply`, conversationSchema, {
        body: { message_type: "comment", type: "user", intercom_user_id: conv.contact_ids[0], body: "As the customer" },
      }),
    );
    await refusedWithoutCalls(() =>
      client.request("POST", `/tickets/${ticket}/reply`, ticketSchema, {
        body: { message_type: "comment", type: "admin", email: "someone@example.com", body: "As the customer" },
      }),
    );
  });
});
