import "server-only";
import { randomUUID } from "node:crypto";
import { AuditBatch, itemEntry, jobActor } from "@/lib/audit/bulk";
import type { Db } from "@/lib/db/client";
import type { BulkJobItemRow, BulkJobRow } from "@/lib/db/schema";
import type { IntercomClient } from "@/lib/intercom/client";
import { IntercomError } from "@/lib/intercom/errors";
import type { TicketType } from "@/lib/intercom/schemas";
import { ReconnectNeeded, runItem } from "./execute";
import { RatePacer } from "./pacer";
import { keptFor } from "./plan";
import { classify, StillFailing, withRetries } from "./retry";
import { claimItems, finishItem, hasWorkLeft, markNotRun, OutcomeBatch, releaseOwnClaims, renewClaims } from "./claims";
import { discardAbandoned, jobById, jobState, runnableJobs, saveRateLimit, transition } from "./store";

export interface Connected {
  client: IntercomClient;
  adminId: string;
  /** Called when Intercom refuses the token: the connection is marked for the lead to reconnect. */
  onReconnectNeeded: () => Promise<void>;
  /** Whether the connection may still be used; false once it is marked for reconnecting, here or elsewhere. */
  usable?: () => Promise<boolean>;
}

/** Why a job waits: the same words wherever the runner finds the token refused. */
export const RECONNECT_REASON =
  "Intercom no longer accepts this workspace's connection. Reconnect it, then resume the job.";

export interface RunnerOptions {
  db: Db;
  /** The Intercom client of a job's creator, or why there is none. */
  connect: (job: BulkJobRow) => Promise<Connected | { error: string }>;
  loadTypes: (client: IntercomClient, workspaceId: string) => Promise<TicketType[]>;
  /**
   * Who this runner is in its claims. Keep it across restarts (the dashboard keeps it in
   * DATA_DIR): a restarted runner takes over its own earlier claims at once instead of waiting
   * out their lease. Two live runners must never share one.
   */
  instanceId?: string;
  /** Items of one job in flight at once. */
  concurrency?: number;
  /** How long a claim holds without being renewed. */
  leaseMs?: number;
  /** How often the runner looks for jobs with work left. */
  pollMs?: number;
  log?: (line: string) => void;
}

/** A call a cancelled job never started (a 499, as Intercom's client reports its own cancelled calls). */
class CancelledBeforeCall extends IntercomError {
  constructor() {
    super(499, "cancelled", "The job was cancelled before this call");
  }
}

/**
 * Runs bulk jobs on the server: claims items (any instance can share a job), runs them with
 * bounded concurrency under the workspace's rate limit, records every outcome, and finishes,
 * cancels or pauses jobs. A runner that dies leaves claims that lapse after their lease; the
 * next runner takes them over and checks those tickets before applying anything again (one
 * started again with the same instance id takes its own over at once).
 */
export class BulkRunner {
  readonly instanceId: string;
  private readonly concurrency: number;
  private readonly leaseMs: number;
  private readonly pollMs: number;
  private readonly log: (line: string) => void;
  private readonly active = new Map<string, Promise<void>>();
  private readonly pacers = new Map<string, RatePacer>();
  private readonly stopping = new AbortController();
  private timers: ReturnType<typeof setInterval>[] = [];
  /** Settles once this instance's claims from before a restart are released. */
  private ready: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: RunnerOptions) {
    this.instanceId = options.instanceId ?? `runner-${randomUUID()}`;
    this.concurrency = options.concurrency ?? 16;
    this.leaseMs = options.leaseMs ?? 30_000;
    this.pollMs = options.pollMs ?? 1_000;
    this.log = options.log ?? ((line) => console.log(line));
  }

  start(): this {
    this.timers.push(setInterval(() => this.wake(), this.pollMs));
    this.timers.push(
      setInterval(
        () => void renewClaims(this.options.db, this.instanceId, this.leaseMs).catch(() => {}),
        Math.max(200, this.leaseMs / 3),
      ),
    );
    // Jobs whose creator died while storing them are removed, now and every minute.
    const tidy = () =>
      void discardAbandoned(this.options.db).catch((e: unknown) => this.log(`Bulk runner: ${(e as Error).message}`));
    this.timers.push(setInterval(tidy, 60_000));
    tidy();
    for (const t of this.timers) t.unref?.();
    this.ready = releaseOwnClaims(this.options.db, this.instanceId).catch((e: unknown) =>
      this.log(`Bulk runner: ${(e as Error).message}`),
    );
    this.wake();
    return this;
  }

  /** Stops taking work; items in flight finish (or are left to their lease), then it resolves. */
  async stop(): Promise<void> {
    this.stopping.abort(new Error("The runner is stopping"));
    for (const t of this.timers) clearInterval(t);
    this.timers = [];
    await Promise.allSettled(this.active.values());
  }

  /** Looks for work now (a job was created, cancelled or retried). */
  wake(): void {
    if (this.stopping.signal.aborted) return;
    void this.ready
      .then(() => runnableJobs(this.options.db))
      .then((ids) => {
        for (const id of ids) {
          if (this.active.has(id) || this.stopping.signal.aborted) continue;
          const run = this.runJob(id)
            .catch((e: unknown) => this.log(`Bulk job ${id}: ${(e as Error).message}`))
            .finally(() => this.active.delete(id));
          this.active.set(id, run);
        }
      })
      .catch((e: unknown) => this.log(`Bulk runner: ${(e as Error).message}`));
  }

  /** The pacer shared by every job of a workspace in this process. */
  pacerFor(workspaceId: string): RatePacer {
    let p = this.pacers.get(workspaceId);
    if (!p) this.pacers.set(workspaceId, (p = new RatePacer()));
    return p;
  }

  /** Resolves when the job has nothing left to run here (tests wait on this). */
  async idle(jobId: string): Promise<void> {
    await this.active.get(jobId);
  }

  private async runJob(id: string): Promise<void> {
    const { db } = this.options;
    let job = await jobById(db, id);
    if (!job) return;
    if (job.state === "queued")
      await transition(db, id, ["queued"], "running", { startedAt: job.startedAt ?? new Date() });
    job = (await jobById(db, id))!;
    if (job.state === "running") {
      const connected = await this.options.connect(job);
      if ("error" in connected) {
        await transition(db, id, ["running"], "paused", { pausedReason: connected.error });
        return;
      }
      await this.work(job, connected);
    }
    await this.finish(id);
  }

  private async work(job: BulkJobRow, connected: Connected): Promise<void> {
    const { db } = this.options;
    const jobStop = new AbortController();
    const stopAll = () => jobStop.abort(this.stopping.signal.reason);
    this.stopping.signal.addEventListener("abort", stopAll, { once: true });
    const shared = this.pacerFor(job.workspaceId);
    let cancelled = false;
    // Once cancelled, no call that is still waiting for room under the rate limit is made.
    const pacer = shared.gated(() => (cancelled ? new CancelledBeforeCall() : null));
    let reconnect: string | null = null;
    // Each finished item is audited as the lead who created the job, in batches.
    const actor = await jobActor(db, job, connected.adminId);
    const audit = new AuditBatch(db);
    // Cancel is a database state: another instance or a route handler may set it.
    const watch = setInterval(() => {
      void jobState(db, job.id)
        .then((state) => {
          if (state && state !== "running") cancelled = true;
        })
        .catch(() => {});
      const s = pacer.state();
      void saveRateLimit(db, job.id, { limit: s.limit, remaining: s.remaining, resetAt: s.resetAt }).catch(() => {});
      void audit.flush();
    }, 500);
    let types: TicketType[];
    try {
      // Busy or failing, Intercom is asked again (at the reset, with backoff) before the job pauses with why.
      types = await withRetries(() => this.options.loadTypes(connected.client, job.workspaceId), jobStop.signal);
    } catch (e) {
      clearInterval(watch);
      this.stopping.signal.removeEventListener("abort", stopAll);
      if (classify(e) === "auth") return this.pause(job.id, connected);
      if (e instanceof StillFailing)
        return void (await transition(db, job.id, ["running"], "paused", {
          pausedReason: `Intercom did not give this workspace's ticket types (${e.why}). Nothing was changed; resume the job to try again.`,
        }));
      throw e;
    }
    // Finished items are recorded together, up to one batch per worker round.
    const outcomes = new OutcomeBatch(db, job.id, this.instanceId, this.concurrency);
    const queue: BulkJobItemRow[] = [];
    let exhausted = false;
    let claiming: Promise<void> | null = null;
    const next = async (): Promise<BulkJobItemRow | null> => {
      while (queue.length === 0 && !exhausted) {
        claiming ??= claimItems(db, job.id, this.instanceId, this.concurrency * 2, this.leaseMs).then((rows) => {
          if (rows.length === 0) exhausted = true;
          queue.push(...rows);
          claiming = null;
        });
        await claiming;
      }
      return queue.shift() ?? null;
    };
    const release = async (item: BulkJobItemRow) => {
      await finishItem(db, job.id, item.seq, this.instanceId, { state: "pending", attempts: item.attempts - 1 });
    };
    const worker = async () => {
      for (;;) {
        if (cancelled || reconnect || jobStop.signal.aborted) return;
        const item = await next();
        if (!item) return;
        // A connection marked for reconnecting (by a route, or another job) gets no more calls.
        if (!reconnect && connected.usable && !(await connected.usable().catch(() => true)))
          reconnect = RECONNECT_REASON;
        if (cancelled || reconnect || jobStop.signal.aborted) {
          await release(item);
          return;
        }
        try {
          const outcome = await runItem(
            { client: connected.client, adminId: connected.adminId, pacer, types, signal: jobStop.signal },
            job.action,
            job.kind,
            item,
          );
          const finished = { ...outcome, ...(outcome.after ? { after: keptFor(job.action, outcome.after) } : {}) };
          if (await outcomes.finish(item.seq, finished)) await audit.add(itemEntry(job, actor, item, finished, types));
        } catch (e) {
          if (e instanceof CancelledBeforeCall) {
            // Its tries are kept, so a resumed job reads the ticket before changing it (an
            // earlier call of this item may have been made).
            await finishItem(db, job.id, item.seq, this.instanceId, { state: "pending", attempts: item.attempts });
            return;
          }
          if (e instanceof ReconnectNeeded) {
            reconnect = e.message;
            await release(item);
            return;
          }
          // Stopping: the claim lapses and the next runner checks the ticket first.
          if (jobStop.signal.aborted) return;
          const failed = { state: "failed" as const, error: (e as Error).message, attempts: item.attempts };
          if (await outcomes.finish(item.seq, failed)) await audit.add(itemEntry(job, actor, item, failed, types));
        }
      }
    };
    try {
      await Promise.all(Array.from({ length: this.concurrency }, worker));
      // Claimed but never started: back to pending for whoever goes on.
      for (const item of queue.splice(0)) await release(item);
      if (reconnect) await this.pause(job.id, connected);
    } finally {
      clearInterval(watch);
      this.stopping.signal.removeEventListener("abort", stopAll);
      await audit.flush();
      const s = pacer.state();
      await saveRateLimit(db, job.id, { limit: s.limit, remaining: s.remaining, resetAt: s.resetAt }).catch(() => {});
    }
  }

  /** Intercom refused the token: flag the connection once and park the job until the lead reconnects. */
  private async pause(jobId: string, connected: Connected): Promise<void> {
    await connected.onReconnectNeeded().catch(() => {});
    await transition(this.options.db, jobId, ["running"], "paused", { pausedReason: RECONNECT_REASON });
  }

  /** Ends a job once nothing is left to run anywhere: completed, or cancelled with the rest not run. */
  private async finish(id: string): Promise<void> {
    const { db } = this.options;
    if (this.stopping.signal.aborted) return;
    const job = await jobById(db, id);
    if (!job || !["running", "cancelling"].includes(job.state)) return;
    if (job.state === "cancelling") {
      await markNotRun(db, id);
      if (!(await hasWorkLeft(db, id)))
        await transition(db, id, ["cancelling"], "cancelled", { finishedAt: new Date() });
      return;
    }
    if (!(await hasWorkLeft(db, id))) await transition(db, id, ["running"], "completed", { finishedAt: new Date() });
  }
}
