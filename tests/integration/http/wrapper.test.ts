import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { findConnection, markNeedsReconnect, upsertConnection, upsertUser } from "@/lib/auth/connections";
import type { SessionUser } from "@/lib/auth/session";
import type { OpenDb } from "@/lib/db/client";
import { HttpError } from "@/lib/http/errors";
import { intercomIdParams } from "@/lib/http/params";
import { createRoute, RECONNECT_MESSAGE } from "@/lib/http/wrapper";
import { IntercomError } from "@/lib/intercom/errors";
import { testDb } from "../../support/db";

process.env.AUTH_SECRET = "wrapper-test-secret";
const ORIGIN = "http://localhost:3999";

let handle: OpenDb;
let user: SessionUser;
let signedIn: SessionUser | null;

/** Connects (or reconnects, which makes the connection active again) a workspace of the lead's. */
async function connect(userId: string, workspaceId: string): Promise<void> {
  await upsertConnection(handle.db, {
    userId,
    workspaceId,
    workspaceName: "Mine",
    region: "US",
    timezone: "UTC",
    target: "sandbox",
    adminId: "1",
    adminName: "Lead",
    adminEmail: "lead@example.com",
    accessToken: "sbx_oat_wrapper",
  });
}

beforeAll(async () => {
  handle = await testDb();
  const id = await upsertUser(handle.db, "lead@example.com", "Lead");
  user = { id, email: "lead@example.com", name: "Lead", lastWorkspace: null, sessionId: "test-session" };
  await connect(id, "mine");
});
afterAll(() => handle.close());

const route = createRoute({
  getUser: async () => signedIn,
  findConnection: (u, ws) => findConnection(handle.db, u.id, ws),
  allowedOrigin: () => ORIGIN,
  markNeedsReconnect: (connection) => markNeedsReconnect(handle.db, connection),
});

const body = z.object({ name: z.string().min(1, "Give it a name"), count: z.number().int().max(10) }).strict();
const echo = route({ workspace: true, body }, async ({ body, connection }) => ({
  ok: true,
  body,
  workspace: connection.workspaceId,
}));
const read = route({ workspace: true }, async ({ connection }) => ({ workspace: connection.workspaceId }));

function call(
  handler: typeof echo,
  init: { method?: string; ws?: string; headers?: Record<string, string>; body?: string },
) {
  const req = new NextRequest(`${ORIGIN}/api/w/${init.ws ?? "mine"}/thing`, {
    method: init.method ?? "GET",
    headers: init.headers,
    body: init.body,
  });
  return handler(req, { params: Promise.resolve({ workspace: init.ws ?? "mine" }) });
}

const json = { "content-type": "application/json", origin: ORIGIN };

describe("the route wrapper", () => {
  it("answers 401 without a session", async () => {
    signedIn = null;
    const res = await call(read, {});
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: { code: "unauthenticated", message: expect.any(String) } });
  });

  it("answers 404 for a workspace the session does not own, or a malformed one", async () => {
    signedIn = user;
    for (const ws of ["theirs", "../mine", "mine%2f..", ""]) {
      const res = await call(read, { ws });
      expect(res.status, ws).toBe(404);
      expect((await res.json()).error.code).toBe("workspace_not_found");
    }
  });

  it("serves the session's own workspace", async () => {
    signedIn = user;
    const res = await call(read, {});
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ workspace: "mine" });
    expect(res.headers.get("cache-control")).toBe("no-store");
  });

  it("refuses mutations from another origin, or with none", async () => {
    signedIn = user;
    const forged = await call(echo, {
      method: "POST",
      headers: { ...json, origin: "https://evil.example" },
      body: '{"name":"x","count":1}',
    });
    expect(forged.status).toBe(403);
    expect((await forged.json()).error.code).toBe("bad_origin");
    const missing = await call(echo, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: '{"name":"x","count":1}',
    });
    expect(missing.status).toBe(403);
    expect((await missing.json()).error.code).toBe("origin_required");
  });

  it.each([
    [{ "content-type": "text/plain", origin: ORIGIN }, "hello", 415, "unsupported_media_type"],
    [json, "{not json", 400, "invalid_json"],
    [json, "", 400, "invalid_json"],
    [json, JSON.stringify({ name: "x".repeat(1024 * 1024 + 10), count: 1 }), 413, "body_too_large"],
  ])("refuses a bad body (%#)", async (headers, text, status, code) => {
    signedIn = user;
    const res = await call(echo, { method: "POST", headers, body: text });
    expect(res.status).toBe(status);
    expect((await res.json()).error.code).toBe(code);
  });

  it("returns field errors from the schema, naming each field", async () => {
    signedIn = user;
    const res = await call(echo, {
      method: "POST",
      headers: json,
      body: JSON.stringify({ name: "", count: "3", extra: true }),
    });
    expect(res.status).toBe(400);
    const out = await res.json();
    expect(out.error.code).toBe("invalid_input");
    expect(out.error.fields.name).toBe("Give it a name");
    expect(out.error.fields.count).toMatch(/number/);
    expect(out.error.fields._).toMatch(/extra/);
  });

  it("passes parsed input to the handler", async () => {
    signedIn = user;
    const res = await call(echo, { method: "POST", headers: json, body: JSON.stringify({ name: "ok", count: 2 }) });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, body: { name: "ok", count: 2 }, workspace: "mine" });
  });

  it("marks the connection when Intercom answers 401, and says to reconnect", async () => {
    signedIn = user;
    const revoked = route({ workspace: true }, async () => {
      throw new IntercomError(401, "unauthorized", "Access Token Invalid");
    });
    const res = await call(revoked, {});
    expect(res.status).toBe(401);
    expect((await res.json()).error.code).toBe("reconnect_required");
    expect((await findConnection(handle.db, user.id, "mine"))!.status).toBe("needs_reconnect");
    await connect(user.id, "mine");
  });

  it("sends nothing more with a token Intercom refused: routes that call Intercom answer 401 before their handler runs", async () => {
    signedIn = user;
    await connect(user.id, "revoked");
    await markNeedsReconnect(handle.db, (await findConnection(handle.db, user.id, "revoked"))!);
    let ran = 0;
    const reads = route({ workspace: true }, async () => {
      ran++;
      return { ok: true };
    });
    const writes = route({ workspace: true, body }, async () => {
      ran++;
      return { ok: true };
    });
    for (const res of [
      await call(reads, { ws: "revoked" }),
      await call(writes, {
        ws: "revoked",
        method: "POST",
        headers: json,
        body: JSON.stringify({ name: "x", count: 1 }),
      }),
    ]) {
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual({ error: { code: "reconnect_required", message: RECONNECT_MESSAGE } });
    }
    expect(ran).toBe(0);
    // A forged Origin is still told so first.
    const forged = await call(writes, {
      ws: "revoked",
      method: "POST",
      headers: { ...json, origin: "https://evil.example" },
      body: "{}",
    });
    expect((await forged.json()).error.code).toBe("bad_origin");
  });

  it("keeps routes that only use the database working while the connection needs reconnecting, and all of them once reconnected", async () => {
    signedIn = user;
    await connect(user.id, "revoked");
    await markNeedsReconnect(handle.db, (await findConnection(handle.db, user.id, "revoked"))!);
    const local = route({ workspace: true, intercom: false }, async ({ connection }) => ({
      workspace: connection.workspaceId,
    }));
    const res = await call(local, { ws: "revoked" });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ workspace: "revoked" });

    await connect(user.id, "revoked");
    const again = await call(read, { ws: "revoked" });
    expect(again.status).toBe(200);
  });

  it("turns thrown errors into typed JSON", async () => {
    signedIn = user;
    const cases: [unknown, number, string][] = [
      [new HttpError("conflict", "Changed by someone else"), 409, "conflict"],
      [new IntercomError(404, "ticket_not_found", "Ticket not found"), 404, "not_found"],
      [new IntercomError(504, "upstream_timeout", "Intercom did not answer"), 504, "intercom_timeout"],
      [new IntercomError(503, "service_unavailable", "Down"), 502, "intercom_unavailable"],
      [new IntercomError(422, "parameter_invalid", "Bad value"), 400, "intercom_refused"],
      [new IntercomError(429, "rate_limit_exceeded", "Slow down"), 429, "rate_limited"],
      [new Error("boom"), 500, "internal_error"],
    ];
    for (const [error, status, code] of cases) {
      const failing = route({ workspace: true }, async () => {
        throw error;
      });
      const res = await call(failing, {});
      expect(res.status).toBe(status);
      const out = await res.json();
      expect(out.error.code).toBe(code);
      expect(JSON.stringify(out)).not.toContain("boom");
    }
  });

  it("a request the browser abandoned mid-body is a quiet 400, not a server error", async () => {
    signedIn = user;
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"name":'));
        controller.error(Object.assign(new Error("aborted"), { code: "ECONNRESET" }));
      },
    });
    const logged: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => void logged.push(args);
    try {
      const req = new NextRequest(`${ORIGIN}/api/w/mine/thing`, {
        method: "POST",
        headers: json,
        body: stream,
        duplex: "half",
      } as ConstructorParameters<typeof NextRequest>[1]);
      const res = await echo(req, { params: Promise.resolve({ workspace: "mine" }) });
      expect(res.status).toBe(400);
      expect((await res.json()).error.code).toBe("request_aborted");
    } finally {
      console.error = original;
    }
    expect(logged).toEqual([]);
  });
});

describe("the route wrapper's params", () => {
  let ran = 0;
  const ticket = route({ workspace: true, params: intercomIdParams("ticket"), body }, async ({ params, body }) => {
    ran++;
    return { params, body };
  });
  const readTicket = route({ workspace: true, params: intercomIdParams("ticket") }, async ({ params }) => {
    ran++;
    return { params };
  });

  function callWith(
    handler: typeof echo,
    params: Record<string, string | string[] | undefined>,
    init: { method?: string; ws?: string; headers?: Record<string, string>; body?: string } = {},
  ) {
    const req = new NextRequest(`${ORIGIN}/api/w/${init.ws ?? "mine"}/tickets/x`, {
      method: init.method ?? "GET",
      headers: init.headers,
      body: init.body,
    });
    return handler(req, { params: Promise.resolve({ workspace: init.ws ?? "mine", ...params }) });
  }
  const valid = JSON.stringify({ name: "ok", count: 1 });

  it("hands the handler the segments as the schema parsed them, and nothing else", async () => {
    signedIn = user;
    const res = await callWith(ticket, { id: "215_abc-9", other: "x" }, { method: "POST", headers: json, body: valid });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ params: { id: "215_abc-9" }, body: { name: "ok", count: 1 } });
  });

  it("answers 404 with the schema's message for a segment that does not parse, before the handler runs", async () => {
    signedIn = user;
    ran = 0;
    const bad: (string | string[] | undefined)[] = [
      "../admins",
      "1/2",
      "1%2F2",
      "",
      "a".repeat(65),
      "https://evil.example",
      ["1", "2"],
      undefined,
    ];
    for (const id of bad) {
      const res = await callWith(readTicket, { id });
      expect(res.status, String(id)).toBe(404);
      expect(await res.json()).toEqual({ error: { code: "not_found", message: "That ticket was not found." } });
    }
    expect(ran).toBe(0);
  });

  it("checks the segments after the session, the workspace, the Origin and the connection, and before the body", async () => {
    ran = 0;
    signedIn = null;
    expect((await (await callWith(readTicket, { id: "../x" })).json()).error.code).toBe("unauthenticated");
    signedIn = user;
    expect((await (await callWith(readTicket, { id: "../x" }, { ws: "theirs" })).json()).error.code).toBe(
      "workspace_not_found",
    );
    const forged = await callWith(
      ticket,
      { id: "../x" },
      { method: "POST", headers: { ...json, origin: "https://evil.example" }, body: valid },
    );
    expect((await forged.json()).error.code).toBe("bad_origin");
    await connect(user.id, "revoked");
    await markNeedsReconnect(handle.db, (await findConnection(handle.db, user.id, "revoked"))!);
    expect((await (await callWith(readTicket, { id: "../x" }, { ws: "revoked" })).json()).error.code).toBe(
      "reconnect_required",
    );
    // A bad id and a bad body: the id is what is wrong first.
    const both = await callWith(ticket, { id: "../x" }, { method: "POST", headers: json, body: "{not json" });
    expect(both.status).toBe(404);
    expect((await both.json()).error.code).toBe("not_found");
    expect(ran).toBe(0);
  });
});
