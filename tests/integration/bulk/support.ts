/** Shared by the bulk tests: a sandbox, a database, a lead, and runners pointed at them. */
import { upsertUser } from "@/lib/auth/connections";
import { BulkRunner } from "@/lib/bulk/runner";
import { sourceOf, type BulkAction, type Selection } from "@/lib/bulk/schemas";
import { planSelection, startUndo } from "@/lib/bulk/service";
import { createJob, jobById } from "@/lib/bulk/store";
import { itemCounts } from "@/lib/bulk/summaries";
import { forgetCatalog, loadCatalog } from "@/lib/catalog/server";
import type { OpenDb } from "@/lib/db/client";
import { IntercomClient } from "@/lib/intercom/client";
import { ticketTypeListSchema } from "@/lib/intercom/schemas";
import { DEFAULT_INTERCOM_VERSION, type IntercomVersion } from "@/lib/intercom/versions";
import type { RunningSandbox } from "@/lib/sandbox";
import type { TicketRec } from "@/lib/sandbox/store/types";
import type { Workspace } from "@/lib/sandbox/store/workspace";
import { testDb } from "../../support/db";
import { bootSandbox, control } from "../../support/sandbox";

export interface BulkWorld {
  sb: RunningSandbox;
  handle: OpenDb;
  client: IntercomClient;
  ws: string;
  store: Workspace;
  userId: string;
  adminId: string;
  reconnects: number;
  runner(options?: {
    concurrency?: number;
    leaseMs?: number;
    instanceId?: string;
    token?: string;
    log?: (line: string) => void;
  }): BulkRunner;
  /** Plans and stores a job the way the route handler does. */
  job(selection: Selection, action: BulkAction): Promise<string>;
  undo(jobId: string): Promise<string>;
  /** Waits until the job reaches a final state. */
  settle(jobId: string, timeoutMs?: number): Promise<string>;
  faults(body: Record<string, unknown> | null): Promise<void>;
  /** No faults and an empty request log: what each test starts from. */
  reset(): Promise<void>;
  /** `n` tickets no test of this file has been handed yet, so tests do not see each other's changes. */
  fresh(n: number, keep: (t: TicketRec) => boolean): TicketRec[];
  log(filter?: string): Promise<{ method: string; path: string; status: number; applied: boolean; at: number }[]>;
  close(): Promise<void>;
}

/** `version`: the Intercom-Version the world's client (the dashboard's) speaks, the dashboard's default unless given. */
export async function bulkWorld(scale = 1, version: IntercomVersion = DEFAULT_INTERCOM_VERSION): Promise<BulkWorld> {
  const sb = await bootSandbox({ scale });
  const handle = await testDb();
  const [w] = sb.workspaces;
  const store = sb.sandbox.workspace(w.id_code)!;
  const adminId = store.info.owner_admin_id;
  const clientWith = (token: string) =>
    new IntercomClient({ baseUrl: sb.url, token, version, timeoutMs: 10_000, actingAdminId: adminId });
  const client = clientWith(w.access_token);
  const userId = await upsertUser(handle.db, `lead-${w.id_code}@example.com`, "Lead");
  const runners: BulkRunner[] = [];
  const handedOut = new Set<string>();
  const world: BulkWorld = {
    sb,
    handle,
    client,
    ws: w.id_code,
    store,
    userId,
    adminId,
    reconnects: 0,
    runner(options = {}) {
      const c = options.token ? clientWith(options.token) : client;
      const r = new BulkRunner({
        db: handle.db,
        instanceId: options.instanceId,
        concurrency: options.concurrency ?? 16,
        leaseMs: options.leaseMs ?? 30_000,
        pollMs: 100,
        log: options.log ?? (() => {}),
        connect: async () => ({
          client: c,
          adminId,
          onReconnectNeeded: async () => {
            world.reconnects++;
          },
        }),
        loadTypes: async (x) => (await x.request("GET", "/ticket_types", ticketTypeListSchema)).data,
      });
      runners.push(r);
      return r.start();
    },
    async job(selection, action) {
      forgetCatalog(w.id_code);
      const catalog = await loadCatalog(client, w.id_code);
      const planned = await planSelection(client, catalog, selection, action, "UTC");
      return createJob(handle.db, {
        workspaceId: w.id_code,
        userId,
        kind: "apply",
        action,
        selection: sourceOf(selection),
        label: planned.preview.label,
        items: planned.tickets.map((before, i) => ({ before, plan: planned.plans[i] })),
      });
    },
    undo: (jobId) => startUndo(handle.db, w.id_code, userId, jobId),
    async settle(jobId, timeoutMs = 120_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const job = await jobById(handle.db, jobId);
        if (job && ["completed", "cancelled", "paused"].includes(job.state)) return job.state;
        if (Date.now() > deadline)
          throw new Error(`job ${jobId} still ${job?.state}: ${JSON.stringify(await itemCounts(handle.db, jobId))}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    async faults(body) {
      await control(sb.url)(body === null ? "DELETE" : "POST", "/sandbox/faults", body ?? undefined);
    },
    async reset() {
      await world.faults(null);
      await control(sb.url)("DELETE", "/sandbox/requests");
    },
    fresh(n, keep) {
      const out = [...store.tickets.values()].filter((t) => !handedOut.has(t.id) && keep(t)).slice(0, n);
      if (out.length < n) throw new Error(`only ${out.length} tickets left`);
      for (const t of out) handedOut.add(t.id);
      return out;
    },
    async log(prefix = "/tickets/") {
      const res = await control(sb.url)<{
        requests: { method: string; path: string; status: number; applied: boolean; at: number }[];
      }>("GET", `/sandbox/requests?path_prefix=${encodeURIComponent(prefix)}`);
      return res.body.requests;
    },
    async close() {
      await Promise.all(runners.map((r) => r.stop()));
      await handle.close();
      await sb.stop();
    },
  };
  return world;
}
