/**
 * Jobs of a connection Intercom no longer accepts: the runner, connected the way the server
 * connects it (the lead's stored connection, a real OAuth token, the sandbox over HTTP),
 * pauses them with a reason and sends no call with the dead token.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findConnection, markNeedsReconnect, upsertConnection } from "@/lib/auth/connections";
import { BulkRunner, RECONNECT_REASON } from "@/lib/bulk/runner";
import { connectJob } from "@/lib/bulk/runtime";
import { jobById, transition } from "@/lib/bulk/store";
import { itemCounts } from "@/lib/bulk/summaries";
import { ticketTypeListSchema } from "@/lib/intercom/schemas";
import { control, oauthToken } from "../../support/sandbox";
import { bulkWorld, type BulkWorld } from "./support";

process.env.AUTH_SECRET = "bulk-reconnect-test-secret";

let world: BulkWorld;
let runner: BulkRunner;
let token: string;

/** Stores (again) the lead's connection with a fresh token: active, as after reconnecting. */
async function reconnect(): Promise<void> {
  token = await oauthToken(world.sb.url, world.ws, world.adminId);
  await upsertConnection(world.handle.db, {
    userId: world.userId,
    workspaceId: world.ws,
    workspaceName: "Northwind Support",
    region: "US",
    timezone: "UTC",
    target: "sandbox",
    adminId: world.adminId,
    adminName: "Lead",
    adminEmail: "lead@example.com",
    accessToken: token,
  });
}
async function markDead(): Promise<void> {
  await markNeedsReconnect(world.handle.db, (await findConnection(world.handle.db, world.userId, world.ws))!);
}
async function lastSeq(): Promise<number> {
  return (await control(world.sb.url)<{ last_seq: number }>("GET", "/sandbox/requests")).body.last_seq;
}
async function sentWith(since: number, t: string): Promise<unknown[]> {
  return (
    await control(world.sb.url)<{ requests: unknown[] }>(
      "GET",
      `/sandbox/requests?since=${since}&token=${encodeURIComponent(t)}`,
    )
  ).body.requests;
}

const tickets = (n: number) => world.fresh(n, (t) => !t.is_shared);

beforeAll(async () => {
  world = await bulkWorld();
  process.env.SANDBOX_URL = world.sb.url;
  runner = new BulkRunner({
    db: world.handle.db,
    concurrency: 2,
    pollMs: 100,
    log: () => {},
    connect: connectJob(world.handle.db),
    loadTypes: async (client) => (await client.request("GET", "/ticket_types", ticketTypeListSchema)).data,
  });
}, 120_000);
afterAll(async () => {
  await runner.stop();
  await world.close();
});

describe("jobs of a connection that must be reconnected", () => {
  it("are paused with the reason before any call, and run once the lead reconnects", async () => {
    await reconnect();
    await markDead();
    const chosen = tickets(5);
    const jobId = await world.job({ kind: "ids", ids: chosen.map((t) => t.id) }, { type: "set_shared", shared: true });
    const mark = await lastSeq();
    runner.start();
    expect(await world.settle(jobId)).toBe("paused");
    expect((await jobById(world.handle.db, jobId))!.pausedReason).toBe(RECONNECT_REASON);
    expect(await sentWith(mark, token)).toEqual([]);
    expect((await itemCounts(world.handle.db, jobId)).pending).toBe(5);

    await reconnect();
    await transition(world.handle.db, jobId, ["paused"], "queued", { pausedReason: null });
    runner.wake();
    expect(await world.settle(jobId)).toBe("completed");
    expect(chosen.every((t) => world.store.tickets.get(t.id)!.is_shared)).toBe(true);
  }, 60_000);

  it("stop sending calls once the connection is marked mid-job, and pause", async () => {
    await reconnect();
    await world.faults({ latency_ms: 40 });
    const chosen = tickets(60);
    const jobId = await world.job({ kind: "ids", ids: chosen.map((t) => t.id) }, { type: "set_shared", shared: true });
    runner.wake();
    await expect
      .poll(async () => (await itemCounts(world.handle.db, jobId)).succeeded, { timeout: 30_000, interval: 20 })
      .toBeGreaterThanOrEqual(4);
    await markDead();
    const mark = await lastSeq();
    expect(await world.settle(jobId)).toBe("paused");
    await world.faults(null);
    expect((await jobById(world.handle.db, jobId))!.pausedReason).toBe(RECONNECT_REASON);
    // Only the calls already in flight (one item per worker, each a call or two) may land after the mark.
    expect((await sentWith(mark, token)).length).toBeLessThanOrEqual(4);
    expect((await itemCounts(world.handle.db, jobId)).pending).toBeGreaterThan(40);
  }, 60_000);
});
