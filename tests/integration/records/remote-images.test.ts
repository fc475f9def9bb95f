/**
 * A customer's remote images reach the record pages held back, with their hosts listed: a
 * reply written through the sandbox's API, read back as the pages load it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { IntercomClient } from "@/lib/intercom/client";
import { loadConversationDetail, loadTicketDetail } from "@/lib/records/detail";
import type { RunningSandbox } from "@/lib/sandbox";
import type { Workspace } from "@/lib/sandbox/store/workspace";
import { bootSandbox } from "../../support/sandbox";

let sb: RunningSandbox;
let client: IntercomClient;
let store: Workspace;
let token: string;

/** The customer writes: straight to the sandbox's API, as Intercom lets a workspace post a contact's reply. */
async function customerReply(path: string, body: Record<string, unknown>): Promise<void> {
  const res = await fetch(sb.url + path, {
    method: "POST",
    headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json", Accept: "application/json" },
    body: JSON.stringify(body),
  });
  expect(res.status).toBe(200);
}

beforeAll(async () => {
  sb = await bootSandbox();
  const ws = sb.workspaces[0];
  client = new IntercomClient({
    baseUrl: sb.url,
    token: ws.access_token,
    version: "2.14",
    timeoutMs: 10_000,
    actingAdminId: null,
  });
  token = ws.access_token;
  store = sb.sandbox.workspace(ws.id_code)!;
});
afterAll(() => sb.stop());

const BODY =
  '<p>My receipt</p><img src="https://images.example.test/pixel.png" alt="Receipt" srcset="https://images.example.test/2x.png 2x">';
const HELD = '<p>My receipt</p><img alt="Receipt" data-remote-src="https://images.example.test/pixel.png" />';

describe("record details hold remote images back", () => {
  it("in a conversation's parts", async () => {
    const conv = [...store.conversations.values()].find((c) => c.state === "open" && c.contact_ids.length > 0)!;
    await customerReply(`/conversations/${conv.id}/reply`, {
      message_type: "comment",
      type: "user",
      intercom_user_id: conv.contact_ids[0],
      body: BODY,
    });
    const detail = await loadConversationDetail(client, conv.id);
    const last = detail.parts.at(-1)!;
    expect(last.bodyHtml).toBe(HELD);
    expect(last.imageHosts).toEqual(["images.example.test"]);
    expect(detail.parts.slice(0, -1).every((p) => p.imageHosts.length === 0)).toBe(true);
  });

  it("in a conversation's first message", async () => {
    // The sandbox has no call for a customer to start a conversation: the message is written into its store.
    const conv = [...store.conversations.values()].find((c) => c.state === "closed" && c.source.body)!;
    conv.source.body = BODY;
    const detail = await loadConversationDetail(client, conv.id);
    expect(detail.source).toMatchObject({ bodyHtml: HELD, imageHosts: ["images.example.test"], text: "My receipt" });
  });

  it("in a ticket's parts", async () => {
    const ticket = [...store.tickets.values()].find(
      (t) => t.open && store.ticketTypes.get(t.ticket_type_id)!.category === "Customer" && t.contact_ids.length > 0,
    )!;
    await customerReply(`/tickets/${ticket.id}/reply`, {
      message_type: "comment",
      type: "user",
      intercom_user_id: ticket.contact_ids[0],
      body: BODY,
    });
    const detail = await loadTicketDetail(client, ticket.id);
    expect(detail.parts.at(-1)).toMatchObject({ bodyHtml: HELD, imageHosts: ["images.example.test"] });
  });
});
