/**
 * Bulk jobs under each Intercom version the dashboard speaks, with a real database and the
 * sandbox over HTTP: a state change runs and is undone under every version; a type change runs
 * where the version has it and is refused with the reason, storing no job, where it does not.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listItems } from "@/lib/bulk/summaries";
import { HttpError } from "@/lib/http/errors";
import { INTERCOM_VERSIONS, featuresOf } from "@/lib/intercom/versions";
import type { TicketRec } from "@/lib/sandbox/store/types";
import { requiredValues } from "../../support/sandbox";
import { bulkWorld, type BulkWorld } from "./support";

describe.each(INTERCOM_VERSIONS)("bulk jobs under Intercom API %s", (version) => {
  let world: BulkWorld;
  beforeAll(async () => {
    world = await bulkWorld(1, version);
  }, 120_000);
  afterAll(() => world.close());

  const category = (t: TicketRec) => world.store.ticketStates.get(t.ticket_state_id)!.category;
  const states = () =>
    Object.fromEntries(
      [...world.store.ticketTypes.values()].flatMap((type) => {
        const s = type.state_ids.find((x) => world.store.ticketStates.get(x)!.category === "in_progress");
        return s ? [[type.id, s]] : [];
      }),
    );

  it("sets the state of every ticket, and undoes it", async () => {
    const target = states();
    const chosen = world.fresh(8, (t) => category(t) !== "in_progress" && t.ticket_type_id in target);
    const before = new Map(chosen.map((t) => [t.id, t.ticket_state_id]));
    const jobId = await world.job({ kind: "ids", ids: chosen.map((t) => t.id) }, { type: "set_state", states: target });
    const runner = world.runner({ concurrency: 4 });
    expect(await world.settle(jobId)).toBe("completed");
    const { items } = await listItems(world.handle.db, jobId, { limit: 50, offset: 0 });
    expect(items.map((i) => i.state)).toEqual(chosen.map(() => "succeeded"));
    for (const t of chosen) expect(world.store.tickets.get(t.id)!.ticket_state_id).toBe(target[t.ticket_type_id]);
    const undoId = await world.undo(jobId);
    runner.wake();
    expect(await world.settle(undoId)).toBe("completed");
    for (const t of chosen) expect(world.store.tickets.get(t.id)!.ticket_state_id).toBe(before.get(t.id));
    await runner.stop();
  }, 60_000);

  it(
    featuresOf(version).changeType
      ? "changes the type of every ticket"
      : "refuses a type change with the reason, storing no job and calling nothing",
    async () => {
      const customer = [...world.store.ticketTypes.values()].filter((x) => x.category === "Customer" && !x.archived);
      const to = customer[0];
      const chosen = world.fresh(
        4,
        (t) => t.ticket_type_id !== to.id && customer.some((x) => x.id === t.ticket_type_id),
      );
      const run = () =>
        world.job(
          { kind: "ids", ids: chosen.map((t) => t.id) },
          { type: "change_type", ticket_type_id: to.id, fill: requiredValues(to) },
        );
      if (featuresOf(version).changeType) {
        const jobId = await run();
        const runner = world.runner({ concurrency: 4 });
        expect(await world.settle(jobId)).toBe("completed");
        await runner.stop();
        for (const t of chosen) expect(world.store.tickets.get(t.id)!.ticket_type_id).toBe(to.id);
      } else {
        await world.reset();
        const jobs = () =>
          world.handle.db.query.bulkJobs.findMany({ where: (j, { eq }) => eq(j.workspaceId, world.ws) });
        const stored = (await jobs()).length;
        const e = await run().then(
          () => null,
          (x: unknown) => x,
        );
        expect(e).toBeInstanceOf(HttpError);
        expect((e as HttpError).status).toBe(422);
        expect((e as HttpError).message).toBe(
          `Changing a ticket's type needs Intercom API 2.16 or later; this workspace uses ${version}`,
        );
        // Refused before the selection's tickets are even read.
        expect(await world.log("/tickets")).toEqual([]);
        for (const t of chosen) expect(world.store.tickets.get(t.id)!.ticket_type_id).toBe(t.ticket_type_id);
        expect(await jobs()).toHaveLength(stored);
      }
    },
    60_000,
  );
});
