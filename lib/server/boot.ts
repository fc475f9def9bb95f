import { existsSync } from "node:fs";
import { config } from "@/lib/config";
import { getDb } from "@/lib/db/client";
import { SANDBOX_CREDENTIALS } from "@/lib/auth/sandbox-credentials";
import { restrictUmask, securePrivateDir } from "./data-dir";

const globalForBoot = globalThis as unknown as { __triageBoot?: Promise<void> };

/**
 * Runs once when the dashboard's server starts: the embedded sandbox (when no Intercom
 * app is configured, or SANDBOX=on), the database's migrations, and the bulk job runner
 * (which picks up any job a previous run left unfinished), the audit log's retention
 * sweep (now, then daily), and Insights' daily snapshot of what is open (checked hourly).
 */
export function boot(): Promise<void> {
  globalForBoot.__triageBoot ??= (async () => {
    // Before anything writes to disk: the database and the secret are the owner's alone.
    restrictUmask();
    const c = config();
    if (existsSync(c.dataDir)) {
      try {
        securePrivateDir(c.dataDir);
      } catch (e) {
        console.error(`The data folder ${c.dataDir} could not be made private: ${(e as Error).message}`);
      }
    }
    if (c.sandbox.enabled && !c.sandbox.external) await startEmbeddedSandbox(c.sandbox.port, c.publicOrigin);
    const db = await getDb();
    const { startBulkRunner } = await import("@/lib/bulk/runtime");
    startBulkRunner(db);
    // Ended sessions are already refused; the sweep only keeps the table small.
    const { sweepSessions } = await import("@/lib/auth/sessions");
    const sweep = () =>
      void sweepSessions(db, c.session).catch((e: Error) => console.error(`Session sweep failed: ${e.message}`));
    sweep();
    setInterval(sweep, 60 * 60 * 1000).unref();
    const { startAuditSweep } = await import("@/lib/audit/sweep");
    startAuditSweep(db, c.auditRetentionDays);
    // Insights' backlog history: what is open in every connected workspace, once a day.
    const [{ startSnapshots }, { clientFor }] = await Promise.all([
      import("@/lib/insights/snapshots"),
      import("@/lib/auth/connections"),
    ]);
    startSnapshots(db, (connection) => clientFor(connection));
  })();
  return globalForBoot.__triageBoot;
}

async function startEmbeddedSandbox(port: number, dashboardOrigin: string): Promise<void> {
  if (await isSandboxUp(port)) {
    console.log(`Using the Intercom sandbox already running on port ${port}`);
    return;
  }
  const { startSandbox } = await import("@/lib/sandbox");
  // Other dashboards sharing this sandbox (SANDBOX_URL) sign in through it too when named here.
  const others = (process.env.SANDBOX_REDIRECT_ORIGINS ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const origins = new Set([
    dashboardOrigin,
    dashboardOrigin.replace("://localhost", "://127.0.0.1"),
    dashboardOrigin.replace("://127.0.0.1", "://localhost"),
    ...others,
  ]);
  const running = await startSandbox({
    port,
    seed: process.env.SANDBOX_SEED ?? undefined,
    scale: process.env.SANDBOX_SCALE ? Number(process.env.SANDBOX_SCALE) : undefined,
    clients: [{ ...SANDBOX_CREDENTIALS, name: "Triage dashboard", redirectOrigins: [...origins] }],
  });
  console.log(
    `Intercom sandbox on ${running.url}: ${running.workspaces.map((w) => `${w.name} (${w.region})`).join(", ")}`,
  );
}

async function isSandboxUp(port: number): Promise<boolean> {
  try {
    const res = await fetch(`http://127.0.0.1:${port}/sandbox/health`, { signal: AbortSignal.timeout(500) });
    return res.ok;
  } catch {
    return false;
  }
}
