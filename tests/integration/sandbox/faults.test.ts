import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { meSchema, ticketSchema } from "@/lib/intercom/schemas";
import type { RunningSandbox } from "@/lib/sandbox";
import type { Workspace } from "@/lib/sandbox/store/workspace";
import {
  bootSandbox,
  client,
  control,
  exchangeCode,
  authorize,
  expectError,
  expectOk,
  type Api,
} from "../../support/sandbox";

let sb: RunningSandbox;
let api: Api;
const ctl = () => control(sb.url);
const ws = (): Workspace => sb.sandbox.workspace(sb.workspaces[0].id_code)!;
beforeAll(async () => {
  sb = await bootSandbox();
  api = client(sb.url, sb.workspaces[0].access_token);
});
afterEach(async () => {
  await ctl()("DELETE", "/sandbox/faults");
  await ctl()("POST", "/sandbox/reset");
});
afterAll(() => sb.stop());

async function timed(call: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await call();
  return performance.now() - started;
}

const setFaults = async (body: unknown) => expect((await ctl()("POST", "/sandbox/faults", body)).status).toBe(200);

describe("latency", () => {
  it("latency_ms delays every API answer by at least that much", async () => {
    const fast = await timed(() => api("GET", "/me"));
    await setFaults({ latency_ms: 150 });
    expect((await ctl()<{ latency_ms: number }>("GET", "/sandbox/faults")).body.latency_ms).toBe(150);
    for (let i = 0; i < 3; i++) expect(await timed(() => api("GET", "/me"))).toBeGreaterThanOrEqual(148);
    expect(fast).toBeLessThan(148);
  });

  it("jitter_ms adds a random extra delay up to its value", async () => {
    await setFaults({ latency_ms: 0, jitter_ms: 200 });
    const times: number[] = [];
    for (let i = 0; i < 12; i++) times.push(await timed(() => api("GET", "/me")));
    expect(Math.max(...times) - Math.min(...times)).toBeGreaterThan(20);
    // At most the jitter plus generous room for a busy machine.
    expect(Math.max(...times)).toBeLessThan(200 + 300);
  });
});

describe("random errors", () => {
  it("error_rate 1 answers every API call with a 5xx error.list", async () => {
    await setFaults({ error_rate: 1 });
    for (const path of ["/me", "/admins", `/tickets/${ws().orderedTickets()[0].id}`]) {
      const res = await api("GET", path);
      expectError(res, 503, "service_unavailable");
    }
    expect((await ctl()("GET", "/sandbox/workspaces")).status).toBe(200);
  });

  it("error_timing before refuses a mutation untouched", async () => {
    const ticket = ws()
      .orderedTickets()
      .find((t) => t.open)!;
    const before = (await api("GET", `/tickets/${ticket.id}`)).body;
    await setFaults({ error_rate: 1, error_timing: "before" });
    expectError(await api("PUT", `/tickets/${ticket.id}`, { open: false }), 503);
    await ctl()("DELETE", "/sandbox/faults");
    expect((await api("GET", `/tickets/${ticket.id}`)).body).toEqual(before);
  });

  it("error_timing after applies the mutation, then fails", async () => {
    const ticket = ws()
      .orderedTickets()
      .find((t) => t.open)!;
    await setFaults({ error_rate: 1, error_timing: "after" });
    expectError(await api("PUT", `/tickets/${ticket.id}`, { open: false }), 502, "bad_gateway");
    expectError(await api("GET", `/tickets/${ticket.id}`), 503);
    await ctl()("DELETE", "/sandbox/faults");
    const after = expectOk(await api("GET", `/tickets/${ticket.id}`), ticketSchema);
    expect(after.open).toBe(false);
    expect(after.ticket_parts.at(-1)?.part_type).toBe("close");
  });

  it("error_timing mixed does both", async () => {
    await setFaults({ error_rate: 1, error_timing: "mixed" });
    const statuses = new Set<number>();
    for (const t of ws().orderedTickets().slice(0, 30))
      statuses.add((await api("PUT", `/tickets/${t.id}`, { is_shared: true })).status);
    expect([...statuses].sort()).toEqual([502, 503]);
  });

  it("error_rate 0.5 fails some calls and not others", async () => {
    await setFaults({ error_rate: 0.5 });
    const statuses: number[] = [];
    for (let i = 0; i < 40; i++) statuses.push((await api("GET", "/me")).status);
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThan(2);
    expect(statuses.filter((s) => s === 503).length).toBeGreaterThan(2);
  });
});

describe("fail_next", () => {
  it("fails the next matching request once, with that status", async () => {
    await setFaults({ fail_next: [{ method: "GET", path: "/me", status: 500 }] });
    expect((await api("GET", "/admins")).status).toBe(200);
    expect((await api("POST", "/me")).status).toBe(404);
    expectError(await api("GET", "/me"), 500, "server_error");
    expectOk(await api("GET", "/me"), meSchema);
  });

  it("a trailing * matches a prefix, and * any method; entries queue in order", async () => {
    const id = ws().orderedTickets()[0].id;
    const before = (await api("GET", `/tickets/${id}`)).body;
    await setFaults({
      fail_next: [
        { method: "*", path: "/tickets/*", status: 429 },
        { method: "put", path: `/tickets/${id}`, status: 404 },
      ],
    });
    expect((await ctl()<{ fail_next: unknown[] }>("GET", "/sandbox/faults")).body.fail_next).toHaveLength(2);
    expect((await api("GET", "/me")).status).toBe(200);
    expectError(await api("GET", `/tickets/${id}`), 429, "rate_limit_exceeded");
    expectError(await api("PUT", `/tickets/${id}`, { open: false }), 404, "not_found");
    expect((await api("GET", `/tickets/${id}`)).body).toEqual(before);
    expect((await ctl()<{ fail_next: unknown[] }>("GET", "/sandbox/faults")).body.fail_next).toEqual([]);
  });

  it("an injected failure on a mutation leaves the record unchanged", async () => {
    const t = ws()
      .orderedTickets()
      .find((x) => x.open)!;
    const before = (await api("GET", `/tickets/${t.id}`)).body;
    await setFaults({ fail_next: [{ method: "PUT", path: "/tickets/*", status: 503 }] });
    expectError(await api("PUT", `/tickets/${t.id}`, { open: false }), 503);
    expect((await api("GET", `/tickets/${t.id}`)).body).toEqual(before);
  });

  it("can fail the OAuth token exchange", async () => {
    const location = await authorize(sb.url, ws().info.id_code, ws().info.owner_admin_id);
    await setFaults({ fail_next: [{ method: "POST", path: "/auth/eagle/token", status: 503 }] });
    expectError(await exchangeCode(sb.url, location.searchParams.get("code")!), 503);
  });
});

describe("the control surface for faults", () => {
  it("DELETE clears settings and queued failures", async () => {
    await setFaults({
      latency_ms: 400,
      error_rate: 0.2,
      rate_limit_per_window: 10,
      fail_next: [{ method: "GET", path: "/me", status: 500 }],
    });
    const cleared = await ctl()("DELETE", "/sandbox/faults");
    expect(cleared.body).toEqual({
      latency_ms: 0,
      jitter_ms: 0,
      error_rate: 0,
      error_timing: "before",
      rate_limit_per_window: 1666,
      window_seconds: 10,
      fail_next: [],
    });
    expect((await api("GET", "/me")).status).toBe(200);
    expect(await timed(() => api("GET", "/me"))).toBeLessThan(300);
  });

  it.each([
    ["a negative latency", { latency_ms: -1 }],
    ["an error rate above 1", { error_rate: 1.5 }],
    ["a fractional limit", { rate_limit_per_window: 2.5 }],
    ["a zero window", { window_seconds: 0 }],
    ["an unknown timing", { error_timing: "later" }],
    ["an unknown setting", { chaos: true }],
    ["fail_next that is not a list", { fail_next: { method: "GET", path: "/me", status: 500 } }],
    ["a relative fail_next path", { fail_next: [{ method: "GET", path: "me", status: 500 }] }],
    ["a non-error fail_next status", { fail_next: [{ method: "GET", path: "/me", status: 200 }] }],
    ["an unknown fail_next method", { fail_next: [{ method: "BREW", path: "/me", status: 500 }] }],
    ["a good setting with a bad one", { latency_ms: 500, error_rate: "high" }],
    ["malformed JSON", "{"],
  ])("refuses %s and changes nothing", async (_label, body) => {
    const before = (await ctl()("GET", "/sandbox/faults")).body;
    expectError(await ctl()("POST", "/sandbox/faults", body), 400);
    expect((await ctl()("GET", "/sandbox/faults")).body).toEqual(before);
  });
});
