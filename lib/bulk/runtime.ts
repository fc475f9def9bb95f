import "server-only";
import { clientFor, findConnection, markNeedsReconnect } from "@/lib/auth/connections";
import { config } from "@/lib/config";
import type { Db } from "@/lib/db/client";
import { loadCatalog } from "@/lib/catalog/server";
import { BulkRunner } from "./runner";

const globalForRunner = globalThis as unknown as { __bulkRunner?: BulkRunner };

/** Starts this process's bulk runner (once), unless BULK_RUNNER=off. */
export function startBulkRunner(db: Db): BulkRunner | null {
  const c = config().bulk;
  if (!c.runner) return null;
  globalForRunner.__bulkRunner ??= new BulkRunner({
    db,
    concurrency: c.concurrency,
    leaseMs: c.leaseMs,
    connect: async (job) => {
      const connection = await findConnection(db, job.userId, job.workspaceId);
      if (!connection) return { error: "The workspace is no longer connected for the lead who started this job." };
      if (connection.status === "needs_reconnect")
        return { error: "Intercom no longer accepts this workspace's connection. Reconnect it, then resume the job." };
      return { client: clientFor(connection), adminId: connection.adminId, onReconnectNeeded: () => markNeedsReconnect(db, connection) };
    },
    // The catalogue the job was planned with is usually still cached: no call.
    loadTypes: async (client, workspaceId) => (await loadCatalog(client, workspaceId)).ticketTypes,
  }).start();
  return globalForRunner.__bulkRunner;
}

/** The running bulk runner, to wake it when a job is created; null where this instance runs none. */
export function bulkRunner(): BulkRunner | null {
  return globalForRunner.__bulkRunner ?? null;
}
