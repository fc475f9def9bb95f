import "server-only";
import { randomBytes } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseIntercomVersion, type IntercomVersion } from "@/lib/intercom/versions";
import { makePrivateDir } from "@/lib/server/data-dir";
import { intercomCredentials, sandboxSettings } from "./env";

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
  /** Sent as Intercom-Version on every call; a value that is not a version stops the start. */
  intercomVersion: IntercomVersion;
  intercom: { clientId: string; clientSecret: string } | null;
  sandbox: { enabled: boolean; url: string; port: number; external: boolean };
  upstreamTimeoutMs: number;
  /** Bulk jobs: whether this instance runs them, items in flight per job, and how long a claim lasts. */
  bulk: { runner: boolean; concurrency: number; leaseMs: number };
  /** Sessions end this long after sign-in (absolute) or after the last request (idle), in seconds. */
  session: { maxAgeS: number; idleS: number };
  /** Days an audit log entry is kept before the daily sweep deletes it. */
  auditRetentionDays: number;
}

/** "43200", "720m", "12h" or "1d" in seconds; the fallback when unset or not a positive duration. */
export function parseDuration(value: string | undefined, fallbackS: number): number {
  const match = value?.trim().match(/^(\d+)\s*(s|m|h|d)?$/i);
  if (!match) return fallbackS;
  const unit = { s: 1, m: 60, h: 3600, d: 86400 }[(match[2] ?? "s").toLowerCase() as "s" | "m" | "h" | "d"];
  const seconds = Number(match[1]) * unit;
  return seconds > 0 ? seconds : fallbackS;
}

let cached: Config | undefined;

export function config(): Config {
  if (cached) return cached;
  const env = process.env;
  const port = env.PORT ?? "3000";
  const publicUrl = (env.PUBLIC_URL ?? env.NEXTAUTH_URL ?? `http://localhost:${port}`).replace(/\/+$/, "");
  const intercom = intercomCredentials(env);
  cached = {
    publicUrl,
    publicOrigin: new URL(publicUrl).origin,
    dataDir: path.resolve(/*turbopackIgnore: true*/ env.DATA_DIR ?? "data"),
    databaseUrl: env.DATABASE_URL?.trim() || null,
    intercomVersion: parseIntercomVersion(env.INTERCOM_VERSION),
    intercom,
    sandbox: sandboxSettings(env, intercom !== null),
    upstreamTimeoutMs: Number(env.UPSTREAM_TIMEOUT_MS ?? 20_000),
    bulk: {
      runner: !["0", "off", "false", "no"].includes(env.BULK_RUNNER?.trim().toLowerCase() ?? "on"),
      concurrency: Math.max(1, Math.min(64, Number(env.BULK_CONCURRENCY ?? 16) || 16)),
      leaseMs: Math.max(1_000, Number(env.BULK_LEASE_MS ?? 30_000) || 30_000),
    },
    session: {
      maxAgeS: parseDuration(env.SESSION_MAX_AGE, 12 * 3600),
      idleS: parseDuration(env.SESSION_IDLE_TIMEOUT, 30 * 60),
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
  makePrivateDir(dir);
  try {
    writeFileSync(file, randomBytes(32).toString("base64url"), { flag: "wx", mode: 0o600 });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
  }
  return (secret = readFileSync(file, "utf8").trim());
}
