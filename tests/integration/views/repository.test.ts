import { and, eq, isNotNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/auth/session";
import { openDb } from "@/lib/db/client";
import { savedViews, users } from "@/lib/db/schema";
import { stripIds } from "@/lib/search/model";
import { DEFAULT_COLUMNS, defaultViews } from "@/lib/views/defaults";
import { createView, deleteView, ensureDefaultViews, getView, listViews, updateView } from "@/lib/views/repository";
import { viewInput } from "@/lib/views/schemas";
import { testDb } from "../../support/db";
import { lead, parsedView, rawQuery, viewBody } from "./fixtures";

process.env.AUTH_SECRET = "views-repository-test-secret";

let handle: Awaited<ReturnType<typeof testDb>>;
let ana: SessionUser;
let ben: SessionUser;
let cat: SessionUser;

beforeAll(async () => {
  handle = await testDb();
  // Ana and Ben share the "acme" workspace; Cat only has "globex".
  ana = await lead(handle.db, "ana@example.com", ["acme"]);
  ben = await lead(handle.db, "ben@example.com", ["acme"]);
  cat = await lead(handle.db, "cat@example.com", ["globex"]);
});
afterAll(() => handle.close());

const defaultsIn = (workspaceId: string) =>
  handle.db
    .select()
    .from(savedViews)
    .where(and(eq(savedViews.workspaceId, workspaceId), isNotNull(savedViews.systemKey)));

const status = (p: Promise<unknown>) =>
  p.then(
    () => 200,
    (e: { status?: number }) => e.status ?? 500,
  );

describe("default views", () => {
  it("are four valid views over tickets and conversations, with each resource's default columns", () => {
    const views = defaultViews();
    expect(views.map((v) => v.name)).toEqual([
      "Open tickets assigned to me",
      "Unassigned open tickets",
      "Waiting on customer for 3+ days",
      "Open priority conversations",
    ]);
    for (const v of views) {
      // The same schema the routes use: a default must be a view a lead could have saved.
      expect(
        viewInput.safeParse({ name: v.name, resource: v.resource, query: v.query, columns: v.columns, shared: true })
          .success,
        v.name,
      ).toBe(true);
      expect(v.columns).toEqual(DEFAULT_COLUMNS[v.resource]);
    }
    expect(stripIds(views[0].query.root)).toEqual({
      operator: "AND",
      children: [
        { field: "open", operator: "=", value: true },
        { field: "admin_assignee_id", operator: "=", value: { me: true } },
      ],
    });
    expect(stripIds(views[1].query.root)).toMatchObject({
      children: [{ field: "open" }, { field: "admin_assignee_id", operator: "=", value: "0" }],
    });
    expect(stripIds(views[2].query.root)).toMatchObject({
      children: [
        { field: "open", value: true },
        { field: "state", value: "waiting_on_customer" },
        { field: "updated_at", operator: "<", value: { relative: -259200 } },
      ],
    });
    expect(stripIds(views[3].query.root)).toMatchObject({
      children: [
        { field: "open", value: true },
        { field: "priority", value: "priority" },
      ],
    });
  });

  it("are seeded once per workspace, even when many callers race", async () => {
    // On PostgreSQL the callers are spread over two instances with their own pools, as behind a
    // load balancer; PGlite is one process's database, so its callers share it.
    const instances = handle.url ? await Promise.all([openDb({ url: handle.url }), openDb({ url: handle.url })]) : [];
    try {
      const dbs = instances.length ? instances.map((i) => i.db) : [handle.db];
      const seeded = await Promise.all(
        Array.from({ length: 10 }, (_, i) => ensureDefaultViews(dbs[i % dbs.length], "race")),
      );
      expect(seeded.filter(Boolean)).toHaveLength(1);
    } finally {
      await Promise.all(instances.map((i) => i.close()));
    }
    expect(await ensureDefaultViews(handle.db, "race")).toBe(false);
    const rows = await defaultsIn("race");
    expect(rows).toHaveLength(4);
    expect(rows.every((r) => r.ownerUserId === null && r.shared)).toBe(true);
  });

  it("stay deleted once a lead deletes them, and renames stick", async () => {
    await ensureDefaultViews(handle.db, "acme");
    const listed = await listViews(handle.db, ana.id, "acme");
    const unassigned = listed.find((v) => v.name === "Unassigned open tickets")!;
    const mine = listed.find((v) => v.name === "Open tickets assigned to me")!;
    expect(unassigned).toMatchObject({ owner: "default", editable: true, shared: true });
    await deleteView(handle.db, ben.id, "acme", unassigned.id);
    await updateView(handle.db, ben.id, "acme", mine.id, { name: "Mine, open" });
    expect(await ensureDefaultViews(handle.db, "acme")).toBe(false);
    const after = await listViews(handle.db, ana.id, "acme");
    expect(after.map((v) => v.name)).toEqual([
      "Mine, open",
      "Waiting on customer for 3+ days",
      "Open priority conversations",
    ]);
  });
});

describe("who sees and changes which view", () => {
  it("shows a lead their own views, teammates' shared views and the defaults, ordered by resource then name", async () => {
    await ensureDefaultViews(handle.db, "initech");
    await createView(handle.db, ana.id, "initech", parsedView("tickets", "ana personal", false));
    await createView(handle.db, ana.id, "initech", parsedView("tickets", "Ana shared", true));
    await createView(handle.db, ana.id, "initech", parsedView("contacts", "ana contacts", true));
    await createView(handle.db, ben.id, "initech", parsedView("tickets", "ben personal", false));
    await createView(handle.db, ben.id, "initech", parsedView("conversations", "Ben shared", true));

    const forAna = await listViews(handle.db, ana.id, "initech");
    expect(forAna.map((v) => [v.resource, v.name, v.owner, v.editable])).toEqual([
      ["tickets", "ana personal", "me", true],
      ["tickets", "Ana shared", "me", true],
      ["tickets", "Open tickets assigned to me", "default", true],
      ["tickets", "Unassigned open tickets", "default", true],
      ["tickets", "Waiting on customer for 3+ days", "default", true],
      ["conversations", "Ben shared", "team", false],
      ["conversations", "Open priority conversations", "default", true],
      ["contacts", "ana contacts", "me", true],
    ]);
    const forBen = await listViews(handle.db, ben.id, "initech");
    expect(forBen.filter((v) => v.owner !== "default").map((v) => [v.name, v.owner, v.editable])).toEqual([
      ["Ana shared", "team", false],
      ["ben personal", "me", true],
      ["Ben shared", "me", true],
      ["ana contacts", "team", false],
    ]);
    // Cat has never listed globex: nothing of another workspace's leaks there, defaults or not.
    expect(await listViews(handle.db, cat.id, "globex")).toEqual([]);
  });

  it("answers not found for a view the user may not see, and forbidden for one they see but may not change", async () => {
    const personal = await createView(handle.db, ana.id, "acme", parsedView("tickets", "private", false));
    const shared = await createView(handle.db, ana.id, "acme", parsedView("tickets", "team", true));

    expect(await status(getView(handle.db, ben.id, "acme", personal.id))).toBe(404);
    expect(await status(updateView(handle.db, ben.id, "acme", personal.id, { name: "x" }))).toBe(404);
    expect(await status(deleteView(handle.db, ben.id, "acme", personal.id))).toBe(404);

    expect(await getView(handle.db, ben.id, "acme", shared.id)).toMatchObject({
      owner: "team",
      editable: false,
      name: "team",
    });
    expect(await status(updateView(handle.db, ben.id, "acme", shared.id, { name: "taken over" }))).toBe(403);
    expect(await status(deleteView(handle.db, ben.id, "acme", shared.id))).toBe(403);
    expect((await getView(handle.db, ana.id, "acme", shared.id)).name).toBe("team");

    // Unsharing takes the view away from Ben at once.
    await updateView(handle.db, ana.id, "acme", shared.id, { shared: false });
    expect(await status(getView(handle.db, ben.id, "acme", shared.id))).toBe(404);
  });

  it("never finds a view through another workspace, even its owner's", async () => {
    const view = await createView(handle.db, ana.id, "acme", parsedView("tickets", "acme only", true));
    expect(await status(getView(handle.db, cat.id, "globex", view.id))).toBe(404);
    expect(await status(updateView(handle.db, cat.id, "globex", view.id, { name: "x" }))).toBe(404);
    expect(await status(deleteView(handle.db, cat.id, "globex", view.id))).toBe(404);
    expect(await status(getView(handle.db, ana.id, "globex", view.id))).toBe(404);
    await ensureDefaultViews(handle.db, "globex");
    const acmeDefault = (await listViews(handle.db, ana.id, "acme")).find((v) => v.owner === "default")!;
    expect(await status(deleteView(handle.db, cat.id, "globex", acmeDefault.id))).toBe(404);
    expect(await getView(handle.db, ana.id, "acme", acmeDefault.id)).toBeTruthy();
  });

  it("treats ids that are not UUIDs as unknown views", async () => {
    for (const id of ["", "42", "not-a-uuid", "00000000-0000-0000-0000-00000000000g", "' OR 1=1 --"]) {
      expect(await status(getView(handle.db, ana.id, "acme", id)), id).toBe(404);
      expect(await status(deleteView(handle.db, ana.id, "acme", id)), id).toBe(404);
    }
    expect(await status(getView(handle.db, ana.id, "acme", crypto.randomUUID()))).toBe(404);
  });
});

describe("changing a view", () => {
  it("updates only the fields given, and moves updatedAt", async () => {
    const view = await createView(handle.db, ana.id, "acme", parsedView("conversations", "Before", false));
    await new Promise((r) => setTimeout(r, 5));
    const query = parsedView("conversations", "x", false, {
      query: {
        resource: "conversations",
        root: {
          kind: "group",
          operator: "OR",
          children: [{ kind: "filter", field: "priority", operator: "=", value: "priority" }],
        },
      },
    }).query;
    const updated = await updateView(handle.db, ana.id, "acme", view.id, {
      name: "After",
      query,
      columns: ["subject"],
    });
    expect(updated).toMatchObject({
      id: view.id,
      name: "After",
      columns: ["subject"],
      shared: false,
      resource: "conversations",
      owner: "me",
      createdAt: view.createdAt,
    });
    expect(stripIds(updated.query.root)).toEqual(stripIds(query.root));
    expect(Date.parse(updated.updatedAt)).toBeGreaterThan(Date.parse(view.updatedAt));
    expect(await getView(handle.db, ana.id, "acme", view.id)).toEqual(updated);
  });

  it("refuses a search over another resource, and unsharing a default", async () => {
    const view = await createView(handle.db, ana.id, "acme", parsedView("tickets", "Tickets view", false));
    const contactsQuery = parsedView("contacts", "x", false).query;
    await expect(updateView(handle.db, ana.id, "acme", view.id, { query: contactsQuery })).rejects.toMatchObject({
      status: 400,
      fields: { "query.resource": "This search is over contacts, but the view lists tickets" },
    });
    const aDefault = (await listViews(handle.db, ana.id, "acme")).find((v) => v.owner === "default")!;
    await expect(updateView(handle.db, ana.id, "acme", aDefault.id, { shared: false })).rejects.toMatchObject({
      status: 400,
      fields: { shared: expect.any(String) },
    });
    expect((await getView(handle.db, ana.id, "acme", aDefault.id)).shared).toBe(true);
  });

  it("goes with its owner when the owner's account is removed", async () => {
    const dan = await lead(handle.db, "dan@example.com", ["acme"]);
    const view = await createView(handle.db, dan.id, "acme", parsedView("tickets", "Dan's", true));
    await handle.db.delete(users).where(eq(users.id, dan.id));
    expect(await status(getView(handle.db, ana.id, "acme", view.id))).toBe(404);
  });

  it("stores every name and search the schema accepts, and the schema refuses the NUL the database would not take", async () => {
    // Unchecked, a NUL fails in the database itself: that is what the schema guards against.
    const unchecked = { ...parsedView("tickets", "ok", false), name: "nul\u0000name" };
    await expect(createView(handle.db, ana.id, "acme", unchecked)).rejects.toThrow();
    const body = (name: string, value = "text") =>
      viewBody("tickets", name, false, {
        query: rawQuery("tickets", [{ kind: "filter", field: "title", operator: "~", value }]),
      });
    expect(viewInput.safeParse(body("nul\u0000name")).success).toBe(false);
    expect(viewInput.safeParse(body("ok", "nul\u0000value")).success).toBe(false);
    const parsed = viewInput.parse(body("\u202eRTL\u200b name\ufeff", "ünïcödé 🔥"));
    const saved = await createView(handle.db, ana.id, "acme", parsed);
    expect(saved.name).toBe("RTL name");
    expect((await getView(handle.db, ana.id, "acme", saved.id)).name).toBe("RTL name");
  });

  it(`runs on ${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"}`, () => {
    expect(handle.kind).toBe(process.env.DATABASE_URL ? "postgres" : "pglite");
  });
});
