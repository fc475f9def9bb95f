/** Determinism from the seed, and the volume and variety the dashboard is built against. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ticketListSchema } from "@/lib/intercom/schemas";
import type { RunningSandbox } from "@/lib/sandbox";
import type { StateCategory } from "@/lib/sandbox/store/types";
import type { Workspace } from "@/lib/sandbox/store/workspace";
import { bootSandbox, client, expectOk } from "../../support/sandbox";

const NOW = 1_790_000_000;
const DAY = 86_400;
let one: RunningSandbox;
let two: RunningSandbox;
let other: RunningSandbox;
beforeAll(async () => {
  [one, two, other] = await Promise.all([
    bootSandbox({ now: NOW }),
    bootSandbox({ now: NOW }),
    bootSandbox({ now: NOW, seed: 7 }),
  ]);
});
afterAll(async () => {
  await Promise.all([one.stop(), two.stop(), other.stop()]);
});

const firstPage = async (sb: RunningSandbox, i: number) => {
  const query = {
    operator: "AND",
    value: [
      { field: "open", operator: "=", value: true },
      { field: "category", operator: "IN", value: ["request", "task"] },
    ],
  };
  return expectOk(
    await client(sb.url, sb.workspaces[i].access_token)("POST", "/tickets/search", { query }),
    ticketListSchema,
  );
};

describe("determinism", () => {
  it("the same seed and now give identical workspaces, tokens and first pages", async () => {
    expect(two.workspaces).toEqual(one.workspaces);
    for (const i of [0, 1]) {
      const [a, b] = [await firstPage(one, i), await firstPage(two, i)];
      expect(a.tickets.length).toBe(20);
      expect(b).toEqual(a);
    }
  });

  it("another seed gives other workspaces and other tickets", async () => {
    expect(other.workspaces.map((w) => w.id_code)).not.toEqual(one.workspaces.map((w) => w.id_code));
    const [a, c] = [await firstPage(one, 0), await firstPage(other, 0)];
    expect(c.tickets.map((t) => t.ticket_attributes._default_title_)).not.toEqual(
      a.tickets.map((t) => t.ticket_attributes._default_title_),
    );
  });
});

describe.each([0, 1])("seeded volume and variety (workspace %i)", (i) => {
  let ws: Workspace;
  beforeAll(() => {
    ws = one.sandbox.workspace(one.workspaces[i].id_code)!;
  });

  it("people: ≥8 admins with emails, Morgan Avery verified, ≥4 teams with members, ≥15 tags", () => {
    expect(ws.admins.size).toBeGreaterThanOrEqual(8);
    for (const a of ws.admins.values()) expect(a.email).toMatch(/^[^@\s]+@[^@\s]+$/);
    const morgan = [...ws.admins.values()].find((a) => a.name === "Morgan Avery")!;
    expect(morgan).toMatchObject({ email: "morgan.avery@helpdesk-partners.example", email_verified: true });
    const riley = [...ws.admins.values()].find((a) => a.name === "Riley Quinn");
    if (i === 0) expect(riley?.email_verified).toBe(false);
    else expect(riley).toBeUndefined();
    expect([...ws.admins.values()].filter((a) => !a.email_verified).length).toBe(i === 0 ? 1 : 0);
    expect(ws.teams.size).toBeGreaterThanOrEqual(4);
    for (const t of ws.teams.values()) expect(t.admin_ids.length).toBeGreaterThan(0);
    expect(ws.tags.size).toBeGreaterThanOrEqual(15);
  });

  it("ticket types: ≥6 over three categories, one archived, shared and clashing attributes", () => {
    const types = [...ws.ticketTypes.values()];
    expect(types.length).toBeGreaterThanOrEqual(6);
    expect(types.filter((t) => t.category === "Customer").length).toBeGreaterThanOrEqual(2);
    expect(types.filter((t) => t.category === "Back-office").length).toBeGreaterThanOrEqual(2);
    expect(types.filter((t) => t.category === "Tracker").length).toBeGreaterThanOrEqual(1);
    expect(types.filter((t) => t.archived)).toHaveLength(1);
    for (const t of types) {
      const names = t.attributes.map((a) => a.name);
      expect(names.slice(0, 2)).toEqual(["_default_title_", "_default_description_"]);
      const kinds = new Set(t.attributes.filter((a) => !a.default).map((a) => a.data_type));
      for (const kind of ["list", "string", "integer", "boolean", "datetime"])
        expect(kinds, `${t.name} has a ${kind} attribute`).toContain(kind);
      const states = t.state_ids.map((id) => ws.ticketStates.get(id)!);
      for (const category of ["submitted", "in_progress", "resolved"])
        expect(
          states.some((s) => s.category === category),
          `${t.name} ${category}`,
        ).toBe(true);
      for (const s of states) expect(s.internal_label && s.external_label).toBeTruthy();
    }
    for (const kind of ["list", "string", "integer", "boolean", "datetime"])
      expect(
        types.some((t) => t.attributes.some((a) => a.data_type === kind)),
        kind,
      ).toBe(true);
    const byName = (n: string) =>
      types.flatMap((t) => t.attributes.filter((a) => a.name === n).map((a) => `${t.category}:${a.data_type}`));
    expect(new Set(byName("Browser").map((x) => x.split(":")[1]))).toEqual(new Set(["string", "list"]));
    expect(new Set(byName("Regression").map((x) => x.split(":")[1]))).toEqual(new Set(["boolean", "string"]));
    expect(byName("Affected users").filter((x) => x === "Customer:integer").length).toBeGreaterThanOrEqual(2);
    const categories = new Set([...ws.ticketStates.values()].map((s) => s.category));
    expect(categories).toEqual(new Set<StateCategory>(["submitted", "in_progress", "waiting_on_customer", "resolved"]));
    expect(new Set(types.map((t) => t.state_ids.join())).size).toBeGreaterThan(3);
    expect(
      types.filter((t) => t.state_ids.some((id) => ws.ticketStates.get(id)!.category === "waiting_on_customer")).length,
    ).toBeGreaterThanOrEqual(3);
  });

  it("≥400 contacts, ≥8 segments, ≥1,500 conversations and ≥600 tickets within 120 days", () => {
    expect(ws.contacts.size).toBeGreaterThanOrEqual(400);
    expect(ws.segments.size).toBeGreaterThanOrEqual(8);
    expect(ws.conversations.size).toBeGreaterThanOrEqual(1500);
    expect(ws.tickets.size).toBeGreaterThanOrEqual(600);
    for (const rec of [...ws.contacts.values(), ...ws.conversations.values(), ...ws.tickets.values()]) {
      expect(rec.created_at).toBeGreaterThanOrEqual(NOW - 120 * DAY);
      expect(rec.created_at).toBeLessThanOrEqual(NOW);
    }
  });

  it("conversations spread over states, priority, channels, assignees, parts, SLA, ratings and tags", () => {
    const all = [...ws.conversations.values()];
    const share = (pred: (c: (typeof all)[number]) => boolean) => all.filter(pred).length / all.length;
    for (const state of ["open", "closed", "snoozed"])
      expect(
        share((c) => c.state === state),
        state,
      ).toBeGreaterThan(0.08);
    expect(share((c) => c.priority !== "none")).toBeGreaterThan(0.05);
    expect(new Set(all.map((c) => c.channel_initiated)).size).toBeGreaterThanOrEqual(6);
    expect(share((c) => c.admin_assignee_id !== null)).toBeGreaterThan(0.3);
    expect(share((c) => c.team_assignee_id !== null)).toBeGreaterThan(0.3);
    const partTypes = new Set(all.flatMap((c) => c.parts.map((p) => p.part_type)));
    for (const t of ["comment", "note", "assignment", "close", "open", "snoozed"]) expect(partTypes, t).toContain(t);
    expect(share((c) => c.sla_applied !== null)).toBeGreaterThan(0.1);
    expect(share((c) => c.conversation_rating !== null)).toBeGreaterThan(0.05);
    expect(share((c) => c.tags.length > 0)).toBeGreaterThan(0.3);
    expect(all.filter((c) => c.parts.length > 500)).toHaveLength(1);
    const xss = all.filter((c) => c.source.subject === "Screenshot of the error attached");
    expect(xss).toHaveLength(1);
    expect(xss[0].source.body).toMatch(/<script>|onerror=/);
  });

  it("tickets spread over types, states, assignees, parts and linked conversations", () => {
    const all = [...ws.tickets.values()];
    expect(new Set(all.map((t) => t.ticket_type_id)).size).toBe(ws.ticketTypes.size);
    const cats = new Set(all.map((t) => ws.ticketStates.get(t.ticket_state_id)!.category));
    expect(cats.size).toBe(4);
    for (const t of all) expect(ws.ticketTypes.get(t.ticket_type_id)!.state_ids).toContain(t.ticket_state_id);
    expect(new Set(all.map((t) => t.admin_assignee_id)).size).toBeGreaterThanOrEqual(6);
    expect(all.filter((t) => t.team_assignee_id !== null).length).toBeGreaterThan(all.length / 2);
    expect(all.every((t) => t.parts.length >= 1)).toBe(true);
    expect(all.filter((t) => t.linked.some((l) => l.type === "conversation")).length).toBeGreaterThan(50);
    for (const t of all.filter((x) => x.linked.some((l) => l.type === "conversation"))) {
      const conv = ws.conversations.get(t.linked.find((l) => l.type === "conversation")!.id)!;
      expect(conv.ticket_id).toBe(t.id);
    }
  });
});
