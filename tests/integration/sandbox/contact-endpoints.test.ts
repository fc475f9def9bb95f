import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  companyListSchema,
  contactListSchema,
  contactSchema,
  contactSegmentsSchema,
  segmentListSchema,
  tagListSchema,
} from "@/lib/intercom/schemas";
import type { RunningSandbox } from "@/lib/sandbox";
import type { ContactRec } from "@/lib/sandbox/store/types";
import type { Workspace } from "@/lib/sandbox/store/workspace";
import { bootSandbox, client, expectError, expectOk, searchAll, type Api } from "../../support/sandbox";

let sb: RunningSandbox;
let api: Api;
let ws: Workspace;
let withCompanies: ContactRec;
beforeAll(async () => {
  sb = await bootSandbox();
  api = client(sb.url, sb.workspaces[0].access_token);
  ws = sb.sandbox.workspace(sb.workspaces[0].id_code)!;
  withCompanies = [...ws.contacts.values()].find((c) => c.company_ids.length > 0 && c.tag_ids.length > 1)!;
});
afterAll(() => sb.stop());

describe("GET /contacts/{id} and its lists", () => {
  it("answers the contact with its custom attributes, tags and companies", async () => {
    const c = expectOk(await api("GET", `/contacts/${withCompanies.id}`), contactSchema);
    expect(c).toMatchObject({
      id: withCompanies.id,
      role: withCompanies.role,
      email: withCompanies.email,
      name: withCompanies.name,
    });
    expect(c.custom_attributes).toEqual(withCompanies.custom_attributes);
    expect(c.tags.sort()).toEqual([...withCompanies.tag_ids].sort());
    expect(c.companies.sort()).toEqual([...withCompanies.company_ids].sort());
  });

  it("GET /contacts/{id}/tags and /companies list the contact's own", async () => {
    const tags = expectOk(await api("GET", `/contacts/${withCompanies.id}/tags`), tagListSchema);
    expect(tags.data.map((t) => t.id).sort()).toEqual([...withCompanies.tag_ids].sort());
    expect(tags.data.every((t) => t.name === ws.tags.get(t.id)!.name)).toBe(true);
    const companies = expectOk(await api("GET", `/contacts/${withCompanies.id}/companies`), companyListSchema);
    expect(companies.data.map((x) => x.id).sort()).toEqual([...withCompanies.company_ids].sort());
    expect(companies.data.every((x) => x.name === ws.companies.get(x.id)!.name)).toBe(true);
    // The same user_count as GET /companies/{id} gives.
    for (const x of companies.data)
      expect(x.user_count, x.id).toBe([...ws.contacts.values()].filter((c) => c.company_ids.includes(x.id)).length);
  });

  it.each(["", "/segments", "/tags", "/companies"])(
    "GET /contacts/{unknown}%s is 404 User Not Found",
    async (suffix) => {
      expectError(await api("GET", `/contacts/000000000000000000000000${suffix}`), 404, "not_found", "User Not Found");
    },
  );
});

describe("segments: counts, members and a contact's segments agree", () => {
  it("has at least 8 segments, several of them non-empty and none holding everyone", async () => {
    const list = expectOk(await api("GET", "/segments?include_count=true"), segmentListSchema);
    expect(list.segments.length).toBeGreaterThanOrEqual(8);
    expect(list.segments.filter((s) => (s.count ?? 0) > 0).length).toBeGreaterThanOrEqual(6);
    expect(list.segments.every((s) => (s.count ?? 0) < ws.contacts.size)).toBe(true);
  });

  it("count equals the members contact search finds, and each member lists the segment", async () => {
    const list = expectOk(await api("GET", "/segments?include_count=true"), segmentListSchema);
    const segmentsOf = new Map<string, Set<string>>();
    for (const seg of list.segments) {
      const members = await searchAll(api, "contacts", { field: "segment_id", operator: "=", value: seg.id }, 150);
      expect(members.ids.length, seg.name).toBe(seg.count);
      expect(members.totals[0]).toBe(seg.count);
      for (const id of members.ids) segmentsOf.set(id, (segmentsOf.get(id) ?? new Set()).add(seg.id));
    }
    // Every contact's own list, for a spread of contacts (members and non-members alike).
    const sample = [...ws.contacts.values()].filter((_, i) => i % 9 === 0);
    for (const c of sample) {
      const own = expectOk(await api("GET", `/contacts/${c.id}/segments`), contactSegmentsSchema);
      expect(own.data.map((s) => s.id).sort(), c.id).toEqual([...(segmentsOf.get(c.id) ?? [])].sort());
    }
  });

  it("membership follows the rules, checked by hand for three segments of users", async () => {
    const byName = (name: string) => [...ws.segments.values()].find((s) => s.name === name)!;
    const vipTag = [...ws.tags.values()].find((t) => t.name === "vip")!.id;
    const cases: [string, (c: ContactRec) => boolean][] = [
      ["VIP customers", (c) => c.role === "user" && c.tag_ids.includes(vipTag)],
      ["Trial users", (c) => c.role === "user" && c.custom_attributes.plan === "Trial"],
      ["Bounced emails", (c) => c.role === "user" && c.has_hard_bounced],
    ];
    for (const [name, rule] of cases) {
      const expected = [...ws.contacts.values()]
        .filter(rule)
        .map((c) => c.id)
        .sort();
      const got = await searchAll(api, "contacts", { field: "segment_id", operator: "=", value: byName(name).id }, 150);
      expect(got.ids.sort(), name).toEqual(expected);
      expect(expected.length, name).toBeGreaterThan(0);
    }
  });

  it("segment_id != and NIN are the complement; an unknown segment has no members", async () => {
    const seg = [...ws.segments.values()].find((s) => s.name === "Trial users")!;
    const inside = await searchAll(api, "contacts", { field: "segment_id", operator: "=", value: seg.id }, 150);
    const outside = await searchAll(api, "contacts", { field: "segment_id", operator: "!=", value: seg.id }, 150);
    const nin = await searchAll(api, "contacts", { field: "segment_id", operator: "NIN", value: [seg.id] }, 150);
    expect(inside.ids.length + outside.ids.length).toBe(ws.contacts.size);
    expect(new Set([...inside.ids, ...outside.ids]).size).toBe(ws.contacts.size);
    expect(nin.ids).toEqual(outside.ids);
    const none = await searchAll(api, "contacts", { field: "segment_id", operator: "=", value: "nope" });
    expect(none.ids).toEqual([]);
  });
});

describe("POST /contacts/search", () => {
  it("defaults to 50 a page and caps per_page at 150", async () => {
    const res = await api("POST", "/contacts/search", { query: { field: "role", operator: "=", value: "user" } });
    const list = expectOk(res, contactListSchema);
    expect(list.data).toHaveLength(50);
    expect(list.pages?.per_page).toBe(50);
    expect(list.total_count).toBe([...ws.contacts.values()].filter((c) => c.role === "user").length);
    expectOk(
      await api("POST", "/contacts/search", {
        query: { field: "role", operator: "=", value: "user" },
        pagination: { per_page: 150 },
      }),
      contactListSchema,
    );
    expectError(
      await api("POST", "/contacts/search", {
        query: { field: "role", operator: "=", value: "user" },
        pagination: { per_page: 151 },
      }),
      400,
    );
  });

  it("has users and leads, companies, tags and custom attributes", () => {
    const all = [...ws.contacts.values()];
    expect(all.length).toBeGreaterThanOrEqual(400);
    expect(all.filter((c) => c.role === "lead").length).toBeGreaterThan(40);
    expect(all.filter((c) => c.company_ids.length > 0).length).toBeGreaterThan(200);
    expect(all.filter((c) => c.tag_ids.length > 0).length).toBeGreaterThan(100);
    expect(all.every((c) => Object.keys(c.custom_attributes).length >= 5)).toBe(true);
  });
});
