import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { meSchema, ticketListSchema } from "@/lib/intercom/schemas";
import type { RunningSandbox } from "@/lib/sandbox";
import type { Workspace } from "@/lib/sandbox/store/workspace";
import {
  bootSandbox,
  client,
  control,
  expectError,
  expectOk,
  oauthToken,
  type Api,
  type Reply,
} from "../../support/sandbox";

let sb: RunningSandbox;
let a: Workspace;
let b: Workspace;
let apiA: Api;
let apiB: Api;
beforeAll(async () => {
  sb = await bootSandbox();
  [a, b] = sb.workspaces.map((w) => sb.sandbox.workspace(w.id_code)!);
  apiA = client(sb.url, sb.workspaces[0].access_token);
  apiB = client(sb.url, sb.workspaces[1].access_token);
});
afterAll(() => sb.stop());

describe("workspace isolation", () => {
  const paths = (ws: Workspace) => {
    const ticket = ws.orderedTickets()[0];
    const conv = ws.orderedConversations()[0];
    const contact = ws.orderedContacts()[0];
    return [
      `/tickets/${ticket.id}`,
      `/conversations/${conv.id}`,
      `/contacts/${contact.id}`,
      `/contacts/${contact.id}/segments`,
      `/segments/${[...ws.segments.keys()][0]}`,
      `/admins/${[...ws.admins.keys()][0]}`,
      `/teams/${[...ws.teams.keys()][0]}`,
      `/ticket_types/${[...ws.ticketTypes.keys()][0]}`,
      `/companies/${[...ws.companies.keys()][0]}`,
    ];
  };

  it("ids never collide between the two workspaces", () => {
    const all = (ws: Workspace) => [
      ...ws.tickets.keys(),
      ...ws.conversations.keys(),
      ...ws.contacts.keys(),
      ...ws.segments.keys(),
      ...ws.admins.keys(),
      ...ws.teams.keys(),
      ...ws.tags.keys(),
      ...ws.ticketTypes.keys(),
      ...ws.ticketStates.keys(),
      ...ws.companies.keys(),
    ];
    const ofB = new Set(all(b));
    expect(all(a).filter((id) => ofB.has(id))).toEqual([]);
  });

  it("A's token gets 404 for each of B's objects, and B's own token finds them", async () => {
    for (const path of paths(b)) {
      expect((await apiB("GET", path)).status, path).toBe(200);
      expectError(await apiA("GET", path), 404);
    }
  });

  it("the same admin (Morgan Avery) has a different id in each workspace", async () => {
    const morganA = [...a.admins.values()].find((x) => x.name === "Morgan Avery")!;
    const morganB = [...b.admins.values()].find((x) => x.name === "Morgan Avery")!;
    expect(morganA.email).toBe(morganB.email);
    expect(morganA.id).not.toBe(morganB.id);
    expectError(await apiA("GET", `/admins/${morganB.id}`), 404, "admin_not_found");
  });

  it("A cannot change, tag or find B's records", async () => {
    const ticket = b.orderedTickets()[1];
    const conv = b.orderedConversations()[1];
    const before = [
      (await apiB("GET", `/tickets/${ticket.id}`)).body,
      (await apiB("GET", `/conversations/${conv.id}`)).body,
    ];
    expectError(await apiA("PUT", `/tickets/${ticket.id}`, { open: false }), 404);
    expectError(await apiA("DELETE", `/tickets/${ticket.id}`), 404);
    expectError(
      await apiA("POST", `/conversations/${conv.id}/parts`, {
        message_type: "close",
        type: "admin",
        admin_id: a.info.owner_admin_id,
      }),
      404,
    );
    expectError(
      await apiA("POST", `/tickets/${a.orderedTickets()[0].id}/tags`, {
        id: [...b.tags.keys()][0],
        admin_id: a.info.owner_admin_id,
      }),
      404,
      "tag_not_found",
    );
    const found = expectOk(
      await apiA("POST", "/tickets/search", { query: { field: "id", operator: "=", value: ticket.id } }),
      ticketListSchema,
    );
    expect(found.total_count).toBe(0);
    expect([
      (await apiB("GET", `/tickets/${ticket.id}`)).body,
      (await apiB("GET", `/conversations/${conv.id}`)).body,
    ]).toEqual(before);
  });

  it("an OAuth token for B sees B only", async () => {
    const token = await oauthToken(sb.url, b.info.id_code, [...b.admins.keys()][2]);
    const api = client(sb.url, token);
    expect(expectOk(await api("GET", "/me"), meSchema).app?.id_code).toBe(b.info.id_code);
    for (const path of paths(a)) expectError(await api("GET", path), 404);
    for (const path of paths(b)) expect((await api("GET", path)).status, path).toBe(200);
  });
});

describe("rate limits", () => {
  const ctl = () => control(sb.url);
  const headers = (r: Reply) => ({
    limit: Number(r.headers.get("x-ratelimit-limit")),
    remaining: Number(r.headers.get("x-ratelimit-remaining")),
    reset: Number(r.headers.get("x-ratelimit-reset")),
  });
  /** Waits for a fresh fixed window, so the counts below cannot straddle two. */
  async function freshWindow(seconds: number) {
    const span = seconds * 1000;
    await new Promise((r) => setTimeout(r, span - (Date.now() % span) + 20));
  }

  it("sends the default limit headers on every authenticated answer", async () => {
    await ctl()("DELETE", "/sandbox/faults");
    for (const res of [
      await apiA("GET", "/me"),
      await apiA("GET", "/tickets/1"),
      await apiA("POST", "/tickets/search", "{"),
    ]) {
      const h = headers(res);
      expect(h.limit).toBe(1666);
      expect(h.remaining).toBeLessThan(1666);
      expect(h.reset * 1000).toBeGreaterThan(Date.now());
      expect(h.reset * 1000 - Date.now()).toBeLessThanOrEqual(10_000);
    }
  });

  it("counts down, answers 429 rate_limit_exceeded past the limit, and recovers in the next window", async () => {
    expect((await ctl()("POST", "/sandbox/faults", { rate_limit_per_window: 5, window_seconds: 2 })).status).toBe(200);
    await freshWindow(2);
    const remaining: number[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await apiA("GET", "/me");
      expect(res.status).toBe(200);
      expect(headers(res).limit).toBe(5);
      remaining.push(headers(res).remaining);
    }
    expect(remaining).toEqual([4, 3, 2, 1, 0]);
    const limited = await apiA("GET", "/me");
    expectError(limited, 429, "rate_limit_exceeded");
    expect(headers(limited).remaining).toBe(0);
    expectError(await apiA("PUT", `/tickets/${a.orderedTickets()[0].id}`, { open: false }), 429, "rate_limit_exceeded");
    expect(a.orderedTickets()[0].open).toBe(true);
    // Another workspace has its own budget.
    expect((await apiB("GET", "/me")).status).toBe(200);
    const wait = headers(limited).reset * 1000 - Date.now();
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(2000);
    await new Promise((r) => setTimeout(r, wait + 20));
    const recovered = await apiA("GET", "/me");
    expect(recovered.status).toBe(200);
    expect(headers(recovered).remaining).toBe(4);
    await ctl()("DELETE", "/sandbox/faults");
  });

  it("counts per app and workspace, as Intercom does: an app's tokens share a budget", async () => {
    expect((await ctl()("POST", "/sandbox/faults", { rate_limit_per_window: 3, window_seconds: 3 })).status).toBe(200);
    const [first, second] = [...a.admins.keys()];
    const appA1 = client(sb.url, await oauthToken(sb.url, a.info.id_code, first));
    const appA2 = client(sb.url, await oauthToken(sb.url, a.info.id_code, second));
    const appB = client(sb.url, await oauthToken(sb.url, b.info.id_code, b.info.owner_admin_id));
    await freshWindow(3);
    for (let i = 0; i < 3; i++) expect((await apiA("GET", "/me")).status).toBe(200);
    expectError(await apiA("GET", "/me"), 429, "rate_limit_exceeded");
    // The OAuth app is another caller than the personal token...
    expect((await appA1("GET", "/me")).status).toBe(200);
    expect((await appA2("GET", "/me")).status).toBe(200);
    expect((await appA1("GET", "/me")).status).toBe(200);
    // ...whose two tokens in one workspace share its budget, while another workspace has its own.
    expectError(await appA2("GET", "/me"), 429, "rate_limit_exceeded");
    expect((await appB("GET", "/me")).status).toBe(200);
    await ctl()("DELETE", "/sandbox/faults");
  });
});
