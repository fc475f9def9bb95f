import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findConnection, markNeedsReconnect } from "@/lib/auth/connections";
import type { SessionUser } from "@/lib/auth/session";
import { createRoute } from "@/lib/http/wrapper";
import { makeViewsHandlers } from "@/lib/views/handlers";
import type { SavedView } from "@/lib/views/schemas";
import { testDb } from "../../support/db";
import { lead, rawQuery, snapshot, viewBody } from "./fixtures";

process.env.AUTH_SECRET = "views-routes-test-secret";
const ORIGIN = "http://localhost:3999";

let handle: Awaited<ReturnType<typeof testDb>>;
let ana: SessionUser;
let ben: SessionUser;
let cat: SessionUser;
let signedIn: SessionUser | null;

beforeAll(async () => {
  handle = await testDb();
  // Ana has two workspaces; Ben shares "acme" with her; Cat only has "globex".
  ana = await lead(handle.db, "ana@example.com", ["acme", "initech"]);
  ben = await lead(handle.db, "ben@example.com", ["acme"]);
  cat = await lead(handle.db, "cat@example.com", ["globex"]);
});
afterAll(() => handle.close());

const route = createRoute({
  getUser: async () => signedIn,
  findConnection: (u, ws) => findConnection(handle.db, u.id, ws),
  allowedOrigin: () => ORIGIN,
  markNeedsReconnect: (connection) => markNeedsReconnect(handle.db, connection),
});
const views = makeViewsHandlers(route, async () => handle.db);

type Handler = typeof views.list;
interface Call {
  as?: SessionUser | null;
  ws?: string;
  id?: string;
  body?: unknown;
  origin?: string | null;
}

async function call(handler: Handler, method: string, init: Call = {}) {
  signedIn = init.as === undefined ? ana : init.as;
  const ws = init.ws ?? "acme";
  const headers: Record<string, string> = {};
  if (init.origin !== null) headers.origin = init.origin ?? ORIGIN;
  if (init.body !== undefined) headers["content-type"] = "application/json";
  const path = `/api/w/${ws}/views${init.id === undefined ? "" : `/${encodeURIComponent(init.id)}`}`;
  const req = new NextRequest(ORIGIN + path, {
    method,
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const res = await handler(req, {
    params: Promise.resolve({ workspace: ws, ...(init.id === undefined ? {} : { id: init.id }) }),
  });
  return { status: res.status, body: await res.json() };
}

const list = (init?: Call) => call(views.list, "GET", init);
const create = (body: unknown, init?: Call) => call(views.create, "POST", { ...init, body });
const patch = (id: string, body: unknown, init?: Call) => call(views.update, "PATCH", { ...init, id, body });
const remove = (id: string, init?: Call) => call(views.remove, "DELETE", { ...init, id });
const getOne = (id: string, init?: Call) => call(views.get, "GET", { ...init, id });

const filter = (field = "open", value: unknown = true) => ({ kind: "filter", field, operator: "=", value });

describe("the saved-view routes", () => {
  it("answer 401 without a session, whatever the method", async () => {
    const before = await snapshot(handle.db);
    for (const res of [
      await list({ as: null }),
      await create(viewBody("tickets", "x", false), { as: null }),
      await patch("00000000-0000-4000-8000-000000000000", { name: "x" }, { as: null }),
      await remove("00000000-0000-4000-8000-000000000000", { as: null }),
    ]) {
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe("unauthenticated");
    }
    expect(await snapshot(handle.db)).toBe(before);
  });

  it("list the workspace's defaults on first use, in the response shape the UI reads", async () => {
    const res = await list();
    expect(res.status).toBe(200);
    expect(res.body.views.map((v: SavedView) => v.name)).toEqual([
      "Open tickets assigned to me",
      "Unassigned open tickets",
      "Waiting on customer for 3+ days",
      "Open priority conversations",
    ]);
    const [first] = res.body.views as SavedView[];
    expect(Object.keys(first).sort()).toEqual([
      "columns",
      "createdAt",
      "editable",
      "id",
      "name",
      "owner",
      "query",
      "resource",
      "shared",
      "updatedAt",
    ]);
    expect(first).toMatchObject({
      resource: "tickets",
      shared: true,
      owner: "default",
      editable: true,
      query: { resource: "tickets", root: { kind: "group" } },
    });
    expect(new Date(first.createdAt).toISOString()).toBe(first.createdAt);
  });

  it("create a view with 201, and show it to teammates only when shared", async () => {
    const created = await create(viewBody("conversations", "  Escalations  ", true, { columns: ["subject", "state"] }));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: "Escalations",
      resource: "conversations",
      shared: true,
      owner: "me",
      editable: true,
      columns: ["subject", "state"],
    });
    // Node ids are filled in so the builder can track rows; the search itself is what was sent.
    expect(created.body.query.root.children[0]).toMatchObject({
      kind: "filter",
      field: "open",
      operator: "=",
      value: true,
      id: expect.any(String),
    });

    const personal = await create(viewBody("tickets", "Just mine", false));
    expect(personal.status).toBe(201);

    const forBen = (await list({ as: ben })).body.views as SavedView[];
    expect(forBen.find((v) => v.id === created.body.id)).toMatchObject({ owner: "team", editable: false });
    expect(forBen.find((v) => v.id === personal.body.id)).toBeUndefined();
    expect((await getOne(personal.body.id, { as: ben })).status).toBe(404);
    expect((await getOne(personal.body.id)).body).toEqual(personal.body);
  });

  it("rename a view with PATCH, and delete it with DELETE", async () => {
    const { body: view } = await create(viewBody("tickets", "Old name", false));
    const renamed = await patch(view.id, { name: "New name" });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({
      id: view.id,
      name: "New name",
      columns: view.columns,
      shared: false,
      createdAt: view.createdAt,
    });

    const deleted = await remove(view.id);
    expect(deleted).toEqual({ status: 200, body: { deleted: view.id } });
    expect((await getOne(view.id)).status).toBe(404);
    expect((await remove(view.id)).status).toBe(404);
  });

  it("let any lead of the workspace rename and delete a default", async () => {
    const defaults = ((await list()).body.views as SavedView[]).filter((v) => v.owner === "default");
    expect((await patch(defaults[0].id, { name: "Assigned to me" }, { as: ben })).body).toMatchObject({
      name: "Assigned to me",
      owner: "default",
    });
    expect((await remove(defaults[1].id, { as: ben })).status).toBe(200);
    const after = ((await list()).body.views as SavedView[]).filter((v) => v.owner === "default").map((v) => v.name);
    expect(after).toEqual(["Assigned to me", "Waiting on customer for 3+ days", "Open priority conversations"]);
  });

  it("refuse with 403 a change to a teammate's shared view, changing nothing", async () => {
    const { body: view } = await create(viewBody("tickets", "Ana's team view", true));
    const before = await snapshot(handle.db);
    for (const res of [await patch(view.id, { name: "Ben's now" }, { as: ben }), await remove(view.id, { as: ben })]) {
      expect(res.status).toBe(403);
      expect(res.body.error).toEqual({
        code: "view_read_only",
        message: expect.stringMatching(/Only the teammate who shared this view/),
      });
    }
    expect(await snapshot(handle.db)).toBe(before);
  });

  it("answer 404 for another workspace, and for a view of another workspace", async () => {
    const { body: view } = await create(viewBody("tickets", "Acme only", true));
    const before = await snapshot(handle.db);
    // Cat has no acme connection: the workspace itself is not hers.
    for (const res of [
      await list({ as: cat }),
      await patch(view.id, { name: "x" }, { as: cat }),
      await remove(view.id, { as: cat }),
    ]) {
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe("workspace_not_found");
    }
    // Through a workspace she has connected, the acme view's id names nothing.
    for (const [as, ws] of [
      [cat, "globex"],
      [ana, "initech"],
    ] as const) {
      for (const res of [
        await getOne(view.id, { as, ws }),
        await patch(view.id, { name: "x" }, { as, ws }),
        await remove(view.id, { as, ws }),
      ]) {
        expect(res.status).toBe(404);
        expect(res.body.error.code).toBe("view_not_found");
      }
    }
    expect(await snapshot(handle.db)).toBe(before);
  });

  it("answer 404, not 500, for ids that are not UUIDs", async () => {
    await list();
    const before = await snapshot(handle.db);
    for (const id of ["not-a-uuid", "42", "' OR 1=1 --", "00000000-0000-0000-0000-00000000000z"]) {
      for (const res of [await getOne(id), await patch(id, { name: "x" }), await remove(id)]) {
        expect(res.status, id).toBe(404);
        expect(res.body.error.code).toBe("view_not_found");
      }
    }
    expect(await snapshot(handle.db)).toBe(before);
  });

  it("refuse mutations from a forged origin, changing nothing", async () => {
    const { body: view } = await create(viewBody("tickets", "Keep me", false));
    const before = await snapshot(handle.db);
    const forged = { origin: "https://evil.example" };
    for (const res of [
      await create(viewBody("tickets", "Injected", true), forged),
      await patch(view.id, { name: "Pwned" }, forged),
      await remove(view.id, forged),
      await remove(view.id, { origin: null }),
    ]) {
      expect(res.status).toBe(403);
      expect(["bad_origin", "origin_required"]).toContain(res.body.error.code);
    }
    expect(await snapshot(handle.db)).toBe(before);
  });
});

describe("input the routes refuse with field errors", () => {
  const nested3 = rawQuery("tickets", [
    { kind: "group", operator: "OR", children: [{ kind: "group", operator: "AND", children: [filter()] }] },
  ]);
  const sixteen = rawQuery(
    "tickets",
    Array.from({ length: 16 }, (_, i) => filter("title", `t${i}`)),
  );

  it.each<[string, unknown, Record<string, string | RegExp>]>([
    ["an empty name", viewBody("tickets", "   ", false), { name: "Give the view a name" }],
    ["a name too long", viewBody("tickets", "x".repeat(81), false), { name: /80 characters/ }],
    [
      "an unknown resource",
      { ...viewBody("tickets", "x", false), resource: "companies" },
      { resource: "Choose tickets, conversations or contacts" },
    ],
    [
      "a query of another resource",
      viewBody("tickets", "x", false, { query: rawQuery("contacts") }),
      { "query.resource": /over contacts, but the view lists tickets/ },
    ],
    [
      "a query nested 3 deep",
      viewBody("tickets", "x", false, { query: nested3 }),
      { "query.root": /nested at most 2/ },
    ],
    [
      "16 filters in a group",
      viewBody("tickets", "x", false, { query: sixteen }),
      { "query.root.children": /At most 15/ },
    ],
    ["no query", { ...viewBody("tickets", "x", false), query: undefined }, { query: "Build a search for the view" }],
    ["unknown keys", { ...viewBody("tickets", "x", false), owner: "someone-else" }, { _: /owner/ }],
    [
      "columns not an array",
      viewBody("tickets", "x", false, { columns: "title" as never }),
      { columns: "Columns must be a list of column ids" },
    ],
    ["no columns", viewBody("tickets", "x", false, { columns: [] }), { columns: "Show at least one column" }],
    [
      "31 columns",
      viewBody("tickets", "x", false, { columns: Array.from({ length: 31 }, (_, i) => `c${i}`) }),
      { columns: /at most 30/ },
    ],
    ["shared not a boolean", viewBody("tickets", "x", "yes" as never), { shared: /shared/ }],
  ])("POST with %s", async (_what, body, expected) => {
    const before = await snapshot(handle.db);
    const res = await create(body);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("invalid_input");
    for (const [field, message] of Object.entries(expected))
      expect(res.body.error.fields[field], field).toMatch(message);
    expect(await snapshot(handle.db)).toBe(before);
  });

  it("PATCH with nothing to change, unknown keys, a resource change or another resource's query", async () => {
    const { body: view } = await create(viewBody("tickets", "Patch target", false));
    const before = await snapshot(handle.db);
    const cases: [unknown, Record<string, string | RegExp>][] = [
      [{}, { _: /at least one/ }],
      [{ resource: "contacts" }, { _: /resource/ }],
      [{ name: "" }, { name: "Give the view a name" }],
      [{ columns: "title" }, { columns: "Columns must be a list of column ids" }],
      [{ query: rawQuery("conversations") }, { "query.resource": /over conversations, but the view lists tickets/ }],
      [{ query: nested3 }, { "query.root": /nested at most 2/ }],
    ];
    for (const [body, expected] of cases) {
      const res = await patch(view.id, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.code).toBe("invalid_input");
      for (const [field, message] of Object.entries(expected))
        expect(res.body.error.fields[field], field).toMatch(message);
    }
    expect(await snapshot(handle.db)).toBe(before);
  });
});
