import { describe, expect, it } from "vitest";
import { AuditBatch } from "@/lib/audit/bulk";
import type { AuditEntry } from "@/lib/audit/types";
import type { Db } from "@/lib/db/client";

/** A database whose inserts wait until released, recording the rows of each. */
function slowDb() {
  const written: number[] = [];
  const held: (() => void)[] = [];
  const db = {
    insert: () => ({
      values: (rows: unknown[]) =>
        new Promise<void>((resolve) =>
          held.push(() => {
            written.push(rows.length);
            resolve();
          }),
        ),
    }),
  } as unknown as Db;
  const releaseAll = async () => {
    while (held.length > 0) {
      held.shift()!();
      await new Promise((r) => setTimeout(r, 0));
    }
  };
  return { db, written, held, releaseAll };
}

const entry = (i: number): AuditEntry => ({
  workspaceId: "w",
  actor: { userId: "u", email: "lead@example.com", name: null, adminId: null },
  action: "bulk.item",
  summary: `item ${i}`,
});

describe("a job's audit batch", () => {
  it("lets one batch wait behind the one being written, then makes the runner wait for the database", async () => {
    const { db, written, held, releaseAll } = slowDb();
    const batch = new AuditBatch(db, 2);
    // The first batch is being written, the second waits: adding still returns at once.
    for (let i = 0; i < 3; i++) await batch.add(entry(i));
    let waited = false;
    const fourth = batch.add(entry(3)).then(() => (waited = true));
    await new Promise((r) => setTimeout(r, 20));
    expect(held.length).toBe(1);
    expect(waited).toBe(false);
    await releaseAll();
    await fourth;
    expect(written).toEqual([2, 2]);
    expect(waited).toBe(true);
  });
});
