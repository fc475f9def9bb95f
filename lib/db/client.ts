import "server-only";
import path from "node:path";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { config } from "@/lib/config";
import { securePrivateDir } from "@/lib/server/data-dir";
import * as schema from "./schema";

/** Both drivers give the same Postgres dialect; code only ever sees this type. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface OpenDb {
  db: Db;
  kind: "pglite" | "postgres";
  close(): Promise<void>;
}

export interface OpenOptions {
  /** postgres://… uses node-postgres; otherwise PGlite. */
  url?: string | null;
  /** PGlite's data folder, or "memory://" for a throwaway database. */
  pgliteDir?: string;
}

const MIGRATIONS = path.join(process.cwd(), "lib", "db", "migrations");

/**
 * Opens the database and brings its schema up to date. PGlite is WebAssembly loaded at
 * run time, so it is imported here, never at module load (next build imports routes).
 */
export async function openDb(options: OpenOptions): Promise<OpenDb> {
  if (options.url) {
    const { Pool } = await import("pg");
    const { drizzle } = await import("drizzle-orm/node-postgres");
    const { migrate } = await import("drizzle-orm/node-postgres/migrator");
    const pool = new Pool({ connectionString: options.url, max: 10 });
    // An idle connection dropped by the server (restart, failover) must not take the process down.
    pool.on("error", (e) => console.error(`Database connection lost: ${e.message}`));
    const client = await pool.connect();
    try {
      // One instance migrates at a time; the others wait, then find nothing to do.
      await client.query("SELECT pg_advisory_lock(hashtext('triage-dashboard-migrations'))");
      const db = drizzle(pool, { schema });
      await migrate(db, { migrationsFolder: MIGRATIONS });
    } finally {
      await client.query("SELECT pg_advisory_unlock(hashtext('triage-dashboard-migrations'))").catch(() => {});
      client.release();
    }
    return { db: drizzle(pool, { schema }) as unknown as Db, kind: "postgres", close: () => pool.end() };
  }
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  const { migrate } = await import("drizzle-orm/pglite/migrator");
  const dir = options.pgliteDir ?? "memory://";
  const onDisk = !dir.startsWith("memory://");
  // PGlite sets its files' modes itself (0666), so they are tightened once it has written them.
  const secure = () => (onDisk ? securePrivateDir(dir) : 0);
  secure();
  const client = new PGlite(dir);
  const db = drizzle(client, { schema });
  await migrate(db, { migrationsFolder: MIGRATIONS });
  secure();
  return {
    db: db as unknown as Db,
    kind: "pglite",
    close: async () => {
      await client.close();
      secure();
    },
  };
}

const globalForDb = globalThis as unknown as { __triageDb?: Promise<OpenDb> };

/** The dashboard's database, opened once per process (and kept across dev reloads). */
export function getDb(): Promise<Db> {
  globalForDb.__triageDb ??= openDb({
    url: config().databaseUrl,
    pgliteDir: path.join(config().dataDir, "db"),
  }).catch((e) => {
    globalForDb.__triageDb = undefined;
    throw e;
  });
  return globalForDb.__triageDb.then((o) => o.db);
}
