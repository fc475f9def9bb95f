/**
 * Insights against the sandbox: every number is counted again independently from the
 * sandbox's own records (its timezone helpers, not the dashboard's), and every point's
 * drill-down search, sent to the sandbox, matches exactly as many records as the point shows.
 */
import { and, eq } from "drizzle-orm";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { upsertUser } from "@/lib/auth/connections";
import { loadCatalog } from "@/lib/catalog/server";
import type { WorkspaceCatalog } from "@/lib/catalog/types";
import type { OpenDb } from "@/lib/db/client";
import { insightDays, insightSnapshots, workspaceConnections } from "@/lib/db/schema";
import { createRoute } from "@/lib/http/wrapper";
import { IntercomClient } from "@/lib/intercom/client";
import { nodeTransport, type TransportRequest } from "@/lib/intercom/transport";
import { DEFAULT_INTERCOM_VERSION } from "@/lib/intercom/versions";
import { addDays, today } from "@/lib/insights/calendar";
import { computeInsights, type InsightsRequest } from "@/lib/insights/compute";
import { percentile } from "@/lib/insights/numbers";
import { INSIGHTS_SHARE, InsightsReader } from "@/lib/insights/reader";
import { insightsQuery } from "@/lib/insights/schema";
import { loadInsights } from "@/lib/insights/service";
import { recordSnapshots } from "@/lib/insights/snapshots";
import type { Chart, InsightsResult } from "@/lib/insights/types";
import type { RunningSandbox } from "@/lib/sandbox";
import { dayStart, nextDayStart } from "@/lib/sandbox/search/time";
import type { Workspace } from "@/lib/sandbox/store/workspace";
import { toIntercom } from "@/lib/search/convert";
import { decodeQuery } from "@/lib/search/url";
import { connectionOf } from "../../support/connection";
import { testDb } from "../../support/db";
import { bootSandbox, client as sandboxClient, control } from "../../support/sandbox";

let sb: RunningSandbox;
let handle: OpenDb;
let client: IntercomClient;
let store: Workspace;
let catalog: WorkspaceCatalog;
let scope: { workspaceId: string; timezone: string; adminId: string };
let call: ReturnType<typeof sandboxClient>;

beforeAll(async () => {
  sb = await bootSandbox({ scale: 1 });
  handle = await testDb();
  const [w] = sb.workspaces;
  store = sb.sandbox.workspace(w.id_code)!;
  const adminId = store.info.owner_admin_id;
  client = new IntercomClient({
    baseUrl: sb.url,
    token: w.access_token,
    version: DEFAULT_INTERCOM_VERSION,
    timeoutMs: 10_000,
    actingAdminId: adminId,
  });
  call = sandboxClient(sb.url, w.access_token, DEFAULT_INTERCOM_VERSION);
  catalog = await loadCatalog(client, w.id_code);
  scope = { workspaceId: w.id_code, timezone: store.info.timezone, adminId };
}, 60_000);
afterAll(async () => {
  await handle?.close();
  await sb?.stop();
});

/** A client to the same sandbox that tells `record` of every request before sending it. */
const recordingClient = (record: (req: TransportRequest) => unknown) =>
  new IntercomClient({
    baseUrl: sb.url,
    token: sb.workspaces[0].access_token,
    version: DEFAULT_INTERCOM_VERSION,
    timeoutMs: 10_000,
    actingAdminId: scope.adminId,
    transport: (req) => {
      record(req);
      return nodeTransport(req);
    },
  });

const run = async (request: Partial<InsightsRequest> = {}, through = client) => {
  const reader = new InsightsReader(through, INSIGHTS_SHARE);
  const to = today(scope.timezone);
  return computeInsights(handle.db, reader, scope, catalog, {
    from: addDays(to, -29),
    to,
    by: "day",
    split: "none",
    refresh: false,
    ...request,
  });
};

const chart = (result: InsightsResult, id: Chart["id"]) => result.charts.find((c) => c.id === id)!;

/** How many records the drill-down search behind a point matches in the sandbox. */
async function drillCount(resource: "tickets" | "conversations", q: string): Promise<number> {
  const query = decodeQuery(q, resource);
  expect(query).not.toBeNull();
  const body = {
    query: toIntercom(query!, { now: Math.floor(Date.now() / 1000), adminId: scope.adminId }),
    pagination: { per_page: 1 },
  };
  const res = await call<{ total_count: number }>("POST", `/${resource}/search`, body);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.total_count;
}

/** The sandbox's own days: local midnights from its search helpers. */
const sandboxDays = (from: number, to: number) => {
  const out: { start: number; end: number }[] = [];
  for (let s = dayStart(from, scope.timezone); s < to; s = nextDayStart(s, scope.timezone))
    out.push({ start: s, end: nextDayStart(s, scope.timezone) });
  return out;
};

describe("Insights over 30 days, by day", () => {
  let result: InsightsResult;
  beforeAll(async () => {
    result = await run();
  }, 60_000);

  it("buckets on the sandbox's own local days, and counts created and closed records as the sandbox holds them", () => {
    const created = chart(result, "conversations.created");
    expect(created.axis).toHaveLength(30);
    const days = sandboxDays(created.axis[0].start, created.axis.at(-1)!.end);
    expect(created.axis.map((b) => [b.start, b.end])).toEqual(days.map((d) => [d.start, d.end]));
    const convs = [...store.conversations.values()];
    const tickets = [...store.tickets.values()];
    const resolved = (t: (typeof tickets)[number]) =>
      store.ticketStates.get(t.ticket_state_id)!.category === "resolved";
    const expected = {
      "conversations.created": days.map(
        (d) => convs.filter((c) => c.created_at >= d.start && c.created_at < d.end).length,
      ),
      "conversations.closed": days.map(
        (d) =>
          convs.filter(
            (c) => (c.statistics.last_close_at ?? -1) >= d.start && (c.statistics.last_close_at ?? -1) < d.end,
          ).length,
      ),
      "tickets.created": days.map((d) => tickets.filter((t) => t.created_at >= d.start && t.created_at < d.end).length),
      "tickets.resolved": days.map(
        (d) => tickets.filter((t) => resolved(t) && t.updated_at >= d.start && t.updated_at < d.end).length,
      ),
    } as const;
    for (const [id, counts] of Object.entries(expected)) {
      const c = chart(result, id as Chart["id"]);
      expect(c.missing, id).toBeUndefined();
      expect(c.series.map((s) => s.name)).toEqual(["All"]);
      expect(
        c.series[0].points.map((p) => p.value),
        id,
      ).toEqual(counts);
    }
    // Not an empty month: the comparison means something.
    expect(expected["conversations.created"].reduce((a, b) => a + b, 0)).toBeGreaterThan(50);
  });

  it("opens, from every point, a search matching exactly as many records as the point shows", async () => {
    for (const id of [
      "conversations.created",
      "conversations.closed",
      "tickets.created",
      "tickets.resolved",
    ] as const) {
      const c = chart(result, id);
      for (const p of c.series[0].points) expect(await drillCount(c.resource, p.q!), `${id}`).toBe(p.value);
    }
    const waiting = chart(result, "conversations.waiting");
    for (const p of waiting.series[0].points) expect(await drillCount("conversations", p.q!)).toBe(p.value);
    const first = chart(result, "conversations.first_response");
    for (const p of first.series[0].points) expect(await drillCount("conversations", p.q!)).toBe(p.n);
  }, 120_000);

  it("takes percentiles of first response per day from the conversations' statistics", () => {
    const c = chart(result, "conversations.first_response");
    expect(c.series.map((s) => s.name)).toEqual(["Median", "90th percentile"]);
    const convs = [...store.conversations.values()];
    c.axis.forEach((b, i) => {
      const values = convs
        .filter((x) => x.created_at >= b.start && x.created_at < b.end && x.statistics.time_to_admin_reply !== null)
        .map((x) => x.statistics.time_to_admin_reply!);
      expect(c.series[0].points[i]).toMatchObject({ value: percentile(values, 0.5), n: values.length });
      expect(c.series[1].points[i].value).toBe(percentile(values, 0.9));
    });
  });

  it("counts the conversations waiting now by how long they have waited", () => {
    const c = chart(result, "conversations.waiting");
    const now = Math.floor(Date.now() / 1000);
    const ages = [...store.conversations.values()]
      .filter((x) => x.state === "open" && x.waiting_since !== null)
      .map((x) => now - x.waiting_since!);
    const edges = [0, 3_600, 4 * 3_600, 86_400, 3 * 86_400, Infinity];
    const expected = edges.slice(0, -1).map((lo, i) => ages.filter((a) => a >= lo && a < edges[i + 1]).length);
    // Seconds pass between the chart and this count: an age on a bucket's edge may move by one.
    c.series[0].points.forEach((p, i) => expect(Math.abs(p.value! - expected[i])).toBeLessThanOrEqual(1));
    expect(expected.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
  });

  it("shows the backlog as open now today, and as an estimate before the first snapshot, said so", () => {
    const c = chart(result, "conversations.backlog");
    const open = [...store.conversations.values()].filter((x) => x.open).length;
    const points = c.series[0].points;
    expect(points.at(-1)).toMatchObject({ value: open });
    expect(points.at(-1)!.estimated).toBeUndefined();
    expect(points.slice(0, -1).every((p) => p.estimated && p.q === null)).toBe(true);
    expect(c.note).toMatch(/estimated: open now, less what was created since, plus what was closed since/);
  });
});

describe("splits", () => {
  it("splits by team into series that add up to the whole, each point's search matching its count", async () => {
    const all = await run();
    const byTeam = await run({ split: "team" });
    const whole = chart(all, "conversations.created").series[0].points.map((p) => p.value);
    const parts = chart(byTeam, "conversations.created");
    expect(parts.series.length).toBeGreaterThan(1);
    expect(parts.series.some((s) => s.name === "No team")).toBe(true);
    const sums = whole.map((_, i) => parts.series.reduce((n, s) => n + s.points[i].value!, 0));
    expect(sums).toEqual(whole);
    for (const s of parts.series)
      for (const p of s.points.slice(-7)) expect(await drillCount("conversations", p.q!), s.name).toBe(p.value);
    expect(parts.series.map((s) => s.name)).toEqual(
      expect.arrayContaining(catalog.teams.filter((t) => parts.series.some((s) => s.key === t.id)).map((t) => t.name)),
    );
  }, 120_000);

  it("splits tickets by type, and says conversations have none", async () => {
    const result = await run({ split: "type" });
    const tickets = chart(result, "tickets.created");
    const typeNames = new Set(catalog.ticketTypes.map((t) => t.name));
    expect(tickets.series.every((s) => typeNames.has(s.name))).toBe(true);
    expect(chart(result, "conversations.created").note).toMatch(/no ticket type/);
  }, 60_000);
});

describe("the cache", () => {
  it("reads a revisit from the database without calling Intercom, and a refresh reads only the last week again", async () => {
    const to = today(scope.timezone);
    const first = await run({ from: addDays(to, -59), to, split: "none" });
    expect(first.calls).toBeGreaterThan(0);
    const again = await run({ from: addDays(to, -59), to });
    expect(again.calls).toBe(0);
    expect(chart(again, "tickets.created").series).toEqual(chart(first, "tickets.created").series);
    // A refresh through a client that keeps what it sends.
    const sent: string[] = [];
    const recording = recordingClient((req) => req.body && sent.push(req.body));
    const refreshed = await run({ from: addDays(to, -59), to, refresh: true }, recording);
    expect(refreshed.calls).toBe(sent.length);
    // Each source reads its last seven days again, and nothing older: the rest of the range is the cache's.
    const weekStart = dayStart(Date.now() / 1000, scope.timezone) - 6 * 86_400 - 3_600;
    const starts = sent.flatMap((text) => {
      const body = JSON.parse(text) as { query: { value: { field: string; operator: string; value: number }[] } };
      return body.query.value.filter((f) => f.operator === ">" && f.field !== "waiting_since").map((f) => f.value);
    });
    expect(starts.length).toBeGreaterThanOrEqual(4);
    expect(Math.min(...starts)).toBeGreaterThan(weekStart);
    const stored = await handle.db.select({ day: insightDays.day }).from(insightDays);
    expect(stored.some((r) => r.day === addDays(to, -59))).toBe(true);
  }, 120_000);
});

describe("when Intercom fails", () => {
  it("marks the conversation charts missing, with when they are tried again, and still draws the tickets", async () => {
    const to = today(scope.timezone);
    await control(sb.url)("POST", "/sandbox/faults", {
      fail_next: Array.from({ length: 30 }, () => ({ method: "POST", path: "/conversations/search", status: 503 })),
    });
    try {
      // Days never read before: nothing in the cache to fall back on.
      const result = await run({ from: addDays(to, -200), to: addDays(to, -150), refresh: true });
      const conv = chart(result, "conversations.created");
      expect(conv.missing?.message).toMatch(/Intercom could not answer \(it answered 503, 5 tries\)/);
      expect(conv.series).toEqual([]);
      expect(chart(result, "tickets.created").missing).toBeUndefined();
    } finally {
      await control(sb.url)("DELETE", "/sandbox/faults");
    }
  }, 120_000);
});

describe("the route", () => {
  it("refuses bad input with 400 and field errors before any call to Intercom, and answers good input", async () => {
    const sent: string[] = [];
    const recording = recordingClient((req) => sent.push(req.url));
    const connection = connectionOf({
      workspaceId: scope.workspaceId,
      timezone: scope.timezone,
      adminId: scope.adminId,
    });
    const route = createRoute({
      getUser: async () => ({ id: "u", email: "lead@example.com", name: "Lead", lastWorkspace: null, sessionId: "s" }),
      findConnection: async () => connection,
      allowedOrigin: () => "http://localhost:3999",
      markNeedsReconnect: async () => {},
    });
    // The route's work, as app/api/w/[workspace]/insights does it, with this test's database and client.
    const get = route({ workspace: true, query: insightsQuery }, async ({ query }) =>
      loadInsights(handle.db, recording, connection, query),
    );
    const ask = (qs: string) =>
      get(new NextRequest(`http://localhost:3999/api/w/w/insights?${qs}`), {
        params: Promise.resolve({ workspace: "w" }),
      });
    for (const [qs, fields] of [
      ["range=custom&from=2024-01-01&to=2026-01-01", { to: "A range is at most 400 days" }],
      ["range=custom&from=2026-03-02&to=2026-03-01", { to: "The last day is before the first" }],
      ["split=country", { split: "Split by none, team, teammate or type" }],
      [
        `range=custom&from=${today(scope.timezone)}&to=${addDays(today(scope.timezone), 2)}`,
        { to: "The last day is after today" },
      ],
    ] as const) {
      const res = await ask(qs);
      expect(res.status, qs).toBe(400);
      expect(await res.json()).toMatchObject({ error: { code: "invalid_query", fields } });
    }
    expect(sent).toEqual([]);
    const ok = await ask("range=7&split=teammate");
    expect(ok.status).toBe(200);
    const body = (await ok.json()) as InsightsResult;
    expect(body).toMatchObject({ split: "teammate", range: { days: 7, granularity: "day", timezone: scope.timezone } });
    expect(body.charts.map((c) => c.id)).toEqual([
      "conversations.created",
      "conversations.closed",
      "tickets.created",
      "tickets.resolved",
      "conversations.backlog",
      "tickets.backlog",
      "conversations.first_response",
      "conversations.close_time",
      "conversations.sla",
      "conversations.waiting",
    ]);
  }, 60_000);
});

describe("daily snapshots", () => {
  it("takes one snapshot a day per connected workspace, and the backlog then reads it", async () => {
    const userId = await upsertUser(handle.db, "snapshots@example.com", "Lead");
    await handle.db.insert(workspaceConnections).values({
      userId,
      workspaceId: scope.workspaceId,
      workspaceName: "Northwind",
      region: "US",
      timezone: scope.timezone,
      target: "sandbox",
      adminId: scope.adminId,
      adminName: "Lead",
      adminEmail: "snapshots@example.com",
      tokenCiphertext: "not read: the test hands the client",
    });
    const tomorrowMs = Date.now() + 86_400_000;
    const tomorrow = today(scope.timezone, tomorrowMs);
    expect(await recordSnapshots(handle.db, () => client, tomorrowMs)).toBe(2);
    expect(await recordSnapshots(handle.db, () => client, tomorrowMs)).toBe(0);
    const [snap] = await handle.db
      .select()
      .from(insightSnapshots)
      .where(and(eq(insightSnapshots.day, tomorrow), eq(insightSnapshots.resource, "tickets")));
    const open = [...store.tickets.values()].filter((t) => t.open);
    expect(snap.counts.all).toBe(open.length);
    const types = new Set(open.map((t) => t.ticket_type_id));
    expect(Object.keys(snap.counts.type).sort()).toEqual([...types].sort());
    // Seen from tomorrow, today is history: its bar is today's snapshot (taken by the computations above), not an estimate.
    const [todays] = await handle.db
      .select()
      .from(insightSnapshots)
      .where(and(eq(insightSnapshots.day, today(scope.timezone)), eq(insightSnapshots.resource, "tickets")));
    const reader = new InsightsReader(client, INSIGHTS_SHARE);
    const seen = await computeInsights(
      handle.db,
      reader,
      scope,
      catalog,
      { from: addDays(tomorrow, -2), to: tomorrow, by: "day", split: "none", refresh: false },
      tomorrowMs,
    );
    const points = chart(seen, "tickets.backlog").series[0].points;
    expect(points[1]).toEqual({ value: todays.counts.all, q: null });
    expect(points[0].estimated).toBe(true);
  });
});

describe("pacing", () => {
  it("uses at most a fifth of Intercom's rate limit, even with every source read at once", async () => {
    const to = today(scope.timezone);
    const sandbox = control(sb.url);
    await sandbox("POST", "/sandbox/faults", { rate_limit_per_window: 10, window_seconds: 1 });
    await sandbox("DELETE", "/sandbox/requests");
    try {
      // A client of its own, as each request has (clientFor): it learns the limit from its first answer.
      const result = await run({ from: addDays(to, -6), to, refresh: true }, recordingClient(() => {}));
      expect(result.charts.every((c) => !c.missing)).toBe(true);
      const log = (await sandbox<{ requests: { received_at: number; status: number }[] }>("GET", "/sandbox/requests"))
        .body.requests;
      expect(log.length).toBe(result.calls);
      expect(log.length).toBeGreaterThan(6);
      expect(log.filter((r) => r.status === 429)).toEqual([]);
      // The sandbox's windows are whole seconds: two calls in each at most.
      const perWindow = new Map<number, number>();
      for (const r of log)
        perWindow.set(Math.floor(r.received_at / 1000), (perWindow.get(Math.floor(r.received_at / 1000)) ?? 0) + 1);
      expect(Math.max(...perWindow.values())).toBeLessThanOrEqual(2);
    } finally {
      await sandbox("DELETE", "/sandbox/faults");
    }
  }, 60_000);
});
