/**
 * The record actions under each Intercom version the dashboard speaks, against the sandbox over
 * HTTP: each call carries the configured version, a change the version lacks is refused with
 * the reason before anything reaches Intercom, and conversation priority is written as the
 * version takes it (the flag, or a level).
 */
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { forgetCatalog, loadCatalog } from "@/lib/catalog/server";
import type { ConversationChange } from "@/lib/changes/schema";
import { HttpError } from "@/lib/http/errors";
import { createRoute } from "@/lib/http/wrapper";
import { IntercomClient } from "@/lib/intercom/client";
import { ticketSchema } from "@/lib/intercom/schemas";
import { nodeTransport, type TransportRequest } from "@/lib/intercom/transport";
import { INTERCOM_VERSIONS, featuresOf, type IntercomVersion } from "@/lib/intercom/versions";
import { changeTypeBody } from "@/lib/records/actions";
import { ticketParams } from "@/lib/records/params";
import { changeTicketType } from "@/lib/records/type-change";
import type { RunningSandbox } from "@/lib/sandbox";
import type { Workspace } from "@/lib/sandbox/store/workspace";
import { connectionOf } from "../../support/connection";
import { bootSandbox, requiredValues } from "../../support/sandbox";
import { runConversationAction, runTicketAction } from "./run";

let sb: RunningSandbox;
let store: Workspace;
let wsId: string;
let token: string;
const calls: TransportRequest[] = [];

beforeAll(async () => {
  sb = await bootSandbox();
  const ws = sb.workspaces[0];
  wsId = ws.id_code;
  token = ws.access_token;
  store = sb.sandbox.workspace(wsId)!;
});
afterAll(() => sb.stop());

function clientOf(version: IntercomVersion): IntercomClient {
  return new IntercomClient({
    baseUrl: sb.url,
    token,
    version,
    timeoutMs: 10_000,
    actingAdminId: store.info.owner_admin_id,
    transport: (req) => {
      calls.push(req);
      return nodeTransport(req);
    },
  });
}

const used = new Set<string>();
function openTicket(keep: (typeId: string) => boolean = () => true) {
  const t = [...store.tickets.values()].find(
    (x) =>
      !used.has(x.id) &&
      x.open &&
      store.ticketTypes.get(x.ticket_type_id)!.category === "Customer" &&
      keep(x.ticket_type_id),
  )!;
  used.add(t.id);
  return t;
}
function conversationWithPriority(level: "none" | "high") {
  const c = [...store.conversations.values()].find(
    (x) => !used.has(x.id) && x.priority === level && x.state === "open",
  )!;
  used.add(c.id);
  return c;
}

async function refusedWith(run: () => Promise<unknown>): Promise<HttpError> {
  const e = await run().then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(HttpError);
  return e as HttpError;
}

describe.each(INTERCOM_VERSIONS)("under Intercom API %s", (version) => {
  const features = featuresOf(version);

  it("reads the catalogue, asking for conversation attributes only where the version lists them", async () => {
    const client = clientOf(version);
    calls.length = 0;
    forgetCatalog(wsId);
    const catalog = await loadCatalog(client, wsId);
    expect(calls.every((c) => c.headers["Intercom-Version"] === version)).toBe(true);
    const asked = calls.some((c) => c.url.includes("model=conversation"));
    expect(asked).toBe(features.conversationAttributes);
    expect(catalog.dataAttributes.some((a) => a.model === "conversation" && a.custom)).toBe(
      features.conversationAttributes,
    );
    expect(catalog.dataAttributes.some((a) => a.model === "contact")).toBe(true);
  });

  it("moves a ticket to another state with the version", async () => {
    const client = clientOf(version);
    forgetCatalog(wsId);
    const catalog = await loadCatalog(client, wsId);
    const t = openTicket();
    const other = store.ticketTypes.get(t.ticket_type_id)!.state_ids.find((s) => s !== t.ticket_state_id)!;
    calls.length = 0;
    await runTicketAction(client, catalog, store.info.owner_admin_id, t.id, {
      type: "set_state",
      states: { [t.ticket_type_id]: other },
    });
    expect(calls.map((c) => c.headers["Intercom-Version"])).toEqual(calls.map(() => version));
    expect(calls.some((c) => c.method === "PUT")).toBe(true);
    expect(store.tickets.get(t.id)!.ticket_state_id).toBe(other);
  });

  it(
    features.changeType ? "changes a ticket's type" : "refuses to change a ticket's type, saying why, with no call",
    async () => {
      const client = clientOf(version);
      const types = [...store.ticketTypes.values()].filter((x) => x.category === "Customer" && !x.archived);
      const t = openTicket((typeId) => types.some((x) => x.id !== typeId));
      const to = types.find((x) => x.id !== t.ticket_type_id)!;
      const ticket = await client.request("GET", `/tickets/${t.id}`, ticketSchema);
      calls.length = 0;
      const run = () =>
        changeTicketType(client, wsId, store.info.owner_admin_id, ticket, {
          ticket_type_id: to.id,
          ticket_attributes: requiredValues(to),
        });
      if (features.changeType) {
        const detail = await run();
        expect(detail.type.id).toBe(to.id);
        const post = calls.find((c) => c.url.endsWith("/change_type"))!;
        expect(post.headers["Intercom-Version"]).toBe(version);
      } else {
        const e = await refusedWith(run);
        expect(e.status).toBe(422);
        expect(e.code).toBe("not_in_version");
        expect(e.message).toBe(
          `Changing a ticket's type needs Intercom API 2.16 or later; this workspace uses ${version}`,
        );
        expect(calls.filter((c) => c.method !== "GET")).toEqual([]);
        expect(store.tickets.get(t.id)!.ticket_type_id).toBe(t.ticket_type_id);
      }
    },
  );

  it(
    features.priorityLevels
      ? "sets a conversation's priority level, and puts the level back"
      : "sets a conversation's priority on and off with the flag",
    async () => {
      const client = clientOf(version);
      forgetCatalog(wsId);
      const catalog = await loadCatalog(client, wsId);
      const adminId = store.info.owner_admin_id;
      const c = conversationWithPriority("none");
      const set = (change: ConversationChange) => runConversationAction(client, catalog, adminId, c.id, change);
      const sent = () =>
        calls
          .filter((x) => x.method === "PUT")
          .map((x) => (JSON.parse(x.body ?? "{}") as { priority?: unknown }).priority);
      calls.length = 0;
      if (features.priorityLevels) {
        await set({ type: "set_priority", priority: "urgent" });
        expect(store.conversations.get(c.id)!.priority).toBe("urgent");
        await set({ type: "set_priority", priority: "low" });
        expect(store.conversations.get(c.id)!.priority).toBe("low");
        // Back to what it was, as a rollback or an undo would write it.
        await set({ type: "set_priority", priority: "none" });
        expect(store.conversations.get(c.id)!.priority).toBe("none");
        expect(sent()).toEqual(["urgent", "low", "none"]);
        const e = await refusedWith(() => set({ type: "set_priority", priority: true }));
        expect(e.status).toBe(422);
        expect(e.fields?.priority).toBe(
          `Intercom API ${version} sets a priority level: none, low, medium, high or urgent`,
        );
      } else {
        await set({ type: "set_priority", priority: true });
        expect(store.conversations.get(c.id)!.priority).not.toBe("none");
        await set({ type: "set_priority", priority: false });
        expect(store.conversations.get(c.id)!.priority).toBe("none");
        expect(sent()).toEqual(["priority", "not_priority"]);
        const e = await refusedWith(() => set({ type: "set_priority", priority: "urgent" }));
        expect(e.status).toBe(422);
        expect(e.message).toBe(
          `Priority levels need Intercom API 2.16 or later; this workspace uses ${version}, which marks a conversation as priority or not`,
        );
      }
      expect(calls.every((x) => x.headers["Intercom-Version"] === version)).toBe(true);
      expect(sent()).toHaveLength(features.priorityLevels ? 3 : 2);
    },
  );
});

describe("the change-type route under 2.15", () => {
  const connection = connectionOf();
  it("answers 422 with the reason, and Intercom is not asked to change anything", async () => {
    const client = clientOf("2.15");
    const route = createRoute({
      getUser: async () => ({ id: "u", email: "lead@example.com", name: "Lead", lastWorkspace: null, sessionId: "s" }),
      findConnection: async () => connection,
      allowedOrigin: () => "http://localhost:3999",
      markNeedsReconnect: async () => {},
    });
    // The route's work, as app/api/w/[workspace]/tickets/[id]/change-type does it, on a 2.15 client.
    const post = route({ workspace: true, params: ticketParams, body: changeTypeBody }, async ({ params, body }) =>
      changeTicketType(
        client,
        wsId,
        store.info.owner_admin_id,
        await client.request("GET", `/tickets/${params.id}`, ticketSchema),
        body,
      ),
    );
    const t = openTicket();
    const to = [...store.ticketTypes.values()].find((x) => x.category === "Customer" && x.id !== t.ticket_type_id)!;
    calls.length = 0;
    const res = await post(
      new NextRequest(`http://localhost:3999/api/w/w/tickets/${t.id}/change-type`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: "http://localhost:3999" },
        body: JSON.stringify({ ticket_type_id: to.id }),
      }),
      { params: Promise.resolve({ workspace: "w", id: t.id }) },
    );
    expect(res.status).toBe(422);
    expect(await res.json()).toEqual({
      error: {
        code: "not_in_version",
        message: "Changing a ticket's type needs Intercom API 2.16 or later; this workspace uses 2.15",
      },
    });
    expect(calls.filter((c) => c.method !== "GET")).toEqual([]);
    expect(store.tickets.get(t.id)!.ticket_type_id).toBe(t.ticket_type_id);
  });
});
