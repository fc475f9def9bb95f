/**
 * Data migrations rewrite rows stored by an earlier version. Each is run again here on rows
 * in their old shape, on a real database, and the rows are read back.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { upsertUser } from "@/lib/auth/connections";
import type { OpenDb } from "@/lib/db/client";
import { bulkJobs } from "@/lib/db/schema";
import { testDb } from "../../support/db";

let handle: OpenDb;
beforeAll(async () => {
  handle = await testDb();
});
afterAll(() => handle.close());

async function runMigration(file: string): Promise<void> {
  const text = readFileSync(path.join(process.cwd(), "lib", "db", "migrations", file), "utf8");
  for (const statement of text.split("--> statement-breakpoint")) await handle.db.execute(sql.raw(statement));
}

describe("0004: a job keeps its selection in brief", () => {
  it("keeps a count of ids, and a query with a count of exclusions; leaves undo and new rows alone", async () => {
    const userId = await upsertUser(handle.db, "lead@example.com", "Lead");
    const query = { field: "open", operator: "=", value: true };
    const stored = {
      ids: { kind: "ids", ids: ["1", "2", "3"] },
      query: { kind: "query", query, exclude: ["9", "8"] },
      queryAll: { kind: "query", query },
      undo: { kind: "undo" },
      brief: { kind: "ids", count: 7 },
    };
    const ids: Record<string, string> = {};
    for (const [name, selection] of Object.entries(stored)) {
      const [row] = await handle.db
        .insert(bulkJobs)
        .values({
          workspaceId: "ws",
          userId,
          kind: "apply",
          action: { type: "close" },
          // The shape an earlier version stored.
          selection: sql`${JSON.stringify(selection)}::jsonb`,
          label: "Close",
          total: 0,
        })
        .returning({ id: bulkJobs.id });
      ids[name] = row.id;
    }
    await runMigration("0004_job_source.sql");
    const read = async (name: string) =>
      (await handle.db.select({ s: bulkJobs.selection }).from(bulkJobs).where(eq(bulkJobs.id, ids[name])))[0].s;
    expect(await read("ids")).toEqual({ kind: "ids", count: 3 });
    expect(await read("query")).toEqual({ kind: "query", query, excluded: 2 });
    expect(await read("queryAll")).toEqual({ kind: "query", query, excluded: 0 });
    expect(await read("undo")).toEqual({ kind: "undo" });
    expect(await read("brief")).toEqual({ kind: "ids", count: 7 });
  });
});
