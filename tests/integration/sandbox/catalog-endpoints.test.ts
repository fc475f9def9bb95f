import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import {
  adminListSchema,
  adminSchema,
  companyListSchema,
  companySchema,
  dataAttributeListSchema,
  meSchema,
  segmentListSchema,
  segmentSchema,
  tagListSchema,
  teamListSchema,
  teamSchema,
  ticketStateListSchema,
  ticketTypeListSchema,
  ticketTypeSchema,
} from "@/lib/intercom/schemas";
import type { RunningSandbox } from "@/lib/sandbox";
import type { Workspace } from "@/lib/sandbox/store/workspace";
import { bootSandbox, client, expectError, expectOk, type Api } from "../../support/sandbox";

let sb: RunningSandbox;
let api: Api;
let ws: Workspace;
beforeAll(async () => {
  sb = await bootSandbox();
  api = client(sb.url, sb.workspaces[0].access_token);
  ws = sb.sandbox.workspace(sb.workspaces[0].id_code)!;
});
afterAll(() => sb.stop());

describe("admins and /me", () => {
  it("GET /me names the token's admin and its workspace", async () => {
    const me = expectOk(await api("GET", "/me"), meSchema);
    expect(me.id).toBe(ws.info.owner_admin_id);
    expect(me.email_verified).toBe(true);
    expect(me.app).toMatchObject({
      id_code: ws.info.id_code,
      name: "Northwind Support",
      region: "US",
      timezone: "America/New_York",
    });
  });

  it("GET /admins lists every admin, with names and emails", async () => {
    const list = expectOk(await api("GET", "/admins"), adminListSchema);
    expect(list.admins.map((a) => a.id).sort()).toEqual([...ws.admins.keys()].sort());
    for (const a of list.admins) expect(a.email).toMatch(/@/);
  });

  it("GET /admins/{id} finds one and answers admin_not_found otherwise", async () => {
    const riley = [...ws.admins.values()].find((a) => a.name === "Riley Quinn")!;
    const admin = expectOk(await api("GET", `/admins/${riley.id}`), adminSchema);
    expect(admin).toMatchObject({ id: riley.id, name: "Riley Quinn", email: riley.email });
    expectError(await api("GET", "/admins/999"), 404, "admin_not_found", "Admin not found");
  });
});

describe("teams and tags", () => {
  it("GET /teams lists teams whose members are admins", async () => {
    const list = expectOk(await api("GET", "/teams"), teamListSchema);
    expect(list.teams.length).toBe(ws.teams.size);
    for (const t of list.teams) {
      expect(t.admin_ids.length).toBeGreaterThan(0);
      for (const id of t.admin_ids) expect(ws.admins.has(id)).toBe(true);
    }
  });

  it("GET /teams/{id} finds one and answers team_not_found otherwise", async () => {
    const [team] = ws.teams.values();
    expect(expectOk(await api("GET", `/teams/${team.id}`), teamSchema)).toMatchObject({ id: team.id, name: team.name });
    expectError(await api("GET", "/teams/42"), 404, "team_not_found", "Team not found");
  });

  it("GET /tags lists every tag", async () => {
    const list = expectOk(await api("GET", "/tags"), tagListSchema);
    expect(list.data.map((t) => t.id).sort()).toEqual([...ws.tags.keys()].sort());
  });
});

describe("ticket types and states", () => {
  it("GET /ticket_types lists types with attributes and their own states", async () => {
    const list = expectOk(await api("GET", "/ticket_types"), ticketTypeListSchema);
    expect(list.data.length).toBe(ws.ticketTypes.size);
    for (const type of list.data) {
      const names = type.ticket_type_attributes.map((a) => a.name);
      expect(names).toContain("_default_title_");
      expect(names).toContain("_default_description_");
      expect(type.ticket_states.length).toBeGreaterThan(0);
      expect(type.ticket_states.map((s) => s.id)).toEqual(ws.ticketTypes.get(type.id)!.state_ids);
      for (const a of type.ticket_type_attributes.filter((x) => x.data_type === "list")) {
        expect(a.input_options?.list_options?.length).toBeGreaterThan(1);
      }
    }
  });

  it("GET /ticket_types/{id} answers one type, 404 otherwise", async () => {
    const archived = [...ws.ticketTypes.values()].find((t) => t.archived)!;
    expect(expectOk(await api("GET", `/ticket_types/${archived.id}`), ticketTypeSchema)).toMatchObject({
      id: archived.id,
      archived: true,
    });
    expectError(await api("GET", "/ticket_types/77"), 404);
  });

  it("PUT /ticket_types/{id} archives, restores and renames; bad input changes nothing", async () => {
    const type = [...ws.ticketTypes.values()].find((t) => !t.archived && t.category === "Customer")!;
    const other = [...ws.ticketTypes.values()].find((t) => t.id !== type.id)!;
    const archived = expectOk(await api("PUT", `/ticket_types/${type.id}`, { archived: true }), ticketTypeSchema);
    expect(archived).toMatchObject({ id: type.id, archived: true, name: type.name });
    expect(expectOk(await api("GET", `/ticket_types/${type.id}`), ticketTypeSchema).archived).toBe(true);
    const name = type.name;
    expectError(
      await api("PUT", `/ticket_types/${type.id}`, { name: other.name, archived: false }),
      400,
      "parameter_invalid",
      /already exists/,
    );
    expectError(await api("PUT", `/ticket_types/${type.id}`, { archived: "no" }), 400);
    expectError(await api("PUT", `/ticket_types/${type.id}`, { colour: "red" }), 400);
    expect(ws.ticketTypes.get(type.id)).toMatchObject({ name, archived: true });
    const restored = expectOk(
      await api("PUT", `/ticket_types/${type.id}`, { archived: false, name: `${name} (renamed)` }),
      ticketTypeSchema,
    );
    expect(restored).toMatchObject({ archived: false, name: `${name} (renamed)` });
    expectOk(await api("PUT", `/ticket_types/${type.id}`, { name }), ticketTypeSchema);
    expectError(await api("PUT", "/ticket_types/77", { archived: true }), 404, "ticket_type_not_found");
  });

  it("GET /ticket_states lists states with the types that use them", async () => {
    const list = expectOk(await api("GET", "/ticket_states"), ticketStateListSchema);
    expect(list.data.length).toBe(ws.ticketStates.size);
    for (const state of list.data) {
      const users = [...ws.ticketTypes.values()].filter((t) => t.state_ids.includes(state.id)).map((t) => t.id);
      expect(state.ticket_types?.data.map((t) => t.id).sort()).toEqual(users.sort());
    }
  });
});

describe("data attributes", () => {
  it.each(["contact", "conversation", "company"])(
    "GET /data_attributes?model=%s answers only that model",
    async (model) => {
      const list = expectOk(await api("GET", `/data_attributes?model=${model}`), dataAttributeListSchema);
      expect(list.data.length).toBeGreaterThan(0);
      expect(list.data.every((d) => d.model === model)).toBe(true);
    },
  );

  it("covers string, integer, boolean, date and list types for contacts and conversations", async () => {
    for (const model of ["contact", "conversation"]) {
      const list = expectOk(await api("GET", `/data_attributes?model=${model}`), dataAttributeListSchema);
      const custom = list.data.filter((d) => d.custom);
      const kinds = new Set(custom.map((d) => (d.options?.length ? "list" : d.data_type)));
      for (const k of ["string", "integer", "boolean", "date", "list"]) expect(kinds, `${model} ${k}`).toContain(k);
    }
  });

  it("refuses an unknown model and a non-boolean include_archived", async () => {
    expectError(await api("GET", "/data_attributes?model=ticket"), 400, "parameter_invalid");
    expectError(await api("GET", "/data_attributes?include_archived=maybe"), 400, "parameter_invalid");
  });

  it("version 2.16 no longer lists conversation attributes here (documented 422)", async () => {
    const v216 = client(sb.url, sb.workspaces[0].access_token, "2.16");
    expectError(
      await v216("GET", "/data_attributes?model=conversation"),
      422,
      "parameter_invalid",
      /no longer supported/,
    );
    expectOk(await v216("GET", "/data_attributes?model=contact"), dataAttributeListSchema);
  });
});

describe("segments", () => {
  it("GET /segments lists segments without counts unless include_count=true", async () => {
    const plain = expectOk(await api("GET", "/segments"), segmentListSchema);
    expect(plain.segments.length).toBe(ws.segments.size);
    expect(plain.segments.every((s) => s.count === undefined)).toBe(true);
    const counted = expectOk(await api("GET", "/segments?include_count=true"), segmentListSchema);
    expect(counted.segments.every((s) => typeof s.count === "number")).toBe(true);
    expect(counted.segments.some((s) => (s.count ?? 0) > 0)).toBe(true);
  });

  it("GET /segments/{id} answers one segment and Intercom's not_found otherwise", async () => {
    const [seg] = ws.segments.values();
    expect(expectOk(await api("GET", `/segments/${seg.id}`), segmentSchema)).toMatchObject({
      id: seg.id,
      name: seg.name,
    });
    const counted = expectOk(await api("GET", `/segments/${seg.id}?include_count=true`), segmentSchema);
    expect(typeof counted.count).toBe("number");
    expectError(await api("GET", "/segments/0000"), 404, "not_found", "Resource Not Found");
  });
});

describe("companies", () => {
  it("GET /companies pages through every company", async () => {
    const seen: string[] = [];
    for (let page = 1; page < 20; page++) {
      const list = expectOk(await api("GET", `/companies?per_page=10&page=${page}`), companyListSchema);
      seen.push(...list.data.map((c) => c.id));
      if (list.data.length < 10) break;
    }
    expect(seen.sort()).toEqual([...ws.companies.keys()].sort());
  });

  it("GET /companies/{id} counts its users; unknown ids are company_not_found", async () => {
    const [company] = ws.companies.values();
    const users = [...ws.contacts.values()].filter((c) => c.company_ids.includes(company.id)).length;
    expect(expectOk(await api("GET", `/companies/${company.id}`), companySchema)).toMatchObject({
      id: company.id,
      name: company.name,
      user_count: users,
    });
    expectError(await api("GET", "/companies/nope"), 404, "company_not_found");
  });

  it("refuses paging values out of range", async () => {
    expectError(await api("GET", "/companies?per_page=61"), 400, "parameter_invalid");
    expectError(await api("GET", "/companies?page=0"), 400, "parameter_invalid");
  });
});

describe("authentication, versions and routes", () => {
  const anonymous = (path: string, headers: Record<string, string> = {}) =>
    fetch(sb.url + path, { headers }).then(async (r) => ({
      status: r.status,
      body: await r.json(),
      headers: r.headers,
    }));

  it.each([
    ["no token", {}],
    ["a wrong token", { Authorization: "Bearer nope" }],
    ["a malformed header", { Authorization: "Token abc" }],
  ])("answers 401 Access Token Invalid for %s", async (_label, headers) => {
    expectError(await anonymous("/me", headers), 401, "unauthorized", "Access Token Invalid");
  });

  it("answers an unknown route with not_found, and an unknown version with a 400", async () => {
    expectError(await api("GET", "/no/such/thing"), 404, "not_found");
    expectError(await api("PATCH", "/tickets/1"), 404, "not_found");
    const bogus = client(sb.url, sb.workspaces[0].access_token, "9.9");
    expectError(await bogus("GET", "/me"), 400, "intercom_version_invalid");
  });

  it("takes 2.14, 2.15, 2.16 and Preview, and refuses every other version", async () => {
    for (const v of ["2.14", "2.15", "2.16", "Preview"]) {
      expect(
        z
          .object({ type: z.literal("admin") })
          .parse((await client(sb.url, sb.workspaces[0].access_token, v)("GET", "/me")).body),
      ).toBeTruthy();
    }
    for (const v of ["1.0", "2.9", "2.13", "Unstable", "preview", ""]) {
      const res = await client(sb.url, sb.workspaces[0].access_token)("GET", "/me", undefined, {
        "Intercom-Version": v,
      });
      expectError(res, 400, "intercom_version_invalid", `Requested version ${v} does not exist`);
    }
  });
});
