import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  clientFor,
  deleteConnection,
  findConnection,
  findUserIdByEmail,
  listConnections,
  markNeedsReconnect,
  upsertConnection,
  upsertUser,
} from "@/lib/auth/connections";
import type { OpenDb } from "@/lib/db/client";
import { workspaceConnections } from "@/lib/db/schema";
import { testDb } from "../../support/db";

process.env.AUTH_SECRET = "connections-test-secret";

let handle: OpenDb & { label: string };
beforeAll(async () => {
  handle = await testDb();
});
afterAll(() => handle.close());

const base = {
  workspaceName: "Northwind Support",
  region: "US",
  timezone: "America/New_York",
  target: "sandbox" as const,
  adminId: "1000010",
  adminName: "Morgan Avery",
  adminEmail: "morgan@example.com",
};

describe("workspace connections", () => {
  it("keeps one user per verified email, whatever its case", async () => {
    const a = await upsertUser(handle.db, "Morgan@Example.com", "Morgan");
    const b = await upsertUser(handle.db, "morgan@example.com", "Morgan Avery");
    expect(a).toBe(b);
    expect(await findUserIdByEmail(handle.db, "MORGAN@example.com")).toBe(a);
  });

  it("stores tokens sealed, lists connections without them, and refreshes on reconnect", async () => {
    const userId = await upsertUser(handle.db, "lead@example.com", "Lead");
    await upsertConnection(handle.db, { ...base, userId, workspaceId: "wsa", accessToken: "sbx_oat_first" });
    await upsertConnection(handle.db, {
      ...base,
      userId,
      workspaceId: "wsb",
      workspaceName: "Fjord",
      region: "EU",
      accessToken: "sbx_oat_second",
    });
    const rows = await handle.db.select().from(workspaceConnections);
    for (const row of rows) {
      expect(row.tokenCiphertext).not.toContain("sbx_oat");
      expect(row.tokenCiphertext.startsWith("v1.")).toBe(true);
    }
    const listed = await listConnections(handle.db, userId);
    expect(listed.map((c) => c.workspaceId)).toEqual(["wsa", "wsb"]);
    expect(JSON.stringify(listed)).not.toContain("sbx_oat");

    const conn = await findConnection(handle.db, userId, "wsa");
    await markNeedsReconnect(handle.db, conn!);
    expect((await findConnection(handle.db, userId, "wsa"))!.status).toBe("needs_reconnect");
    await upsertConnection(handle.db, { ...base, userId, workspaceId: "wsa", accessToken: "sbx_oat_renewed" });
    const renewed = await findConnection(handle.db, userId, "wsa");
    expect(renewed!.status).toBe("active");
    expect(renewed!.id).toBe(conn!.id);
  });

  it("hands a client the decrypted token for its own row only", async () => {
    const userId = await upsertUser(handle.db, "client@example.com", null);
    await upsertConnection(handle.db, { ...base, userId, workspaceId: "wsc", accessToken: "sbx_oat_for_client" });
    const conn = (await findConnection(handle.db, userId, "wsc"))!;
    let seen = "";
    const client = clientFor(conn, "2.14", async (req) => {
      seen = req.headers.Authorization;
      return { status: 200, headers: new Headers(), bytes: new Uint8Array(2) };
    });
    await client.raw("GET", "/me");
    expect(seen).toBe("Bearer sbx_oat_for_client");
    const other = await upsertUser(handle.db, "other@example.com", null);
    expect(() => clientFor({ ...conn, userId: other })).toThrow();
  });

  it("does not find another user's connection, and deletes only its own", async () => {
    const owner = await upsertUser(handle.db, "owner@example.com", null);
    const stranger = await upsertUser(handle.db, "stranger@example.com", null);
    await upsertConnection(handle.db, { ...base, userId: owner, workspaceId: "wsd", accessToken: "sbx_oat_d" });
    expect(await findConnection(handle.db, stranger, "wsd")).toBeNull();
    expect(await deleteConnection(handle.db, stranger, "wsd")).toBe(false);
    expect(await deleteConnection(handle.db, owner, "wsd")).toBe(true);
    expect(await findConnection(handle.db, owner, "wsd")).toBeNull();
  });

  it(`runs on ${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"}`, () => {
    expect(handle.kind).toBe(process.env.DATABASE_URL ? "postgres" : "pglite");
  });
});
