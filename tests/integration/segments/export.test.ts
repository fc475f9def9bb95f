/**
 * Segment members and their CSV export against the sandbox over HTTP: the export holds every
 * member once, stays under the rate limit, and stops paging when the reader goes away.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { forgetCatalog } from "@/lib/catalog/server";
import { loadContactDetail } from "@/lib/contacts/detail";
import { parseCsv } from "@/lib/csv";
import { IntercomClient } from "@/lib/intercom/client";
import { contactListSchema } from "@/lib/intercom/schemas";
import type { RunningSandbox } from "@/lib/sandbox";
import { exportMembers } from "@/lib/segments/export";
import { contactSegments, listSegments, loadSegment } from "@/lib/segments/server";
import { bootSandbox, control } from "../../support/sandbox";

let sb: RunningSandbox;
let client: IntercomClient;
let ws: string;

beforeAll(async () => {
  sb = await bootSandbox();
  ws = sb.workspaces[0].id_code;
  client = new IntercomClient({
    baseUrl: sb.url,
    token: sb.workspaces[0].access_token,
    version: "2.14",
    timeoutMs: 10_000,
    actingAdminId: null,
  });
});
afterAll(() => sb.stop());
beforeEach(async () => {
  await control(sb.url)("DELETE", "/sandbox/faults");
  await control(sb.url)("DELETE", "/sandbox/requests");
  forgetCatalog(ws);
});

const bySegment = (id: string) => ({ field: "segment_id", operator: "=", value: id });

async function memberIds(segmentId: string): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await client.request("POST", "/contacts/search", contactListSchema, {
      body: {
        query: bySegment(segmentId),
        pagination: { per_page: 150, ...(cursor ? { starting_after: cursor } : {}) },
      },
    });
    ids.push(...page.data.map((c) => c.id));
    cursor = page.pages?.next?.starting_after ?? undefined;
  } while (cursor);
  return ids;
}

async function readAll(stream: ReadableStream<Uint8Array>): Promise<string> {
  return new Response(stream).text();
}

async function searches(): Promise<{ status: number }[]> {
  const log = await control(sb.url)<{ requests: { status: number }[] }>(
    "GET",
    "/sandbox/requests?method=POST&path_prefix=/contacts/search",
  );
  return log.body.requests;
}

describe("segments", () => {
  it("lists every segment with a count that equals its members, and a contact's segments agree", async () => {
    const segments = await listSegments(client);
    expect(segments.length).toBeGreaterThanOrEqual(8);
    for (const s of segments) expect(s.count, s.name).toBe((await memberIds(s.id)).length);
    // A segment of users holds no leads.
    for (const s of segments.filter((x) => x.personType === "user")) {
      const leads = await client.request("POST", "/contacts/search", contactListSchema, {
        body: {
          query: { operator: "AND", value: [bySegment(s.id), { field: "role", operator: "=", value: "lead" }] },
          pagination: { per_page: 1 },
        },
      });
      expect(leads.total_count, s.name).toBe(0);
    }
    const vip = segments.find((s) => s.name === "VIP customers")!;
    expect(await loadSegment(client, vip.id)).toEqual(vip);
    const member = (await memberIds(vip.id))[0];
    expect((await contactSegments(client, member)).map((s) => s.id)).toContain(vip.id);
    const detail = await loadContactDetail(client, ws, member);
    expect(detail.segments.map((s) => s.id)).toContain(vip.id);
    for (const s of detail.segments) expect(await memberIds(s.id), s.name).toContain(member);
  });

  it("exports every member once, with a header, in search order", async () => {
    const segment = (await listSegments(client)).find((s) => (s.count ?? 0) > 150)!;
    const { total, stream } = await exportMembers(client, ws, bySegment(segment.id), new AbortController().signal);
    expect(total).toBe(segment.count);
    const rows = parseCsv(await readAll(stream));
    expect(rows[0].slice(0, 5)).toEqual(["id", "external_id", "role", "name", "email"]);
    expect(rows.slice(1).map((r) => r[0])).toEqual(await memberIds(segment.id));
    expect(rows.every((r) => r.length === rows[0].length)).toBe(true);
  });

  it("paces itself under a tight rate limit: every page, and no 429", async () => {
    await control(sb.url)("POST", "/sandbox/faults", { rate_limit_per_window: 10, window_seconds: 1 });
    const segment = (await listSegments(client)).find((s) => (s.count ?? 0) > 150)!;
    const { stream } = await exportMembers(client, ws, bySegment(segment.id), new AbortController().signal, 10);
    const rows = parseCsv(await readAll(stream));
    expect(rows.length - 1).toBe(segment.count);
    const log = await searches();
    expect(log.filter((r) => r.status === 429)).toEqual([]);
    // More pages than one window allows: unpaced, some would have been refused.
    expect(log.length).toBeGreaterThan(10);
  });

  it("stops asking for pages when the reader cancels", async () => {
    await control(sb.url)("POST", "/sandbox/faults", { latency_ms: 150 });
    const segment = (await listSegments(client)).find((s) => (s.count ?? 0) > 150)!;
    const ctl = new AbortController();
    const { stream } = await exportMembers(client, ws, bySegment(segment.id), ctl.signal, 10);
    const reader = stream.getReader();
    await reader.read();
    await reader.read();
    await reader.cancel();
    await new Promise((r) => setTimeout(r, 600));
    const atCancel = (await searches()).length;
    await new Promise((r) => setTimeout(r, 800));
    expect((await searches()).length).toBe(atCancel);
    expect(atCancel).toBeLessThan(Math.ceil(segment.count! / 10));
  });
});
