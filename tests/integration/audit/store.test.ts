/**
 * The audit log's store on a real database (PGlite, or PostgreSQL at DATABASE_URL): one
 * writer, filters, keyset paging, the retention sweep, and rows that cannot be updated.
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { auditFilterForm, auditQuery, parseTime } from "@/lib/audit/schema";
import { listAudit, recordAudit, sweepAudit } from "@/lib/audit/store";
import type { AuditActor, AuditEntry } from "@/lib/audit/types";
import type { Db } from "@/lib/db/client";
import { auditLog } from "@/lib/db/schema";
import { testDb } from "../../support/db";

let handle: Awaited<ReturnType<typeof testDb>>;
let db: Db;
beforeAll(async () => {
  handle = await testDb();
  db = handle.db;
});
afterAll(() => handle.close());

const ana: AuditActor = { userId: null, email: "ana@example.com", name: "Ana", adminId: "11" };
const ben: AuditActor = { userId: null, email: "Ben@Example.com", name: "Ben", adminId: "12" };
const entry = (over: Partial<AuditEntry> = {}): AuditEntry => ({
  workspaceId: "acme",
  actor: ana,
  action: "ticket.set_state",
  recordType: "ticket",
  recordId: "1",
  summary: "Set state of ticket #1 to Resolved",
  before: { state: "Submitted" },
  after: { state: "Resolved" },
  ...over,
});

describe("recordAudit and listAudit", () => {
  it("writes one entry or many, and lists a workspace's newest first with what changed", async () => {
    expect(await recordAudit(db, entry({ at: new Date("2026-01-01T10:00:00Z") }))).toBe(true);
    expect(
      await recordAudit(db, [
        entry({
          at: new Date("2026-01-02T10:00:00Z"),
          actor: ben,
          action: "ticket.delete",
          recordId: "2",
          summary: "Deleted ticket #2",
        }),
        entry({
          at: new Date("2026-01-03T10:00:00Z"),
          action: "view.created",
          recordType: "view",
          recordId: "v1",
          summary: "Saved the view Mine",
        }),
        entry({ at: new Date("2026-01-04T10:00:00Z"), workspaceId: "globex", summary: "Elsewhere" }),
        entry({
          at: new Date("2026-01-05T10:00:00Z"),
          workspaceId: null,
          action: "auth.sign_in",
          recordType: null,
          recordId: null,
          summary: "Signed in",
        }),
      ]),
    ).toBe(true);
    const page = await listAudit(db, "acme", {});
    expect(page.entries.map((e) => e.summary)).toEqual([
      "Saved the view Mine",
      "Deleted ticket #2",
      "Set state of ticket #1 to Resolved",
    ]);
    expect(page.entries[2]).toMatchObject({
      actorEmail: "ana@example.com",
      adminId: "11",
      before: { state: "Submitted" },
      after: { state: "Resolved" },
      outcome: "succeeded",
    });
    expect(page.nextCursor).toBeNull();
  });

  it("filters by actor (any case), action or action family, record, and time range", async () => {
    const summaries = async (f: Parameters<typeof listAudit>[2], tz = "UTC") =>
      (await listAudit(db, "acme", f, undefined, { timeZone: tz })).entries.map((e) => e.summary);
    expect(await summaries({ actor: "ben@example.COM" })).toEqual(["Deleted ticket #2"]);
    expect(await summaries({ action: "ticket.delete" })).toEqual(["Deleted ticket #2"]);
    expect(await summaries({ action: "ticket" })).toEqual(["Deleted ticket #2", "Set state of ticket #1 to Resolved"]);
    expect(await summaries({ recordType: "ticket", recordId: "1" })).toEqual(["Set state of ticket #1 to Resolved"]);
    expect(await summaries({ recordType: "view" })).toEqual(["Saved the view Mine"]);
    expect(await summaries({ from: "2026-01-02", to: "2026-01-02" })).toEqual(["Deleted ticket #2"]);
    // A bare date is a day in the workspace's timezone: 2 Jan in Tokyo ends at 15:00 UTC that day.
    expect(await summaries({ from: "2026-01-02", to: "2026-01-02" }, "Asia/Tokyo")).toEqual(["Deleted ticket #2"]);
    expect(await summaries({ from: "2026-01-03T00:00:00+09:00", to: "2026-01-03T18:59:00Z" }, "UTC")).toEqual([
      "Saved the view Mine",
    ]);
    expect(await summaries({ from: String(Date.parse("2026-01-02T12:00:00Z") / 1000) })).toEqual([
      "Saved the view Mine",
    ]);
  });

  it("pages by time and id without skipping or repeating rows, even with equal times", async () => {
    const at = new Date("2026-02-01T00:00:00Z");
    await recordAudit(
      db,
      Array.from({ length: 23 }, (_, i) =>
        entry({ workspaceId: "paged", at: i < 10 ? at : new Date(at.getTime() + i * 1000), summary: `row ${i}` }),
      ),
    );
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let i = 0; i < 10; i++) {
      const page = await listAudit(db, "paged", {}, cursor, { limit: 5 });
      seen.push(...page.entries.map((e) => e.summary));
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
      // A row written meanwhile does not shift the pages still to read.
      if (i === 1) await recordAudit(db, entry({ workspaceId: "paged", summary: "newer" }));
    }
    expect(seen).toHaveLength(23);
    expect(new Set(seen).size).toBe(23);
    expect(seen.slice(0, 13)).toEqual(Array.from({ length: 13 }, (_, i) => `row ${22 - i}`));
  });

  it("never throws into the caller when the write fails, and says so loudly", async () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    const ok = await recordAudit(db, entry({ actor: { ...ana, email: null as unknown as string } }));
    expect(ok).toBe(false);
    expect(error).toHaveBeenCalledWith(expect.stringContaining("AUDIT WRITE FAILED"));
    error.mockRestore();
  });
});

describe("an append-only table", () => {
  it("refuses to update an entry", async () => {
    const error = await db
      .update(auditLog)
      .set({ summary: "rewritten" })
      .where(sql`true`)
      .then(
        () => null,
        (e: unknown) => e as Error & { cause?: Error },
      );
    expect(error?.cause?.message ?? error?.message).toMatch(/append-only/);
    expect((await listAudit(db, "acme", {})).entries.map((e) => e.summary)).not.toContain("rewritten");
  });

  it("sweeps entries older than the retention period and keeps the rest", async () => {
    const now = new Date("2026-03-01T00:00:00Z");
    await recordAudit(db, [
      entry({ workspaceId: "sweep", at: new Date("2025-08-01T00:00:00Z"), summary: "old" }),
      entry({ workspaceId: "sweep", at: new Date("2026-02-20T00:00:00Z"), summary: "recent" }),
    ]);
    const removed = await sweepAudit(db, 180, now);
    expect(removed).toBeGreaterThanOrEqual(1);
    expect((await listAudit(db, "sweep", {})).entries.map((e) => e.summary)).toEqual(["recent"]);
    expect((await listAudit(db, "acme", {})).entries.length).toBe(3);
  });
});

describe("the filter schema shared by the form and the route", () => {
  it("accepts empty fields and real filters, refuses the rest with field errors", () => {
    expect(
      auditFilterForm.safeParse({ actor: "", action: "", recordType: "", recordId: "", from: "", to: "" }).success,
    ).toBe(true);
    expect(
      auditQuery.safeParse({
        actor: "ana@example.com",
        action: "bulk.item",
        recordType: "bulk_job",
        recordId: "abc-1",
        from: "2026-01-01",
        to: "1767312000",
      }).success,
    ).toBe(true);
    const bad = auditQuery.safeParse({ action: "DROP TABLE", recordType: "user", from: "yesterday", nope: "1" });
    expect(bad.success).toBe(false);
    const paths = bad.error!.issues.map((i) => i.path.join(".") || i.code);
    expect(paths).toEqual(expect.arrayContaining(["action", "recordType", "from"]));
    expect(auditQuery.safeParse({ from: "2026-02-01", to: "2026-01-01" }).error?.issues[0].path).toEqual(["to"]);
    expect(auditQuery.safeParse({ recordId: "12" }).error?.issues[0].path).toEqual(["recordType"]);
  });

  it("reads epoch seconds, milliseconds, zoned times and workspace-local dates", () => {
    expect(parseTime("1767225600", "UTC", "start")).toBe(1767225600);
    expect(parseTime("1767225600000", "UTC", "start")).toBe(1767225600);
    expect(parseTime("2026-01-01T00:00:00Z", "Asia/Tokyo", "start")).toBe(1767225600);
    expect(parseTime("2026-01-01", "Asia/Tokyo", "start")).toBe(1767225600 - 9 * 3600);
    expect(parseTime("2026-01-01", "UTC", "end")).toBe(1767225600 + 86_399);
  });
});
