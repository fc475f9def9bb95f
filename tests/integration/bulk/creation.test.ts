/**
 * Creating a job: stored a page at a time while Intercom gives the tickets, invisible until its
 * last ticket is in, discarded whole when anything fails on the way, and tidied away when the
 * instance storing it died.
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startJob } from "@/lib/bulk/service";
import { ABANDONED_AFTER_MS, createJob, discardAbandoned, findJob, jobById, runnableJobs } from "@/lib/bulk/store";
import { listJobs } from "@/lib/bulk/summaries";
import { forgetCatalog, loadCatalog } from "@/lib/catalog/server";
import { bulkJobItems, bulkJobs } from "@/lib/db/schema";
import { HttpError } from "@/lib/http/errors";
import { bulkWorld, type BulkWorld } from "./support";

let world: BulkWorld;
beforeAll(async () => {
  world = await bulkWorld(6);
}, 120_000);
afterAll(() => world.close());
beforeEach(() => world.reset());

const who = () => ({ userId: world.userId, workspaceId: world.ws, timezone: "UTC" });
const jobCount = async () =>
  Number((await world.handle.db.select({ n: sql<number>`count(*)::int` }).from(bulkJobs))[0].n);
const itemCount = async () =>
  Number((await world.handle.db.select({ n: sql<number>`count(*)::int` }).from(bulkJobItems))[0].n);

async function catalog() {
  forgetCatalog(world.ws);
  return loadCatalog(world.client, world.ws);
}

describe("creating a job", () => {
  it("stores the tickets as Intercom gives them, a page at a time, and shows the job only once all are in", async () => {
    // Nothing is sent to Intercom: any tickets will do, and other tests may use them too.
    const chosen = [...world.store.tickets.values()].slice(0, 2_400);
    expect(chosen).toHaveLength(2_400);
    const seen: { listed: number; found: boolean; runnable: boolean }[] = [];
    let jobId: string | null = null;
    // The job's rows, looked at while it is being stored: after every page of tickets.
    async function* items() {
      for (let i = 0; i < chosen.length; i++) {
        const t = chosen[i];
        yield {
          before: {
            id: t.id,
            number: t.ticket_id,
            title: "",
            typeId: t.ticket_type_id,
            stateId: t.ticket_state_id,
            stateCategory: "submitted" as const,
            open: t.open,
            snoozedUntil: null,
            isShared: false,
            adminAssigneeId: null,
            teamAssigneeId: null,
            tagIds: [],
            attributes: {},
            updatedAt: 0,
          },
          plan: { kind: "change" as const, calls: [] },
        };
        if (i % 600 === 599) {
          const [row] = await world.handle.db
            .select({ id: bulkJobs.id })
            .from(bulkJobs)
            .orderBy(sql`created_at desc`);
          jobId = row.id;
          seen.push({
            listed: (await listJobs(world.handle.db, world.ws)).filter((j) => j.id === row.id).length,
            found: (await findJob(world.handle.db, world.ws, row.id)) !== null,
            runnable: (await runnableJobs(world.handle.db)).includes(row.id),
          });
        }
      }
    }
    const id = await createJob(world.handle.db, {
      workspaceId: world.ws,
      userId: world.userId,
      kind: "apply",
      action: { type: "set_shared", shared: true },
      selection: { kind: "ids", count: chosen.length },
      label: "Share",
      items: items(),
    });
    expect(id).toBe(jobId);
    expect(seen).toHaveLength(4);
    // Rows were in the database while it was being stored, and nothing showed it or ran it.
    expect(seen).toEqual(Array(4).fill({ listed: 0, found: false, runnable: false }));
    const job = (await jobById(world.handle.db, id))!;
    expect(job).toMatchObject({ state: "queued", total: 2_400 });
    expect((await listJobs(world.handle.db, world.ws)).map((j) => j.id)).toContain(id);
    expect(await runnableJobs(world.handle.db)).toContain(id);
    await world.handle.db.delete(bulkJobs).where(sql`${bulkJobs.id} = ${id}`);
  }, 60_000);

  it("reads a 1,100-ticket selection 500 at a time, five searches each, and words the job by what it does", async () => {
    const chosen = world.fresh(1_100, (t) => t.open);
    const cat = await catalog();
    const id = await startJob(world.handle.db, world.client, cat, who(), {
      selection: { kind: "ids", ids: chosen.map((t) => t.id) },
      action: { type: "close" },
    });
    const job = (await jobById(world.handle.db, id))!;
    expect(job).toMatchObject({ state: "queued", total: 1_100, label: "Close" });
    // The items are the selection: the job keeps only its size, not 1,100 ids a second time.
    expect(job.selection).toEqual({ kind: "ids", count: 1_100 });
    // Three reads: 500 ids in five searches of 100, twice, then the last 100 in one.
    const searches = (await world.log("/tickets/search")).filter((r) => r.method === "POST");
    expect(searches).toHaveLength(11);
    await world.handle.db.delete(bulkJobs).where(sql`${bulkJobs.id} = ${id}`);
  }, 60_000);

  it("stores nothing when Intercom fails on a later page, and says so", async () => {
    const chosen = world.fresh(1_050, (t) => t.open);
    const cat = await catalog();
    const [jobs, items] = [await jobCount(), await itemCount()];
    // The first thousand are read (two pages); from the next search on, Intercom answers 503 to every try.
    let searches = 0;
    const request = world.client.request.bind(world.client);
    world.client.request = (async (...args: Parameters<typeof request>) => {
      if (args[1] === "/tickets/search" && ++searches === 11)
        await world.faults({
          fail_next: Array.from({ length: 25 }, () => ({ method: "POST", path: "/tickets/search", status: 503 })),
        });
      return request(...args);
    }) as typeof request;
    try {
      const err = await startJob(world.handle.db, world.client, cat, who(), {
        selection: { kind: "ids", ids: chosen.map((t) => t.id) },
        action: { type: "close" },
      }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(HttpError);
      expect((err as HttpError).code).toBe("intercom_unavailable");
      expect((err as HttpError).message).toMatch(/Nothing has changed/);
    } finally {
      world.client.request = request;
    }
    expect([await jobCount(), await itemCount()]).toEqual([jobs, items]);
    for (const t of chosen) expect(world.store.tickets.get(t.id)!.open).toBe(true);
  }, 90_000);

  it("stores nothing when a delete's count is not confirmed, or when nothing would change", async () => {
    const open = world.fresh(30, (t) => t.open);
    const cat = await catalog();
    const [jobs, items] = [await jobCount(), await itemCount()];
    const refused = (body: Parameters<typeof startJob>[4]) =>
      startJob(world.handle.db, world.client, cat, who(), body).then(
        () => null,
        (e: unknown) => (e as HttpError).code,
      );
    expect(
      await refused({
        selection: { kind: "ids", ids: open.map((t) => t.id) },
        action: { type: "delete" },
        confirm: "29",
      }),
    ).toBe("confirmation_required");
    const shared = world.fresh(5, (t) => t.is_shared);
    expect(
      await refused({
        selection: { kind: "ids", ids: shared.map((t) => t.id) },
        action: { type: "set_shared", shared: true },
      }),
    ).toBe("nothing_to_do");
    expect(await refused({ selection: { kind: "ids", ids: ["no-such-ticket"] }, action: { type: "close" } })).toBe(
      "empty_selection",
    );
    expect([await jobCount(), await itemCount()]).toEqual([jobs, items]);
    for (const t of open) expect(world.store.tickets.has(t.id)).toBe(true);
  }, 60_000);

  it("removes a job whose creator died while storing it, once it is ten minutes old, with its items", async () => {
    const chosen = world.fresh(3, () => true);
    const stuck = async () => {
      const [row] = await world.handle.db
        .insert(bulkJobs)
        .values({
          workspaceId: world.ws,
          userId: world.userId,
          kind: "apply",
          action: { type: "close" },
          selection: { kind: "ids", count: chosen.length },
          label: "Close",
          total: 0,
          state: "creating",
        })
        .returning({ id: bulkJobs.id });
      return row.id;
    };
    const old = await stuck();
    const recent = await stuck();
    await world.handle.db
      .update(bulkJobs)
      .set({ createdAt: new Date(Date.now() - ABANDONED_AFTER_MS - 1_000) })
      .where(sql`${bulkJobs.id} = ${old}`);
    expect(await discardAbandoned(world.handle.db)).toBe(1);
    expect(await jobById(world.handle.db, old)).toBeNull();
    expect((await jobById(world.handle.db, recent))?.state).toBe("creating");
    await world.handle.db.delete(bulkJobs).where(sql`${bulkJobs.id} = ${recent}`);
  });
});
