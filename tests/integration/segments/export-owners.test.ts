/**
 * A segment export belongs to the lead and workspace that started it: its id, chosen by the
 * browser, reaches no one else's export. And an export that stops before its last member
 * ends its stream with an error, never as a complete-looking file. The route handlers run
 * with a fake session and a real database, against the sandbox over HTTP.
 */
import { NextRequest } from "next/server";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { findConnection, markNeedsReconnect, upsertConnection, upsertUser } from "@/lib/auth/connections";
import type { SessionUser } from "@/lib/auth/session";
import { forgetCatalog } from "@/lib/catalog/server";
import { parseCsv } from "@/lib/csv";
import { createRoute } from "@/lib/http/wrapper";
import { IntercomClient } from "@/lib/intercom/client";
import type { RunningSandbox } from "@/lib/sandbox";
import { makeSegmentExportHandlers } from "@/lib/segments/export-handlers";
import { listSegments } from "@/lib/segments/server";
import type { SegmentSummary } from "@/lib/segments/types";
import { testDb } from "../../support/db";
import { bootSandbox, control } from "../../support/sandbox";

process.env.AUTH_SECRET = "segment-export-owners-test-secret";
const ORIGIN = "http://localhost:3999";
const PER_PAGE = 10;

let sb: RunningSandbox;
let handle: Awaited<ReturnType<typeof testDb>>;
let ana: SessionUser;
let ben: SessionUser;
let signedIn: SessionUser | null = null;
/** Per workspace: a segment of a few pages of members. */
const segmentOf: Record<string, SegmentSummary> = {};
let us: string;
let eu: string;

const route = createRoute({
  getUser: async () => signedIn,
  findConnection: (u, ws) => findConnection(handle.db, u.id, ws),
  allowedOrigin: () => ORIGIN,
  markNeedsReconnect: (connection) => markNeedsReconnect(handle.db, connection),
});
const handlers = makeSegmentExportHandlers(route);

async function lead(email: string, workspaces: string[]): Promise<SessionUser> {
  const name = email.split("@")[0];
  const id = await upsertUser(handle.db, email, name);
  for (const idCode of workspaces) {
    const ws = sb.workspaces.find((w) => w.id_code === idCode)!;
    await upsertConnection(handle.db, {
      userId: id,
      workspaceId: idCode,
      workspaceName: ws.name,
      region: ws.region,
      timezone: "UTC",
      target: "sandbox",
      adminId: "1",
      adminName: name,
      adminEmail: email,
      accessToken: ws.access_token,
    });
  }
  return { id, email, name, lastWorkspace: workspaces[0] ?? null, sessionId: `session-${name}` };
}

beforeAll(async () => {
  sb = await bootSandbox();
  // Connections with the sandbox as their target call the URL in the configuration.
  process.env.SANDBOX_URL = sb.url;
  handle = await testDb();
  [us, eu] = sb.workspaces.map((w) => w.id_code);
  ana = await lead("ana@example.com", [us, eu]);
  ben = await lead("ben@example.com", [us]);
  for (const w of sb.workspaces) {
    const client = new IntercomClient({
      baseUrl: sb.url,
      token: w.access_token,
      version: "2.14",
      timeoutMs: 10_000,
      actingAdminId: null,
    });
    const sized = (await listSegments(client))
      .filter((s) => (s.count ?? 0) >= 4 * PER_PAGE)
      .sort((a, b) => (a.count ?? 0) - (b.count ?? 0));
    segmentOf[w.id_code] = sized[0];
  }
});
afterAll(async () => {
  await handle?.close();
  await sb?.stop();
});
beforeEach(async () => {
  await control(sb.url)("DELETE", "/sandbox/faults");
  for (const w of sb.workspaces) forgetCatalog(w.id_code);
});

interface Started {
  reader: ReadableStreamDefaultReader<Uint8Array>;
  /** Everything left, with what was already read; rejects if the stream errors. */
  rest: () => Promise<string>;
  /** Reads one chunk. */
  chunk: () => Promise<string>;
}

async function startExport(as: SessionUser, ws: string, exportId: string, signal?: AbortSignal): Promise<Started> {
  signedIn = as;
  const segment = segmentOf[ws];
  const url = `${ORIGIN}/api/w/${ws}/segments/${segment.id}/export?export_id=${exportId}&per_page=${PER_PAGE}`;
  const res = await handlers.start(new NextRequest(url, { signal }), {
    params: Promise.resolve({ workspace: ws, id: segment.id }),
  });
  if (res.status !== 200) throw new Error(`The export answered ${res.status}: ${await res.text()}`);
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let text = "";
  const chunk = async () => {
    const { done, value } = await reader.read();
    const piece = done ? "" : decoder.decode(value, { stream: true });
    text += piece;
    return piece;
  };
  const rest = async () => {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return text;
      text += decoder.decode(value, { stream: true });
    }
  };
  return { reader, rest, chunk };
}

async function cancel(
  as: SessionUser,
  ws: string,
  exportId: string,
): Promise<{ status: number; body: { cancelled?: boolean } }> {
  signedIn = as;
  const segment = segmentOf[ws];
  const url = `${ORIGIN}/api/w/${ws}/segments/${segment.id}/export?export_id=${exportId}`;
  const res = await handlers.cancel(new NextRequest(url, { method: "DELETE", headers: { origin: ORIGIN } }), {
    params: Promise.resolve({ workspace: ws, id: segment.id }),
  });
  return { status: res.status, body: await res.json() };
}

/** A whole file: the header and one row per member of the workspace's segment. */
function expectComplete(text: string, ws: string) {
  const rows = parseCsv(text);
  expect(rows[0].slice(0, 2)).toEqual(["id", "external_id"]);
  expect(rows.length - 1).toBe(segmentOf[ws].count);
}

describe("who an export belongs to", () => {
  it("another lead's export with the same id, in the same workspace, leaves the first running", async () => {
    const id = "shared-export-id-1";
    const anas = await startExport(ana, us, id);
    await anas.chunk();
    const bens = await startExport(ben, us, id);
    await bens.chunk();
    expectComplete(await anas.rest(), us);
    expectComplete(await bens.rest(), us);
  });

  it("another lead cannot cancel it by its id", async () => {
    const id = "shared-export-id-2";
    const anas = await startExport(ana, us, id);
    await anas.chunk();
    expect(await cancel(ben, us, id)).toEqual({ status: 200, body: { cancelled: false } });
    expectComplete(await anas.rest(), us);
  });

  it("the same id in another workspace is another export", async () => {
    const id = "shared-export-id-3";
    const inUs = await startExport(ana, us, id);
    await inUs.chunk();
    const inEu = await startExport(ana, eu, id);
    await inEu.chunk();
    expect(await cancel(ana, eu, id)).toEqual({ status: 200, body: { cancelled: true } });
    await expect(inEu.rest()).rejects.toThrow(/cancelled/);
    expectComplete(await inUs.rest(), us);
  });

  it("the same lead re-using an id replaces only their own export, which ends in an error", async () => {
    const id = "shared-export-id-4";
    const bens = await startExport(ben, us, id);
    await bens.chunk();
    const first = await startExport(ana, us, id);
    await first.chunk();
    const second = await startExport(ana, us, id);
    await expect(first.rest()).rejects.toThrow(/replaced/);
    expectComplete(await second.rest(), us);
    expectComplete(await bens.rest(), us);
  });
});

describe("an export that stops early", () => {
  it("errors its stream when cancelled, rather than ending as if complete", async () => {
    const id = "cancelled-export-1";
    const started = await startExport(ana, us, id);
    await started.chunk();
    await started.chunk();
    expect(await cancel(ana, us, id)).toEqual({ status: 200, body: { cancelled: true } });
    await expect(started.rest()).rejects.toThrow(/cancelled/);
  });

  it("errors its stream when Intercom fails mid-way", async () => {
    const started = await startExport(ana, us, "failing-export-1");
    await started.chunk();
    await control(sb.url)("POST", "/sandbox/faults", {
      fail_next: [{ method: "POST", path: "/contacts/search", status: 500 }],
    });
    await expect(started.rest()).rejects.toThrow();
  });

  it("errors its stream when the request is aborted", async () => {
    const gone = new AbortController();
    const started = await startExport(ana, us, "aborted-export-1", gone.signal);
    await started.chunk();
    gone.abort();
    await expect(started.rest()).rejects.toThrow();
  });
});

describe("a cancel before the first page", () => {
  const searches = async () =>
    (
      await control(sb.url)<{ requests: unknown[] }>(
        "GET",
        `/sandbox/requests?method=POST&path_prefix=/contacts/search&id_code=${us}`,
      )
    ).body.requests.length;
  const startRaw = (exportId: string) => {
    signedIn = ana;
    const segment = segmentOf[us];
    const url = `${ORIGIN}/api/w/${us}/segments/${segment.id}/export?export_id=${exportId}&per_page=${PER_PAGE}`;
    return handlers.start(new NextRequest(url), { params: Promise.resolve({ workspace: us, id: segment.id }) });
  };

  it("stops an export whose cancel arrived before it: not one page is asked for", async () => {
    await control(sb.url)("DELETE", "/sandbox/requests");
    expect(await cancel(ana, us, "early-cancel-1")).toEqual({ status: 200, body: { cancelled: false } });
    const res = await startRaw("early-cancel-1");
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("request_aborted");
    expect(await searches()).toBe(0);
  });

  it("stops an export cancelled while its segment is still being read: not one page is asked for", async () => {
    await control(sb.url)("POST", "/sandbox/faults", { latency_ms: 400 });
    await control(sb.url)("DELETE", "/sandbox/requests");
    const started = startRaw("early-cancel-2");
    await new Promise((r) => setTimeout(r, 100));
    expect(await cancel(ana, us, "early-cancel-2")).toEqual({ status: 200, body: { cancelled: true } });
    expect((await started).status).toBe(400);
    // Whatever was in flight has landed by now.
    await new Promise((r) => setTimeout(r, 1_000));
    expect(await searches()).toBe(0);
  });
});
