import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ticketSchema, type Ticket } from "@/lib/intercom/schemas";
import type { RunningSandbox } from "@/lib/sandbox";
import type { TicketRec, TicketTypeRec } from "@/lib/sandbox/store/types";
import type { Workspace } from "@/lib/sandbox/store/workspace";
import { bootSandbox, client, control, expectError, expectOk, type Api } from "../../support/sandbox";

let sb: RunningSandbox;
let v214: Api;
let v216: Api;
const ws = (): Workspace => sb.sandbox.workspace(sb.workspaces[0].id_code)!;
const type = (name: string): TicketTypeRec => [...ws().ticketTypes.values()].find((t) => t.name === name)!;
const ticketOfType = (name: string): TicketRec =>
  ws()
    .orderedTickets()
    .find((t) => t.ticket_type_id === type(name).id)!;
const stateOf = (name: string, category = "submitted") =>
  type(name).state_ids.find((id) => ws().ticketStates.get(id)!.category === category)!;
const item = (typeName: string, attr: string, label: string) =>
  type(typeName)
    .attributes.find((a) => a.name === attr)!
    .list_options!.find((o) => o.label === label)!.id;

beforeAll(async () => {
  sb = await bootSandbox();
  v214 = client(sb.url, sb.workspaces[0].access_token);
  v216 = client(sb.url, sb.workspaces[0].access_token, "2.16");
});
beforeEach(async () => {
  expect((await control(sb.url)("POST", "/sandbox/reset")).status).toBe(200);
});
afterAll(() => sb.stop());

/** A bug report with every attribute set to a known value. */
async function knownBugReport(severity = "Medium"): Promise<Ticket> {
  const rec = ticketOfType("Bug report");
  const attributes = {
    _default_title_: "Export fails",
    _default_description_: "CSV export spins forever",
    Severity: item("Bug report", "Severity", severity),
    Browser: "Chrome 126",
    "Steps to reproduce": "Open reports, click export",
    "Affected users": 42,
    Regression: true,
    "First seen": 1_700_000_000,
  };
  return expectOk(await v214("PUT", `/tickets/${rec.id}`, { ticket_attributes: attributes }), ticketSchema);
}

const change = (id: string, body: unknown, api = v216) => api("POST", `/tickets/${id}/change_type`, body);

describe("change_type versions", () => {
  it.each(["2.14", "2.15", undefined])(
    "Intercom-Version %s has no change_type: Intercom's answer for a resource the version lacks",
    async (version) => {
      const rec = ticketOfType("Bug report");
      const api = client(sb.url, sb.workspaces[0].access_token, version);
      const res = await change(
        rec.id,
        { ticket_type_id: type("Billing question").id, ticket_state_id: stateOf("Billing question") },
        api,
      );
      expectError(res, 400, "intercom_version_invalid", "Requested resource is not available in current API version.");
      expect(ws().tickets.get(rec.id)!.ticket_type_id).toBe(type("Bug report").id);
    },
  );

  it.each(["1.0", "Unstable"])("Intercom-Version %s is not a version the sandbox speaks", async (version) => {
    const rec = ticketOfType("Bug report");
    const api = client(sb.url, sb.workspaces[0].access_token, version);
    const res = await change(
      rec.id,
      { ticket_type_id: type("Billing question").id, ticket_state_id: stateOf("Billing question") },
      api,
    );
    expectError(res, 400, "intercom_version_invalid", `Requested version ${version} does not exist`);
  });

  it.each(["2.16", "Preview"])("Intercom-Version %s changes the type", async (version) => {
    const rec = ticketOfType("Bug report");
    const api = client(sb.url, sb.workspaces[0].access_token, version);
    const t = expectOk(
      await change(
        rec.id,
        { ticket_type_id: type("Billing question").id, ticket_state_id: stateOf("Billing question") },
        api,
      ),
      ticketSchema,
    );
    expect(t.ticket_type.id).toBe(type("Billing question").id);
  });
});

describe("change_type semantics", () => {
  it("carries attributes with the same name and type (lists by label) and drops the rest", async () => {
    const before = await knownBugReport("Medium");
    const t = expectOk(
      await change(before.id, {
        ticket_type_id: type("Billing question").id,
        ticket_state_id: stateOf("Billing question", "in_progress"),
      }),
      ticketSchema,
    );
    expect(t.ticket_type.name).toBe("Billing question");
    expect(t.category).toBe("Customer");
    expect(t.ticket_attributes).toEqual({
      _default_title_: "Export fails",
      _default_description_: "CSV export spins forever",
      Severity: item("Billing question", "Severity", "Medium"),
      "Affected users": 42,
    });
    expect(t.ticket_state.id).toBe(stateOf("Billing question", "in_progress"));
    expect(t.previous_ticket_state_id).toBe(before.ticket_state.id);
    expect(t.ticket_parts.length).toBeGreaterThan(before.ticket_parts.length);
    expect(t.ticket_parts.at(-1)).toMatchObject({
      part_type: "ticket_state_updated_by_admin",
      ticket_state: "in_progress",
    });
    const fresh = expectOk(await v214("GET", `/tickets/${before.id}`), ticketSchema);
    expect(fresh.ticket_type.id).toBe(type("Billing question").id);
    expect(fresh.ticket_attributes).toEqual(t.ticket_attributes);
  });

  it("drops a list value whose label the new type lacks", async () => {
    const before = await knownBugReport("Critical");
    const t = expectOk(
      await change(before.id, {
        ticket_type_id: type("Billing question").id,
        ticket_state_id: stateOf("Billing question"),
      }),
      ticketSchema,
    );
    expect(t.ticket_attributes).not.toHaveProperty("Severity");
  });

  it("keeps nothing from same-named attributes of another type (Browser, Regression)", async () => {
    const before = await knownBugReport();
    const t = expectOk(
      await change(before.id, {
        ticket_type_id: type("Feature request").id,
        ticket_state_id: stateOf("Feature request"),
      }),
      ticketSchema,
    );
    expect(Object.keys(t.ticket_attributes).sort()).toEqual(["_default_description_", "_default_title_"]);
  });

  it("lets ticket_attributes override carried values and fill new ones", async () => {
    const before = await knownBugReport();
    const body = {
      ticket_type_id: type("Billing question").id,
      ticket_state_id: stateOf("Billing question"),
      ticket_attributes: {
        "Affected users": 7,
        "Invoice number": "INV-12345",
        Severity: item("Billing question", "Severity", "High"),
      },
    };
    const t = expectOk(await change(before.id, body), ticketSchema);
    expect(t.ticket_attributes).toMatchObject({
      "Affected users": 7,
      "Invoice number": "INV-12345",
      Severity: item("Billing question", "Severity", "High"),
      _default_title_: "Export fails",
    });
  });

  it("carries shared Back-office attributes but not Amount (decimal vs integer)", async () => {
    const rec = ticketOfType("Refund approval");
    const set = { Amount: 120.5, Seats: 14, Approved: true, Deadline: 1_800_000_000 };
    expectOk(await v214("PUT", `/tickets/${rec.id}`, { ticket_attributes: set }), ticketSchema);
    const t = expectOk(
      await change(rec.id, { ticket_type_id: type("Account review").id, ticket_state_id: stateOf("Account review") }),
      ticketSchema,
    );
    expect(t.category).toBe("Back-office");
    expect(t.ticket_attributes).toMatchObject({ Seats: 14, Approved: true, Deadline: 1_800_000_000 });
    expect(t.ticket_attributes).not.toHaveProperty("Amount");
  });

  it("works between Tracker types, bumping updated_at and recording the previous state", async () => {
    const rec = ticketOfType("Engineering incident");
    const { updated_at: seededAt, ticket_state_id: seededState } = rec;
    const t = expectOk(
      await change(rec.id, {
        ticket_type_id: type("Product feedback").id,
        ticket_state_id: stateOf("Product feedback"),
      }),
      ticketSchema,
    );
    expect(t).toMatchObject({ category: "Tracker", previous_ticket_state_id: seededState });
    expect(t.updated_at).toBeGreaterThan(seededAt);
    expect(t.ticket_type.name).toBe("Product feedback");
  });
});

describe("change_type refusals leave the ticket as it was", () => {
  const cases: [string, () => { id: string; body: unknown }, number, string, string | RegExp][] = [
    [
      "missing ticket_type_id",
      () => ({ id: ticketOfType("Bug report").id, body: { ticket_state_id: stateOf("Billing question") } }),
      400,
      "parameter_not_found",
      "ticket_type_id is a required parameter",
    ],
    [
      "missing ticket_state_id",
      () => ({ id: ticketOfType("Bug report").id, body: { ticket_type_id: type("Billing question").id } }),
      400,
      "parameter_not_found",
      "ticket_state_id is a required parameter",
    ],
    [
      "the same type",
      () => ({
        id: ticketOfType("Bug report").id,
        body: { ticket_type_id: type("Bug report").id, ticket_state_id: stateOf("Bug report") },
      }),
      400,
      "parameter_invalid",
      "Cannot change to the same ticket type",
    ],
    [
      "a state of another type",
      () => ({
        id: ticketOfType("Bug report").id,
        body: {
          ticket_type_id: type("Billing question").id,
          ticket_state_id: type("Bug report").state_ids.find((s) => !type("Billing question").state_ids.includes(s))!,
        },
      }),
      400,
      "parameter_invalid",
      "Ticket custom state doesn't belong to the new ticket type",
    ],
    [
      "an attribute the new type lacks",
      () => ({
        id: ticketOfType("Bug report").id,
        body: {
          ticket_type_id: type("Billing question").id,
          ticket_state_id: stateOf("Billing question"),
          ticket_attributes: { "Steps to reproduce": "x" },
        },
      }),
      400,
      "parameter_invalid",
      "Extra attributes provided that are not found on ticket type: Steps to reproduce",
    ],
    [
      "another category",
      () => ({
        id: ticketOfType("Bug report").id,
        body: { ticket_type_id: type("Refund approval").id, ticket_state_id: stateOf("Refund approval") },
      }),
      400,
      "parameter_invalid",
      /same category/,
    ],
    [
      "an archived type",
      () => ({
        id: ticketOfType("Bug report").id,
        body: { ticket_type_id: type("Legacy complaint").id, ticket_state_id: stateOf("Legacy complaint") },
      }),
      400,
      "parameter_invalid",
      /archived/,
    ],
    [
      "a wrongly typed override",
      () => ({
        id: ticketOfType("Bug report").id,
        body: {
          ticket_type_id: type("Billing question").id,
          ticket_state_id: stateOf("Billing question"),
          ticket_attributes: { "Affected users": "many" },
        },
      }),
      400,
      "parameter_invalid",
      /Affected users/,
    ],
    [
      "an unknown field",
      () => ({
        id: ticketOfType("Bug report").id,
        body: { ticket_type_id: type("Billing question").id, ticket_state_id: stateOf("Billing question"), keep: true },
      }),
      400,
      "parameter_invalid",
      /keep/,
    ],
    [
      "an unknown ticket",
      () => ({
        id: "1",
        body: { ticket_type_id: type("Billing question").id, ticket_state_id: stateOf("Billing question") },
      }),
      404,
      "not_found",
      "Resource Not Found",
    ],
    [
      "an unknown type",
      () => ({
        id: ticketOfType("Bug report").id,
        body: { ticket_type_id: "999", ticket_state_id: stateOf("Billing question") },
      }),
      404,
      "ticket_type_not_found",
      /not found/,
    ],
  ];

  it.each(cases)("%s", async (_label, make, status, code, message) => {
    const { id, body } = make();
    const before = await v214("GET", `/tickets/${id}`);
    expectError(await change(id, body), status, code, message);
    const after = await v214("GET", `/tickets/${id}`);
    expect(after.status).toBe(before.status);
    if (before.status === 200) expect(after.body).toEqual(before.body);
  });
});
