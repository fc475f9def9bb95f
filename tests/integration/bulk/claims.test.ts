/**
 * Claims across instances and restarts, on PGlite and (with DATABASE_URL) PostgreSQL: an
 * instance started again with its old id takes its own claims over at once, another instance
 * waits out their lease (and the job says so), and two instances never run one ticket twice.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { claimItems } from "@/lib/bulk/claims";
import { jobById } from "@/lib/bulk/store";
import { itemCounts, summarize } from "@/lib/bulk/summaries";
import { bulkWorld, type BulkWorld } from "./support";

let world: BulkWorld;
beforeAll(async () => {
  world = await bulkWorld(2);
}, 120_000);
afterAll(() => world.close());
beforeEach(() => world.reset());

/** A job of `n` tickets to share, whose first `held` items instance "before" claimed (30 s lease) and then died. */
async function jobWithDeadClaims(n: number, held: number) {
  const chosen = world.fresh(n, (t) => !t.is_shared);
  const jobId = await world.job({ kind: "ids", ids: chosen.map((t) => t.id) }, { type: "set_shared", shared: true });
  const claimed = await claimItems(world.handle.db, jobId, "before", held, 30_000);
  expect(claimed).toHaveLength(held);
  return { jobId, chosen };
}

describe("claims after a restart", () => {
  it("a runner with the same instance id takes its own earlier claims over at once", async () => {
    const { jobId, chosen } = await jobWithDeadClaims(40, 12);
    const started = Date.now();
    const runner = world.runner({ concurrency: 4, instanceId: "before" });
    expect(await world.settle(jobId, 20_000)).toBe("completed");
    // Far less than the 30 s lease.
    expect(Date.now() - started).toBeLessThan(10_000);
    await runner.stop();
    expect(await itemCounts(world.handle.db, jobId)).toMatchObject({ succeeded: 40, running: 0 });
    const puts = (await world.log()).filter((r) => r.method === "PUT" && r.applied);
    expect(new Set(puts.map((r) => r.path)).size).toBe(40);
    expect(puts).toHaveLength(40);
    for (const t of chosen) expect(world.store.tickets.get(t.id)!.is_shared).toBe(true);
  }, 30_000);

  it("a runner with another id waits for the lease, and the job says what it waits on", async () => {
    const { jobId, chosen } = await jobWithDeadClaims(30, 12);
    const runner = world.runner({ concurrency: 4, instanceId: "after" });
    // Everything it may take is done; the 12 tickets another instance holds are left alone.
    for (;;) {
      const c = await itemCounts(world.handle.db, jobId);
      if (c.pending === 0 && c.succeeded === 18) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    await new Promise((r) => setTimeout(r, 500));
    expect(await itemCounts(world.handle.db, jobId)).toMatchObject({ succeeded: 18, running: 12 });
    const job = (await jobById(world.handle.db, jobId))!;
    expect(job.state).toBe("running");
    const summary = await summarize(world.handle.db, job, { here: "after" });
    expect(summary.waiting?.tickets).toBe(12);
    expect(summary.waiting?.seconds).toBeGreaterThan(20);
    expect(summary.waiting?.seconds).toBeLessThanOrEqual(30);
    const touched = new Set((await world.log()).filter((r) => r.method === "PUT").map((r) => r.path));
    expect(touched.size).toBe(18);
    for (const t of chosen.slice(0, 12)) expect(world.store.tickets.get(t.id)!.is_shared).toBe(false);
    await runner.stop();
  }, 30_000);

  it("two instances sharing a job never run one ticket twice", async () => {
    const chosen = world.fresh(240, (t) => !t.is_shared);
    const jobId = await world.job({ kind: "ids", ids: chosen.map((t) => t.id) }, { type: "set_shared", shared: true });
    await world.faults({ latency_ms: 15 });
    const a = world.runner({ concurrency: 8, instanceId: "a", leaseMs: 2_000 });
    const b = world.runner({ concurrency: 8, instanceId: "b", leaseMs: 2_000 });
    expect(await world.settle(jobId, 60_000)).toBe("completed");
    await Promise.all([a.stop(), b.stop()]);
    const puts = (await world.log()).filter((r) => r.method === "PUT");
    expect(puts).toHaveLength(240);
    expect(new Set(puts.map((r) => r.path)).size).toBe(240);
    for (const t of chosen) expect(world.store.tickets.get(t.id)!.is_shared).toBe(true);
  }, 90_000);
});
