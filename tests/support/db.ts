/**
 * A fresh database for a test file: PGlite in memory by default, or a throwaway database
 * on the PostgreSQL server at DATABASE_URL, so the same tests run against both.
 */
import { randomBytes } from "node:crypto";
import { openDb, type OpenDb } from "@/lib/db/client";

async function adminQuery(url: string, sql: string): Promise<void> {
  const { Client } = await import("pg");
  const admin = new Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}

export async function testDb(): Promise<OpenDb & { label: string; url: string | null }> {
  const url = process.env.DATABASE_URL;
  if (!url) return { ...(await openDb({ pgliteDir: "memory://" })), label: "pglite", url: null };
  const name = `triage_test_${randomBytes(6).toString("hex")}`;
  await adminQuery(url, `CREATE DATABASE "${name}"`);
  const dbUrl = new URL(url);
  dbUrl.pathname = `/${name}`;
  const opened = await openDb({ url: dbUrl.toString() });
  return {
    ...opened,
    label: `postgres (${name})`,
    url: dbUrl.toString(),
    close: async () => {
      await opened.close();
      await adminQuery(url, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  };
}
