import "server-only";
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * The dashboard's settings, read from the environment once. With nothing configured it
 * runs on the embedded sandbox with a PGlite database and a generated secret, all under
 * the data folder.
 */
export interface Config {
  publicUrl: string;
  publicOrigin: string;
  dataDir: string;
  databaseUrl: string | null;
  intercomVersion: string;
  intercom: { clientId: string; clientSecret: string } | null;
  sandbox: { enabled: boolean; url: string; port: number; external: boolean };
  upstreamTimeoutMs: number;
  /** Bulk jobs: whether this instance runs them, items in flight per job, and how long a claim lasts. */
  bulk: { runner: boolean; concurrency: number; leaseMs: number };
  /** Days an audit log entry is kept before the daily sweep deletes it. */
  auditRetentionDays: number;
}

let cached: Config | undefined;

export function config(): Config {
  if (cached) return cached;
  const env = process.env;
  const port = env.PORT ?? "3000";
  const publicUrl = (env.PUBLIC_URL ?? env.NEXTAUTH_URL ?? `http://localhost:${port}`).replace(/\/+$/, "");
  const clientId = env.INTERCOM_CLIENT_ID?.trim();
  const clientSecret = env.INTERCOM_CLIENT_SECRET?.trim();
  const intercom = clientId && clientSecret ? { clientId, clientSecret } : null;
  const sandboxSetting = env.SANDBOX?.trim().toLowerCase();
  const sandboxPort = Number(env.SANDBOX_PORT ?? 4010);
  const sandboxEnabled = sandboxSetting ? ["1", "on", "true", "yes"].includes(sandboxSetting) : intercom === null;
  cached = {
    publicUrl,
    publicOrigin: new URL(publicUrl).origin,
    dataDir: path.resolve(/*turbopackIgnore: true*/ env.DATA_DIR ?? "data"),
    databaseUrl: env.DATABASE_URL?.trim() || null,
    intercomVersion: env.INTERCOM_VERSION?.trim() || "2.14",
    intercom,
    sandbox: {
      enabled: sandboxEnabled,
      url: (env.SANDBOX_URL ?? `http://127.0.0.1:${sandboxPort}`).replace(/\/+$/, ""),
      port: sandboxPort,
      external: Boolean(env.SANDBOX_URL),
    },
    upstreamTimeoutMs: Number(env.UPSTREAM_TIMEOUT_MS ?? 20_000),
    bulk: {
      runner: !["0", "off", "false", "no"].includes(env.BULK_RUNNER?.trim().toLowerCase() ?? "on"),
      concurrency: Math.max(1, Math.min(64, Number(env.BULK_CONCURRENCY ?? 16) || 16)),
      leaseMs: Math.max(1_000, Number(env.BULK_LEASE_MS ?? 30_000) || 30_000),
    },
    auditRetentionDays: Math.max(1, Math.floor(Number(env.AUDIT_RETENTION_DAYS ?? 180) || 180)),
  };
  // next-auth reads its own variable for building callback URLs.
  env.NEXTAUTH_URL ??= publicUrl;
  return cached;
}

let secret: string | undefined;

/** AUTH_SECRET, or one generated once and kept in the data folder. */
export function authSecret(): string {
  if (secret) return secret;
  const fromEnv = process.env.AUTH_SECRET?.trim() || process.env.NEXTAUTH_SECRET?.trim();
  if (fromEnv) return (secret = fromEnv);
  const dir = config().dataDir;
  const file = path.join(dir, "auth-secret");
  mkdirSync(dir, { recursive: true });
  try {
    writeFileSync(file, randomBytes(32).toString("base64url"), { flag: "wx", mode: 0o600 });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
  }
  return (secret = readFileSync(file, "utf8").trim());
}
