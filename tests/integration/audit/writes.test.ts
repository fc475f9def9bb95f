/**
 * Every kind of change made through the dashboard leaves its audit row: record actions (and
 * failed attempts), type changes, conversions, bulk jobs and each of their tickets, saved
 * views, and the read-only audit routes themselves. Against the sandbox over HTTP and a real
 * database, as the route handlers run them.
 */
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jobEntry } from "@/lib/audit/bulk";
import { makeAuditHandlers } from "@/lib/audit/handlers";
import {
  auditedChangeType,
  auditedConversationAction,
  auditedConvert,
  auditedTicketAction,
  type AuditContext,
} from "@/lib/audit/records";
import { actorOf, listAudit, recordAudit } from "@/lib/audit/store";
import type { AuditView } from "@/lib/audit/types";
import { findConnection, markNeedsReconnect, upsertConnection } from "@/lib/auth/connections";
import type { SessionUser } from "@/lib/auth/session";
import { jobById } from "@/lib/bulk/store";
import { forgetCatalog, loadCatalog } from "@/lib/catalog/server";
import type { WorkspaceCatalog } from "@/lib/catalog/types";
import { parseCsv } from "@/lib/csv";
import { createRoute } from "@/lib/http/wrapper";
import { conversationSchema } from "@/lib/intercom/schemas";
import { makeViewsHandlers } from "@/lib/views/handlers";
import { bulkWorld, type BulkWorld } from "../bulk/support";
import { lead, viewBody } from "../views/fixtures";
import { requiredValues } from "../../support/sandbox";

process.env.AUTH_SECRET = "audit-writes-test-secret";
const ORIGIN = "http://localhost:3999";

let world: BulkWorld;
let catalog: WorkspaceCatalog;
let ctx: AuditContext;
let user: SessionUser;
let stranger: SessionUser;
let signedIn: SessionUser | null = null;

beforeAll(async () => {
  world = await bulkWorld();
  catalog = await loadCatalog(world.client, world.ws);
  user = {
    id: world.userId,
    email: `lead-${world.ws}@example.com`,
    name: "Lead",
    lastWorkspace: world.ws,
    sessionId: "test-session",
  };
  await upsertConnection(world.handle.db, {
    userId: user.id,
    workspaceId: world.ws,
    workspaceName: "Northwind",
    region: "US",
    timezone: "UTC",
    target: "sandbox",
    adminId: world.adminId,
    adminName: "Lead",
    adminEmail: user.email,
    accessToken: "sbx_oat_unused",
  });
  stranger = await lead(world.handle.db, "stranger@example.com", ["elsewhere"]);
  ctx = { db: world.handle.db, actor: actorOf(user, { adminId: world.adminId }), workspaceId: world.ws };
}, 120_000);
afterAll(() => world.close());

const route = createRoute({
  getUser: async () => signedIn,
  findConnection: (u, ws) => findConnection(world.handle.db, u.id, ws),
  allowedOrigin: () => ORIGIN,
  markNeedsReconnect: (connection) => markNeedsReconnect(world.handle.db, connection),
});

async function call(
  handler: (req: NextRequest, c: { params: Promise<Record<string, string>> }) => Promise<Response>,
  method: string,
  path: string,
  init: { as?: SessionUser | null; id?: string; body?: unknown } = {},
) {
  signedIn = init.as === undefined ? user : init.as;
  const ws = /\/api\/w\/([^/]+)/.exec(path)![1];
  const headers: Record<string, string> = { origin: ORIGIN };
  if (init.body !== undefined) headers["content-type"] = "application/json";
  const req = new NextRequest(ORIGIN + path, {
    method,
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  return handler(req, { params: Promise.resolve({ workspace: ws, ...(init.id ? { id: init.id } : {}) }) });
}

/** The newest entries of the workspace for one record. */
async function entriesFor(
  recordType: "ticket" | "conversation" | "view" | "bulk_job",
  recordId: string,
): Promise<AuditView[]> {
  return (await listAudit(world.handle.db, world.ws, { recordType, recordId })).entries;
}

const used = new Set<string>();
function ticketWith(keep: (t: ReturnType<BulkWorld["store"]["tickets"]["get"]> & object) => boolean) {
  const t = [...world.store.tickets.values()].find((x) => !used.has(x.id) && x.open && keep(x))!;
  used.add(t.id);
  return t;
}

describe("single-record actions", () => {
  it("records a ticket's state change with who, as which admin, and the state before and after", async () => {
    const t = ticketWith((x) => world.store.ticketTypes.get(x.ticket_type_id)!.state_ids.length > 1);
    const type = world.store.ticketTypes.get(t.ticket_type_id)!;
    const from = world.store.ticketStates.get(t.ticket_state_id)!;
    const to = world.store.ticketStates.get(type.state_ids.find((s) => s !== t.ticket_state_id)!)!;
    await auditedTicketAction(ctx, world.client, catalog, t.id, { type: "set_state", states: { [type.id]: to.id } });
    const [e] = await entriesFor("ticket", t.id);
    expect(e).toMatchObject({
      action: "ticket.set_state",
      actorEmail: user.email,
      adminId: world.adminId,
      outcome: "succeeded",
      summary: `Set ${type.name} tickets to ${to.internal_label}: ticket #${t.ticket_id}`,
      before: { state: from.internal_label },
      after: { state: to.internal_label },
    });
  });

  it("records a refused attempt as failed, and the change it tried", async () => {
    const t = ticketWith(() => true);
    const foreign = catalog.ticketTypes
      .flatMap((x) => x.ticket_states)
      .find((s) => !world.store.ticketTypes.get(t.ticket_type_id)!.state_ids.includes(s.id))!;
    await expect(
      auditedTicketAction(ctx, world.client, catalog, t.id, {
        type: "set_state",
        states: { [t.ticket_type_id]: foreign.id },
      }),
    ).rejects.toThrow(/not one of/);
    const [e] = await entriesFor("ticket", t.id);
    expect(e).toMatchObject({ action: "ticket.set_state", outcome: "failed", after: null });
    expect(e.summary).toMatch(/failed: That state is not one of/);
  });

  it("records a deletion with what the ticket was, and an assignment with names", async () => {
    const t = ticketWith(() => true);
    await auditedTicketAction(ctx, world.client, catalog, t.id, { type: "delete", confirm: `#${t.ticket_id}` });
    const [deleted] = await entriesFor("ticket", t.id);
    expect(deleted).toMatchObject({
      action: "ticket.delete",
      outcome: "succeeded",
      after: { deleted: true },
      summary: `Delete: ticket #${t.ticket_id}`,
    });
    expect(deleted.before).toMatchObject({ title: t.attributes._default_title_ });

    const u = ticketWith(() => true);
    const admin = catalog.admins.find((a) => a.id !== u.admin_assignee_id)!;
    await auditedTicketAction(ctx, world.client, catalog, u.id, { type: "assign_admin", admin_id: admin.id });
    const [assigned] = await entriesFor("ticket", u.id);
    expect(assigned).toMatchObject({ action: "ticket.assign_admin", after: { assignee: admin.name } });
  });

  it("records conversation actions, and a redaction without the words it removed", async () => {
    const c = [...world.store.conversations.values()].find(
      (x) => x.state === "open" && x.parts.length > 2 && x.parts.length < 50,
    )!;
    await auditedConversationAction(ctx, world.client, catalog, c.id, { type: "close" });
    let [e] = await entriesFor("conversation", c.id);
    expect(e).toMatchObject({
      action: "conversation.close",
      before: { state: "open" },
      after: { state: "closed" },
      outcome: "succeeded",
    });

    const part = c.parts.find((p) => p.part_type === "comment" && p.body)!;
    const words = part.body!.replace(/<[^>]+>/g, "").slice(0, 30);
    await auditedConversationAction(ctx, world.client, catalog, c.id, { type: "redact", part_id: part.id });
    [e] = await entriesFor("conversation", c.id);
    expect(e).toMatchObject({ action: "conversation.redact", outcome: "succeeded" });
    expect(JSON.stringify(e)).not.toContain(words);
  });

  it("records a type change and a conversion with their values", async () => {
    forgetCatalog(world.ws);
    const types = [...world.store.ticketTypes.values()];
    const to = types.find((x) => x.category === "Customer" && !x.archived)!;
    const required = requiredValues(to);
    const t = ticketWith((x) => {
      const tt = world.store.ticketTypes.get(x.ticket_type_id)!;
      return tt.category === "Customer" && tt.id !== to.id;
    });
    const fromName = world.store.ticketTypes.get(t.ticket_type_id)!.name;
    await auditedChangeType(ctx, world.client, t.id, { ticket_type_id: to.id, ticket_attributes: required });
    const [changed] = await entriesFor("ticket", t.id);
    expect(changed).toMatchObject({
      action: "ticket.change_type",
      outcome: "succeeded",
      before: { type: fromName },
      after: { type: to.name },
    });

    const conv = [...world.store.conversations.values()].find(
      (x) => !x.ticket_id && x.state === "open" && x.id !== undefined,
    )!;
    const made = await auditedConvert(ctx, world.client, conv.id, {
      ticket_type_id: to.id,
      attributes: { ...required, _default_title_: "Converted", _default_description_: "From a chat" },
    });
    const [converted] = await entriesFor("conversation", conv.id);
    expect(converted).toMatchObject({
      action: "conversation.convert",
      summary: `Converted conversation ${conv.id} to ticket #${made.ticketNumber}`,
    });
    expect((await world.client.request("GET", `/conversations/${conv.id}`, conversationSchema)).ticket).toBeTruthy();
  });
});

describe("bulk jobs", () => {
  it("records one row per finished ticket, with the job and the values before and after", async () => {
    const chosen = [...world.store.tickets.values()].filter((x) => !used.has(x.id) && x.open).slice(0, 5);
    chosen.forEach((x) => used.add(x.id));
    const jobId = await world.job({ kind: "ids", ids: chosen.map((x) => x.id) }, { type: "close" });
    const job = (await jobById(world.handle.db, jobId))!;
    await recordAudit(world.handle.db, jobEntry(job, ctx.actor, "bulk.job_created"));
    const runner = world.runner();
    expect(await world.settle(jobId)).toBe("completed");
    await runner.stop();
    const rows = await entriesFor("bulk_job", jobId);
    expect(rows.filter((r) => r.action === "bulk.job_created")).toHaveLength(1);
    const items = rows.filter((r) => r.action === "bulk.item");
    expect(items.map((r) => r.recordId).sort()).toEqual(chosen.map((x) => x.id).sort());
    for (const r of items) {
      expect(r).toMatchObject({
        jobId,
        recordType: "ticket",
        outcome: "succeeded",
        actorEmail: user.email,
        adminId: world.adminId,
        before: { open: true },
        after: { open: false },
      });
    }

    // Its undo: each ticket reopened, recorded from closed back to open.
    const undoId = await world.undo(jobId);
    const undoRunner = world.runner();
    expect(await world.settle(undoId)).toBe("completed");
    await undoRunner.stop();
    const undone = (await entriesFor("bulk_job", undoId)).filter((r) => r.action === "bulk.item");
    expect(undone).toHaveLength(chosen.length);
    for (const r of undone)
      expect(r).toMatchObject({ jobId: undoId, outcome: "succeeded", before: { open: false }, after: { open: true } });
  });
});

describe("saved views", () => {
  const views = () => makeViewsHandlers(route, async () => world.handle.db);

  it("records a view created, renamed and deleted", async () => {
    const res = await call(views().create, "POST", `/api/w/${world.ws}/views`, {
      body: viewBody("tickets", "Audit me", false),
    });
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: string };
    expect(
      (await call(views().update, "PATCH", `/api/w/${world.ws}/views/${id}`, { id, body: { name: "Audited" } })).status,
    ).toBe(200);
    expect((await call(views().remove, "DELETE", `/api/w/${world.ws}/views/${id}`, { id })).status).toBe(200);
    const rows = await entriesFor("view", id);
    expect(rows.map((r) => [r.action, r.summary])).toEqual([
      ["view.deleted", "Deleted the view Audited"],
      ["view.updated", "Renamed the view Audit me to Audited"],
      ["view.created", "Saved the personal view Audit me"],
    ]);
    expect(rows[1]).toMatchObject({ before: { name: "Audit me" }, after: { name: "Audited" } });
  });
});

describe("the audit routes", () => {
  const audit = () => makeAuditHandlers(route, async () => world.handle.db);
  const base = () => `/api/w/${world.ws}/audit`;

  it("lists the workspace's entries with filters and a cursor, and refuses bad filters", async () => {
    let res = await call(audit().list, "GET", `${base()}?action=view.created`);
    expect(res.status).toBe(200);
    const page = (await res.json()) as { entries: AuditView[]; nextCursor: string | null };
    expect(page.entries.length).toBeGreaterThan(0);
    expect(page.entries.every((e) => e.action === "view.created")).toBe(true);
    res = await call(audit().list, "GET", `${base()}?action=DROP%20TABLE&from=soon`);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { fields: Record<string, string> } }).error.fields).toHaveProperty("from");
    res = await call(audit().list, "GET", `${base()}?cursor=bm9wZQ`);
    expect(res.status).toBe(400);
  });

  it("answers 401 without a session, 404 to a lead of another workspace, and 405 to any change", async () => {
    expect((await call(audit().list, "GET", base(), { as: null })).status).toBe(401);
    const other = await call(audit().list, "GET", base(), { as: stranger });
    expect(other.status).toBe(404);
    expect(((await other.json()) as { error: { code: string } }).error.code).toBe("workspace_not_found");
    for (const method of ["DELETE", "PUT", "POST"]) {
      const res = await call(audit().readOnly, method, base());
      expect(res.status).toBe(405);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe("method_not_allowed");
    }
  });

  it("exports the same filters as CSV, one row per entry", async () => {
    const res = await call(audit().export, "GET", `${base()}?recordType=view`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/text\/csv/);
    const rows = parseCsv(await res.text());
    expect(rows[0]).toEqual([
      "at",
      "actor_email",
      "actor_name",
      "admin_id",
      "action",
      "record_type",
      "record_id",
      "summary",
      "before",
      "after",
      "job_id",
      "outcome",
    ]);
    const listed = (await listAudit(world.handle.db, world.ws, { recordType: "view" })).entries;
    expect(rows.slice(1).map((r) => r[7])).toEqual(listed.map((e) => e.summary));
    expect(JSON.parse(rows[1][8] || "null")).toEqual(listed[0].before);
  });
});
