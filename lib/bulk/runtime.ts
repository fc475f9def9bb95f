import "server-only";
import { clientFor, findConnection, markNeedsReconnect } from "@/lib/auth/connections";
import { config } from "@/lib/config";
import type { Db } from "@/lib/db/client";
import { loadTicketTypes } from "@/lib/catalog/server";
import { keptValue } from "@/lib/server/data-dir";
import { BulkRunner, RECONNECT_REASON, type RunnerOptions } from "./runner";

const globalForRunner = globalThis as unknown as { __bulkRunner?: BulkRunner };

/** Starts this process's bulk runner (once), unless BULK_RUNNER=off. */
export function startBulkRunner(db: Db): BulkRunner | null {
  const c = config().bulk;
  if (!c.runner) return null;
  globalForRunner.__bulkRunner ??= new BulkRunner({
    db,
    // The same id after a restart: this instance's earlier claims are taken over at once.
    instanceId: `runner-${keptValue(config().dataDir, "runner-id")}`,
    concurrency: c.concurrency,
    leaseMs: c.leaseMs,
    connect: connectJob(db),
    // The catalogue the job was planned with is usually still cached: no call.
    loadTypes: loadTicketTypes,
  }).start();
  return globalForRunner.__bulkRunner;
}

/**
 * A job runs as the lead who started it, with their connection's token, and only while
 * Intercom accepts it: a connection marked for reconnecting (here or by any route) pauses
 * the job with a reason instead of sending more calls.
 */
export function connectJob(db: Db): RunnerOptions["connect"] {
  return async (job) => {
    const connection = await findConnection(db, job.userId, job.workspaceId);
    if (!connection) return { error: "The workspace is no longer connected for the lead who started this job." };
    if (connection.status === "needs_reconnect") return { error: RECONNECT_REASON };
    return {
      client: clientFor(connection),
      adminId: connection.adminId,
      onReconnectNeeded: () => markNeedsReconnect(db, connection),
      usable: async () => (await findConnection(db, job.userId, job.workspaceId))?.status === "active",
    };
  };
}

/** The running bulk runner, to wake it when a job is created; null where this instance runs none. */
export function bulkRunner(): BulkRunner | null {
  return globalForRunner.__bulkRunner ?? null;
}
