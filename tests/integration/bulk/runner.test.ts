/**
 * Bulk jobs against the sandbox over HTTP, with a real database: every item ends with an
 * outcome, the sandbox's tickets match the outcomes, and nothing is applied twice, under
 * faults, restarts, cancellation and two runners sharing a job.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { requeue } from "@/lib/bulk/claims";
import { resumeJob } from "@/lib/bulk/control";
import { jobById, transition } from "@/lib/bulk/store";
import { itemCounts, listItems, summarize } from "@/lib/bulk/summaries";
import type { TicketRec } from "@/lib/sandbox/store/types";
import { bulkWorld, type BulkWorld } from "./support";

let world: BulkWorld;
beforeAll(async () => {
  world = await bulkWorld(3);
}, 120_000);
afterAll(() => world.close());
beforeEach(() => world.reset());

const category = (t: TicketRec) => world.store.ticketStates.get(t.ticket_state_id)!.category;
const stateParts = (t: TicketRec) => t.parts.filter((p) => p.part_type === "ticket_state_updated_by_admin").length;

async function everyItem(jobId: string) {
  return (await listItems(world.handle.db, jobId, { limit: 500, offset: 0 })).items.concat(
    (await listItems(world.handle.db, jobId, { limit: 500, offset: 500 })).items,
    (await listItems(world.handle.db, jobId, { limit: 500, offset: 1000 })).items,
  );
}

describe("a 1,000-ticket state change under faults", () => {
  it("gives every ticket an outcome that the sandbox agrees with, applying each change once", async () => {
    const chosen = world.fresh(
      1000,
      (t) =>
        category(t) !== "in_progress" &&
        world.store.ticketTypes
          .get(t.ticket_type_id)!
          .state_ids.some((s) => world.store.ticketStates.get(s)!.category === "in_progress"),
    );
    const partsBefore = new Map(chosen.map((t) => [t.id, stateParts(t)]));
    // Each type's own first in-progress state, as the dialog's table would set it.
    const states = Object.fromEntries(
      [...world.store.ticketTypes.values()].flatMap((type) => {
        const s = type.state_ids.find((x) => world.store.ticketStates.get(x)!.category === "in_progress");
        return s ? [[type.id, s]] : [];
      }),
    );
    const jobId = await world.job({ kind: "ids", ids: chosen.map((t) => t.id) }, { type: "set_state", states });
    await world.faults({
      error_rate: 0.1,
      error_timing: "mixed",
      rate_limit_per_window: 100,
      window_seconds: 1,
      latency_ms: 50,
    });
    const runner = world.runner({ concurrency: 16 });
    expect(await world.settle(jobId, 180_000)).toBe("completed");
    await runner.stop();
    await world.faults(null);

    const items = await everyItem(jobId);
    expect(items).toHaveLength(1000);
    expect(items.filter((i) => i.state === "pending" || i.state === "running")).toEqual([]);
    const counts = await itemCounts(world.handle.db, jobId);
    expect(counts.succeeded + counts.failed).toBe(1000);
    // Five tries at a 10% failure rate: a failure is possible but rare.
    expect(counts.failed).toBeLessThanOrEqual(5);
    for (const item of items) {
      const t = world.store.tickets.get(item.ticketId)!;
      const added = stateParts(t) - partsBefore.get(t.id)!;
      if (item.state === "succeeded") {
        expect(category(t), `#${item.ticketNumber}`).toBe("in_progress");
        expect(added, `#${item.ticketNumber} got ${added} state changes`).toBe(1);
      } else {
        expect(item.error).toBeTruthy();
        expect(added).toBeLessThanOrEqual(1);
      }
    }
    const log = await world.log();
    const limited = log.filter((r) => r.status === 429).length;
    // Paced from the headers: the limit is approached, rarely hit.
    expect(limited / log.length).toBeLessThan(0.01);
    // Some calls failed after Intercom applied them, and were recognised on the next try.
    expect(log.some((r) => r.status === 502 && r.applied)).toBe(true);
    expect(items.some((i) => i.attempts > 1)).toBe(true);
  }, 240_000);
});

describe("restart", () => {
  it("a job whose runner dies mid-way completes on the next runner, with the same guarantees", async () => {
    const chosen = world.fresh(300, (t) => t.admin_assignee_id !== world.store.info.owner_admin_id);
    const jobId = await world.job(
      { kind: "ids", ids: chosen.map((t) => t.id) },
      { type: "assign_admin", admin_id: world.store.info.owner_admin_id },
    );
    await world.faults({ latency_ms: 60, rate_limit_per_window: 100, window_seconds: 1 });
    const first = world.runner({ concurrency: 8, leaseMs: 1_500, instanceId: "first" });
    for (;;) {
      const c = await itemCounts(world.handle.db, jobId);
      if (c.succeeded >= 80) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    // Killed: calls in flight are abandoned, their claims left to lapse.
    await first.stop();
    const midway = await itemCounts(world.handle.db, jobId);
    expect(midway.succeeded).toBeLessThan(300);
    expect(midway.running).toBeGreaterThan(0);

    const second = world.runner({ concurrency: 8, leaseMs: 1_500, instanceId: "second" });
    expect(await world.settle(jobId, 60_000)).toBe("completed");
    await second.stop();
    await world.faults(null);
    const counts = await itemCounts(world.handle.db, jobId);
    expect(counts.succeeded).toBe(300);
    for (const t of chosen) {
      expect(world.store.tickets.get(t.id)!.admin_assignee_id).toBe(world.store.info.owner_admin_id);
      // One assignment part per ticket: none was applied twice.
      const assigned = world.store.tickets
        .get(t.id)!
        .parts.filter((p) => p.part_type === "assignment" && p.assigned_to?.id === world.store.info.owner_admin_id);
      expect(assigned.length, `ticket ${t.ticket_id}`).toBe(1);
    }
    // The abandoned claims were taken over and checked before anything was sent again.
    const items = await everyItem(jobId);
    expect(items.filter((i) => i.attempts > 1).length).toBeGreaterThan(0);
  }, 120_000);

  it("two runners share one job through SKIP LOCKED claims, each ticket done once", async () => {
    const chosen = world.fresh(200, (t) => !t.is_shared);
    const jobId = await world.job({ kind: "ids", ids: chosen.map((t) => t.id) }, { type: "set_shared", shared: true });
    await world.faults({ latency_ms: 20 });
    const a = world.runner({ concurrency: 4, instanceId: "a" });
    const b = world.runner({ concurrency: 4, instanceId: "b" });
    expect(await world.settle(jobId)).toBe("completed");
    await Promise.all([a.stop(), b.stop()]);
    const puts = (await world.log()).filter((r) => r.method === "PUT");
    expect(puts).toHaveLength(200);
    expect(new Set(puts.map((r) => r.path)).size).toBe(200);
    for (const t of chosen) expect(world.store.tickets.get(t.id)!.is_shared).toBe(true);
  }, 60_000);
});

describe("control", () => {
  it("cancel stops after the calls in flight; what never ran is not run and untouched, and resuming runs it once", async () => {
    const chosen = world.fresh(150, (t) => t.open);
    const jobId = await world.job({ kind: "ids", ids: chosen.map((t) => t.id) }, { type: "close" });
    await world.faults({ latency_ms: 80 });
    const runner = world.runner({ concurrency: 4 });
    for (;;) {
      if ((await itemCounts(world.handle.db, jobId)).succeeded >= 10) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    await transition(world.handle.db, jobId, ["running"], "cancelling");
    expect(await world.settle(jobId)).toBe("cancelled");
    const items = await everyItem(jobId);
    const notRun = items.filter((i) => i.state === "not_run");
    expect(notRun.length).toBeGreaterThan(50);
    expect(items.filter((i) => i.state === "skipped")).toEqual([]);
    expect(items.filter((i) => i.state === "succeeded").length + notRun.length).toBe(150);
    for (const i of items)
      expect(world.store.tickets.get(i.ticketId)!.open, `#${i.ticketNumber}`).toBe(i.state !== "succeeded");
    const job = (await jobById(world.handle.db, jobId))!;
    expect((await summarize(world.handle.db, job)).resumable).toBe(true);

    // Resumed: the tickets that never ran are run, and each ticket is closed exactly once.
    expect(await resumeJob(world.handle.db, job)).toBe(notRun.length);
    runner.wake();
    expect(await world.settle(jobId)).toBe("completed");
    await runner.stop();
    expect(await itemCounts(world.handle.db, jobId)).toMatchObject({ succeeded: 150, not_run: 0, pending: 0 });
    const closes = (await world.log()).filter((r) => r.method === "PUT" && r.applied);
    expect(closes).toHaveLength(150);
    expect(new Set(closes.map((r) => r.path)).size).toBe(150);
    for (const t of chosen) expect(world.store.tickets.get(t.id)!.open, `#${t.ticket_id}`).toBe(false);
  }, 60_000);

  it("never retries a 4xx: it fails with Intercom's words; retrying the failed items later succeeds", async () => {
    const chosen = world.fresh(5, (t) => !t.tags.length);
    const tag = [...world.store.tags.keys()][2];
    const jobId = await world.job({ kind: "ids", ids: chosen.map((t) => t.id) }, { type: "add_tag", tag_id: tag });
    await world.faults({ fail_next: [{ method: "POST", path: `/tickets/${chosen[2].id}/tags`, status: 404 }] });
    const runner = world.runner({ concurrency: 2 });
    expect(await world.settle(jobId)).toBe("completed");
    const failed = (await everyItem(jobId)).filter((i) => i.state === "failed");
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({ ticketId: chosen[2].id, attempts: 1, error: "Resource Not Found" });
    expect(world.store.tickets.get(chosen[2].id)!.tags).toEqual([]);
    expect(await requeue(world.handle.db, jobId, "failed")).toBe(1);
    await transition(world.handle.db, jobId, ["completed"], "queued");
    runner.wake();
    expect(await world.settle(jobId)).toBe("completed");
    expect((await itemCounts(world.handle.db, jobId)).succeeded).toBe(5);
    expect(world.store.tickets.get(chosen[2].id)!.tags.map((x) => x.id)).toEqual([tag]);
    await runner.stop();
  }, 60_000);

  it("a job whose ticket types Intercom is too busy to give waits and goes on, without an error or a retry storm", async () => {
    const chosen = world.fresh(6, (t) => t.open);
    const jobId = await world.job({ kind: "ids", ids: chosen.map((t) => t.id) }, { type: "close" });
    await world.faults({
      fail_next: [
        { method: "GET", path: "/ticket_types", status: 429 },
        { method: "GET", path: "/ticket_types", status: 503 },
      ],
    });
    const logged: string[] = [];
    const runner = world.runner({ concurrency: 2, log: (line) => logged.push(line) });
    expect(await world.settle(jobId, 30_000)).toBe("completed");
    await runner.stop();
    expect(logged).toEqual([]);
    // The plan's read, then the runner's: refused twice, answered on the third try.
    expect((await world.log("/ticket_types")).map((r) => r.status)).toEqual([200, 429, 503, 200]);
    expect((await itemCounts(world.handle.db, jobId)).succeeded).toBe(6);
    for (const t of chosen) expect(world.store.tickets.get(t.id)!.open, `#${t.ticket_id}`).toBe(false);
  }, 60_000);

  it("a job whose ticket types Intercom keeps refusing to give pauses with the reason, and changes nothing", async () => {
    const chosen = world.fresh(3, (t) => t.open);
    const jobId = await world.job({ kind: "ids", ids: chosen.map((t) => t.id) }, { type: "close" });
    await world.faults({
      fail_next: Array.from({ length: 8 }, () => ({ method: "GET", path: "/ticket_types", status: 503 })),
    });
    const runner = world.runner({ concurrency: 2 });
    expect(await world.settle(jobId, 60_000)).toBe("paused");
    await runner.stop();
    const job = (await jobById(world.handle.db, jobId))!;
    expect(job.pausedReason).toMatch(
      /Intercom did not give this workspace's ticket types \(it answered 503, 5 tries\)/,
    );
    expect((await world.log("/ticket_types")).filter((r) => r.status === 503)).toHaveLength(5);
    expect((await itemCounts(world.handle.db, jobId)).pending).toBe(3);
    for (const t of chosen) expect(world.store.tickets.get(t.id)!.open, `#${t.ticket_id}`).toBe(true);
  }, 90_000);

  it("a token Intercom refuses pauses the job and flags the connection, with no retry storm", async () => {
    const { oauthToken } = await import("../../support/sandbox");
    const token = await oauthToken(world.sb.url, world.ws, world.adminId);
    const chosen = world.fresh(40, (t) => !t.is_shared);
    const jobId = await world.job({ kind: "ids", ids: chosen.map((t) => t.id) }, { type: "set_shared", shared: true });
    await fetch(`${world.sb.url}/sandbox/revoke`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ id_code: world.ws }),
    });
    const before = world.reconnects;
    const runner = world.runner({ concurrency: 4, token });
    expect(await world.settle(jobId)).toBe("paused");
    await runner.stop();
    expect(world.reconnects).toBe(before + 1);
    const refused = (await world.log()).filter((r) => r.status === 401);
    expect(refused.length).toBeLessThanOrEqual(4);
    expect((await itemCounts(world.handle.db, jobId)).pending).toBe(40);
  }, 60_000);
});

describe("undo", () => {
  it("restores every ticket, and reports the ones changed since as conflicts without touching them", async () => {
    const admins = [...world.store.admins.keys()];
    const chosen = world.fresh(60, (t) => t.admin_assignee_id !== admins[1] && t.team_assignee_id !== null);
    const before = new Map(
      chosen.map((t) => [t.id, { admin: t.admin_assignee_id, team: t.team_assignee_id, state: t.ticket_state_id }]),
    );
    const jobId = await world.job(
      { kind: "ids", ids: chosen.map((t) => t.id) },
      { type: "assign_admin", admin_id: admins[1] },
    );
    const runner = world.runner({ concurrency: 8 });
    expect(await world.settle(jobId)).toBe("completed");
    // Someone reassigns three of them meanwhile.
    const moved = chosen.slice(0, 3);
    for (const t of moved) {
      await world.client.request("PUT", `/tickets/${t.id}`, (await import("@/lib/intercom/schemas")).ticketSchema, {
        body: { assignee_id: admins[2], admin_id: admins[0] },
      });
    }
    const undoId = await world.undo(jobId);
    runner.wake();
    expect(await world.settle(undoId)).toBe("completed");
    const items = await everyItem(undoId);
    expect(
      items
        .filter((i) => i.state === "conflict")
        .map((i) => i.ticketId)
        .sort(),
    ).toEqual(moved.map((t) => t.id).sort());
    expect(items.filter((i) => i.state === "conflict").every((i) => i.reason === "Reassigned since the job ran")).toBe(
      true,
    );
    for (const t of chosen) {
      const now = world.store.tickets.get(t.id)!;
      if (moved.includes(t)) expect(now.admin_assignee_id).toBe(admins[2]);
      else
        expect({ admin: now.admin_assignee_id, team: now.team_assignee_id, state: now.ticket_state_id }).toEqual(
          before.get(t.id),
        );
    }
    await runner.stop();
    await expect(world.undo(jobId)).rejects.toThrow(/already undone/);
  }, 60_000);
});

describe("jobs stored before states were chosen per type", () => {
  it("a job by state category keeps its words, runs as it was planned, and is undone", async () => {
    const chosen = world.fresh(
      12,
      (t) =>
        t.open &&
        category(t) === "submitted" &&
        world.store.ticketTypes
          .get(t.ticket_type_id)!
          .state_ids.some((s) => world.store.ticketStates.get(s)!.category === "in_progress"),
    );
    const before = new Map(chosen.map((t) => [t.id, t.ticket_state_id]));
    // As an older dashboard stored it: one state category for every type.
    const jobId = await world.job(
      { kind: "ids", ids: chosen.map((t) => t.id) },
      { type: "set_state_category", category: "in_progress" },
    );
    const job = (await jobById(world.handle.db, jobId))!;
    expect(job.label).toBe("Set state to In progress");
    expect(job.action).toEqual({ type: "set_state_category", category: "in_progress" });
    const runner = world.runner({ concurrency: 4 });
    expect(await world.settle(jobId)).toBe("completed");
    for (const t of chosen) expect(category(world.store.tickets.get(t.id)!)).toBe("in_progress");
    const undoId = await world.undo(jobId);
    runner.wake();
    expect(await world.settle(undoId)).toBe("completed");
    expect((await jobById(world.handle.db, undoId))!.label).toBe("Undo: Set state to In progress");
    await runner.stop();
    for (const t of chosen) expect(world.store.tickets.get(t.id)!.ticket_state_id).toBe(before.get(t.id));
  }, 60_000);
});
