import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { meSchema, ticketSchema } from "@/lib/intercom/schemas";
import type { RunningSandbox, WorkspaceSummary } from "@/lib/sandbox";
import { bootSandbox, client, control, expectError, expectOk, oauthToken } from "../../support/sandbox";

let sb: RunningSandbox;
beforeAll(async () => {
  sb = await bootSandbox();
});
afterAll(() => sb.stop());

describe("GET /sandbox/workspaces", () => {
  it("lists both workspaces with a working personal token each", async () => {
    const res = await control(sb.url)<WorkspaceSummary[]>("GET", "/sandbox/workspaces");
    expect(res.status).toBe(200);
    expect(res.body.map(({ name, region, timezone }) => ({ name, region, timezone }))).toEqual([
      { name: "Northwind Support", region: "US", timezone: "America/New_York" },
      { name: "Fjord Analytics", region: "EU", timezone: "Europe/Berlin" },
    ]);
    expect(res.body).toEqual(sb.workspaces);
    for (const ws of res.body) {
      expect(ws.id_code).toMatch(/^[a-z0-9]{8}$/);
      const me = expectOk(await client(sb.url, ws.access_token)("GET", "/me"), meSchema);
      expect(me.app).toMatchObject({ id_code: ws.id_code, name: ws.name, region: ws.region, timezone: ws.timezone });
    }
  });

  it("answers an unknown control path with a 404 error.list", async () => {
    expectError(await control(sb.url)("GET", "/sandbox/nope"), 404, "not_found");
    expectError(await control(sb.url)("PUT", "/sandbox/reset"), 404, "not_found");
  });
});

describe("POST /sandbox/reset", () => {
  it("restores the seeded state after edits, deletions and conversions", async () => {
    const api = client(sb.url, sb.workspaces[0].access_token);
    const ws = sb.sandbox.workspace(sb.workspaces[0].id_code)!;
    const [edited, deleted] = ws.orderedTickets();
    const conv = ws.orderedConversations().find((c) => c.ticket_id === null)!;
    const billing = [...ws.ticketTypes.values()].find((t) => t.name === "Billing question")!;
    const snapshot = async () => [
      (await api("GET", `/tickets/${edited.id}`)).body,
      (await api("GET", `/tickets/${deleted.id}`)).body,
      (await api("GET", `/conversations/${conv.id}`)).body,
      (
        await api<{ total_count: number }>("POST", "/tickets/search", {
          query: { field: "created_at", operator: ">", value: 0 },
        })
      ).body.total_count,
    ];
    const before = await snapshot();

    expectOk(
      await api("PUT", `/tickets/${edited.id}`, { open: false, ticket_attributes: { _default_title_: "changed" } }),
      ticketSchema,
    );
    expect((await api("DELETE", `/tickets/${deleted.id}`)).status).toBe(200);
    expect(
      (
        await api("POST", `/conversations/${conv.id}/convert`, {
          ticket_type_id: billing.id,
          attributes: { "Invoice number": "INV-9" },
        })
      ).status,
    ).toBe(200);
    expect(await snapshot()).not.toEqual(before);

    expect((await control(sb.url)("POST", "/sandbox/reset")).status).toBe(200);
    expect(await snapshot()).toEqual(before);
  });

  it("keeps personal tokens and OAuth tokens working", async () => {
    const [us] = sb.workspaces;
    const oauth = client(
      sb.url,
      await oauthToken(sb.url, us.id_code, sb.sandbox.workspace(us.id_code)!.info.owner_admin_id),
    );
    expect((await control(sb.url)("POST", "/sandbox/reset")).status).toBe(200);
    expect((await oauth("GET", "/me")).status).toBe(200);
    expect((await client(sb.url, us.access_token)("GET", "/me")).status).toBe(200);
  });
});

describe("GET /sandbox/tokens", () => {
  it("lists every token issued, personal and OAuth, revoked ones included", async () => {
    const us = sb.workspaces[0];
    const me = expectOk(await client(sb.url, us.access_token)("GET", "/me"), meSchema);
    const oauth = await oauthToken(sb.url, us.id_code, me.id);
    const before = await control(sb.url)<{ token: string; kind: string; revoked: boolean; id_code: string }[]>(
      "GET",
      "/sandbox/tokens",
    );
    expect(before.status).toBe(200);
    expect(
      before.body
        .filter((t) => t.kind === "personal")
        .map((t) => t.token)
        .sort(),
    ).toEqual(sb.workspaces.map((w) => w.access_token).sort());
    expect(before.body.find((t) => t.token === oauth)).toMatchObject({
      kind: "oauth",
      id_code: us.id_code,
      revoked: false,
    });

    await control(sb.url)("POST", "/sandbox/revoke", { id_code: us.id_code });
    const after = await control(sb.url)<{ token: string; revoked: boolean }[]>("GET", "/sandbox/tokens");
    expect(after.body.find((t) => t.token === oauth)).toMatchObject({ revoked: true });
    expectError(await client(sb.url, oauth)("GET", "/me"), 401, "unauthorized");
  });
});

describe("GET /sandbox/requests", () => {
  it("logs API calls with status, workspace and whether the change took effect", async () => {
    const ctl = control(sb.url);
    await ctl("DELETE", "/sandbox/requests");
    const [ws] = sb.workspaces;
    const api = client(sb.url, ws.access_token);
    const ticket = [...sb.sandbox.workspace(ws.id_code)!.tickets.values()][0];
    expectOk(await api("GET", "/me"), meSchema);
    expectError(await api("PUT", `/tickets/${ticket.id}`, { open: "maybe" }), 400);
    await ctl("POST", "/sandbox/faults", { error_rate: 1, error_timing: "after" });
    expect((await api("PUT", `/tickets/${ticket.id}`, { is_shared: true })).status).toBe(502);
    await ctl("DELETE", "/sandbox/faults");
    expect((await client(sb.url, "nope")("GET", "/me")).status).toBe(401);

    const log = await ctl<{
      last_seq: number;
      requests: {
        seq: number;
        method: string;
        path: string;
        status: number;
        workspace: string | null;
        applied: boolean;
      }[];
    }>("GET", "/sandbox/requests");
    expect(
      log.body.requests.map(({ method, path, status, workspace, applied }) => ({
        method,
        path,
        status,
        workspace,
        applied,
      })),
    ).toEqual([
      { method: "GET", path: "/me", status: 200, workspace: ws.id_code, applied: true },
      { method: "PUT", path: `/tickets/${ticket.id}`, status: 400, workspace: ws.id_code, applied: false },
      { method: "PUT", path: `/tickets/${ticket.id}`, status: 502, workspace: ws.id_code, applied: true },
      { method: "GET", path: "/me", status: 401, workspace: null, applied: false },
    ]);
    const second = log.body.requests[1].seq;
    const after = await ctl<{ requests: { seq: number }[] }>(
      "GET",
      `/sandbox/requests?since=${second}&method=PUT&path_prefix=/tickets/`,
    );
    expect(after.body.requests.map((r) => r.seq)).toEqual([log.body.requests[2].seq]);
    expectError(await ctl("GET", "/sandbox/requests?since=-1"), 400, "parameter_invalid");
    await ctl("DELETE", "/sandbox/requests");
    expect((await ctl<{ requests: unknown[] }>("GET", "/sandbox/requests")).body.requests).toEqual([]);
  });

  it("records the token each call was sent with, valid or not, and filters by it", async () => {
    const ctl = control(sb.url);
    const [ws] = sb.workspaces;
    const token = await oauthToken(sb.url, ws.id_code, sb.sandbox.workspace(ws.id_code)!.info.owner_admin_id);
    const { last_seq: mark } = (await ctl<{ last_seq: number }>("GET", "/sandbox/requests")).body;
    expectOk(await client(sb.url, token)("GET", "/me"), meSchema);
    expectOk(await client(sb.url, ws.access_token)("GET", "/me"), meSchema);
    await ctl("POST", "/sandbox/revoke", { id_code: ws.id_code });
    expect((await client(sb.url, token)("GET", "/me")).status).toBe(401);
    const sent = await ctl<{ requests: { status: number; workspace: string | null; token: string | null }[] }>(
      "GET",
      `/sandbox/requests?since=${mark}&token=${encodeURIComponent(token)}`,
    );
    expect(sent.body.requests.map(({ status, workspace, token }) => ({ status, workspace, token }))).toEqual([
      { status: 200, workspace: ws.id_code, token },
      { status: 401, workspace: null, token },
    ]);
    await ctl("DELETE", "/sandbox/requests");
    expect((await ctl<{ requests: unknown[] }>("GET", "/sandbox/requests")).body.requests).toEqual([]);
  });
});
