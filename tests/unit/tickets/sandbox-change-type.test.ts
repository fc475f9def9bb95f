/**
 * planTypeChange against the sandbox's POST /tickets/{id}/change_type: a plan's request is
 * accepted and leaves exactly the planned attributes; a plan refused for a reason Intercom
 * enforces is refused there too; a plan refused only for an empty required attribute (the
 * dashboard's own rule) is accepted there, which pins where the dashboard is stricter.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ticketSchema, type Ticket, type TicketType } from "@/lib/intercom/schemas";
import { planTypeChange, resultingAttributes, ticketForPlan, type AttrValue, type TypeChangePlan } from "@/lib/tickets";
import { expectError, expectOk } from "../../support/sandbox";
import { bodyFor, byName, onlyStricterErrors, sampleValue, startAgreement, type Agreement } from "./sandbox-helpers";

let ag: Agreement;
beforeAll(async () => {
  ag = await startAgreement();
});
beforeEach(async () => {
  await ag.reset();
});
afterAll(() => ag.sb.stop());

/** What the accepted plans exercised, so the sweep cannot pass by testing nothing. */
const seen = new Set<string>();

/** Sends what the plan says (or what a form would send when it refuses) and checks Intercom agrees. */
async function sendAndCompare(
  ticket: Ticket,
  plan: TypeChangePlan,
  targetId: string,
  overrides: Record<string, AttrValue | undefined>,
  stateId?: string,
) {
  const res = await ag.api("POST", `/tickets/${ticket.id}/change_type`, bodyFor(plan, targetId, overrides, stateId));
  const label = `${ticket.ticket_type.name} #${ticket.id} → ${plan.target?.name ?? targetId}: ${JSON.stringify(plan.errors)}`;
  if (plan.request || onlyStricterErrors(plan)) {
    const after = expectOk(res, ticketSchema);
    for (const o of plan.attributes) seen.add(`${o.kind}:${o.attribute.data_type}`);
    for (const d of plan.dropped) seen.add(`dropped:${d.reason}`);
    expect(after.ticket_type.id, label).toBe(targetId);
    expect(after.ticket_state.id, label).toBe(plan.stateId);
    expect(after.ticket_attributes, label).toEqual(resultingAttributes(plan));
    for (const d of plan.dropped) {
      const now = plan.attributes.find((o) => o.attribute.name === d.attribute.name);
      if (now?.kind !== "override") expect(after.ticket_attributes, label).not.toHaveProperty([d.attribute.name]);
    }
    return "accepted";
  }
  expect(res.status, label).toBe(plan.target ? 400 : 404);
  const unchanged = expectOk(await ag.api("GET", `/tickets/${ticket.id}`), ticketSchema);
  expect(unchanged.ticket_type.id, label).toBe(ticket.ticket_type.id);
  expect(unchanged.ticket_attributes, label).toEqual(ticket.ticket_attributes);
  return "refused";
}

/** Every (source type, target type) pair inside one category, archived types included on both sides. */
function pairs(): [string, string][] {
  const names: Record<string, string[]> = {
    Customer: ["Bug report", "Billing question", "Feature request", "Legacy complaint"],
    "Back-office": ["Refund approval", "Account review"],
    Tracker: ["Engineering incident", "Product feedback"],
  };
  return Object.values(names).flatMap((group) =>
    group.flatMap((from) => group.filter((to) => to !== from).map((to) => [from, to] as [string, string])),
  );
}

describe("changes within a category agree with the sandbox", () => {
  it.each(pairs())("%s → %s", async (fromName, toName) => {
    const from = byName(ag.types, fromName);
    const to = byName(ag.types, toName);
    const tickets = await ag.ticketsOf(from);
    expect(tickets.length).toBeGreaterThanOrEqual(3);
    const outcomes: string[] = [];

    // 1. No overrides: valid, or refused only for required attributes Intercom would leave empty.
    const bare = planTypeChange(ticketForPlan(tickets[0]), ag.types, to.id, null, {});
    outcomes.push(await sendAndCompare(tickets[0], bare, to.id, {}));

    // 2. The required attributes filled, as a lead would.
    const fill = (plan: TypeChangePlan) =>
      Object.fromEntries(
        plan.attributes
          .filter((o) => o.kind === "needs_value")
          .map((o) => [o.attribute.name, sampleValue(o.attribute)]),
      );
    const firstTry = planTypeChange(ticketForPlan(tickets[1]), ag.types, to.id, null, {});
    const filled = fill(firstTry);
    const planned = planTypeChange(ticketForPlan(tickets[1]), ag.types, to.id, null, filled);
    outcomes.push(await sendAndCompare(tickets[1], planned, to.id, filled));

    // 3. A new value for every settable attribute of the new type, each data type included.
    const everything = Object.fromEntries(
      to.ticket_type_attributes
        .filter((a) => !a.archived && a.data_type !== "files")
        .map((a) => [a.name, sampleValue(a, 1)]),
    );
    const overridden = planTypeChange(ticketForPlan(tickets[2]), ag.types, to.id, null, everything);
    if (overridden.request) expect(overridden.attributes.every((o) => o.kind === "override")).toBe(true);
    outcomes.push(await sendAndCompare(tickets[2], overridden, to.id, everything));

    // Archived targets are refused every time; live ones accepted every time.
    expect(outcomes).toEqual(to.archived ? ["refused", "refused", "refused"] : ["accepted", "accepted", "accepted"]);
  });

  it("exercised carried lists, every reason to drop, needs_value and overrides of every data type", () => {
    const expected = [
      "carried:list",
      "carried:string",
      "carried:integer",
      "needs_value:list",
      "needs_value:string",
      "needs_value:decimal",
    ];
    expected.push("dropped:not_on_new_type", "dropped:different_data_type", "dropped:no_matching_list_item");
    expected.push(...["string", "list", "integer", "decimal", "boolean", "datetime"].map((t) => `override:${t}`));
    expect([...seen].filter((k) => expected.includes(k)).sort()).toEqual(expected.sort());
  });
});

describe("refusals agree with the sandbox", () => {
  const customer = () => ["Bug report", "Billing question", "Feature request"].map((n) => byName(ag.types, n));

  it("another category, for every ticket type", async () => {
    for (const from of ag.types) {
      const [ticket] = await ag.ticketsOf(from);
      for (const to of ag.types.filter((t) => t.category !== from.category)) {
        const plan = planTypeChange(ticketForPlan(ticket), ag.types, to.id, to.ticket_states[0].id, {});
        expect(plan.errors.ticket_type_id).toContain(from.category);
        expect(plan.errors.ticket_type_id).toContain(to.category);
        expect(await sendAndCompare(ticket, plan, to.id, {})).toBe("refused");
      }
    }
  });

  it("the same type", async () => {
    for (const type of customer()) {
      const [ticket] = await ag.ticketsOf(type);
      const plan = planTypeChange(ticketForPlan(ticket), ag.types, type.id, ticket.ticket_state.id, {});
      expect(Object.keys(plan.errors)).toEqual(["ticket_type_id"]);
      expect(await sendAndCompare(ticket, plan, type.id, {})).toBe("refused");
    }
  });

  it("a state of another type", async () => {
    const [bug, billing] = customer();
    const [ticket] = await ag.ticketsOf(bug);
    const foreign = bug.ticket_states.find((s) => !billing.ticket_states.some((b) => b.id === s.id))!;
    const overrides = { "Invoice number": "INV-1" };
    const plan = planTypeChange(ticketForPlan(ticket), ag.types, billing.id, foreign.id, overrides);
    expect(Object.keys(plan.errors)).toEqual(["ticket_state_id"]);
    expect(await sendAndCompare(ticket, plan, billing.id, overrides, foreign.id)).toBe("refused");
  });

  it("an attribute the new type lacks, named in both", async () => {
    const [bug, billing] = customer();
    const [ticket] = await ag.ticketsOf(bug);
    const overrides = { "Invoice number": "INV-1", "Steps to reproduce": "x" };
    const plan = planTypeChange(ticketForPlan(ticket), ag.types, billing.id, null, overrides);
    expect(Object.keys(plan.errors)).toEqual(["Steps to reproduce"]);
    const res = await ag.api("POST", `/tickets/${ticket.id}/change_type`, bodyFor(plan, billing.id, overrides));
    expectError(
      res,
      400,
      "parameter_invalid",
      "Extra attributes provided that are not found on ticket type: Steps to reproduce",
    );
  });

  it("a wrongly typed override of each data type", async () => {
    const [bug, billing] = customer();
    const tickets = await ag.ticketsOf(bug);
    const wrong: Record<string, AttrValue>[] = [
      { "Invoice number": 5 },
      { Severity: "no-such-item" },
      { Severity: sampleValue(bug.ticket_type_attributes.find((a) => a.name === "Severity")!)! },
      { Amount: "12.50" },
      { "Refund requested": "yes" },
      { "Due date": 1.5 },
      { "Due date": -1 },
      { "Affected users": 2.5 },
    ];
    for (const bad of wrong) {
      const overrides = { "Invoice number": "INV-1", ...bad };
      const plan = planTypeChange(ticketForPlan(tickets[0]), ag.types, billing.id, null, overrides);
      expect(Object.keys(plan.errors)).toEqual(Object.keys(bad));
      expect(await sendAndCompare(tickets[0], plan, billing.id, overrides)).toBe("refused");
    }
  });

  it("an unknown type (a 404 there)", async () => {
    const [ticket] = await ag.ticketsOf(customer()[0]);
    const plan = planTypeChange(ticketForPlan(ticket), ag.types, "31337", null, {});
    expect(plan.target).toBeNull();
    expect(await sendAndCompare(ticket, plan, "31337", {}, ticket.ticket_state.id)).toBe("refused");
  });

  it("clearing a required attribute: refused by the dashboard, accepted by Intercom", async () => {
    const [bug, billing] = customer();
    const [ticket] = await ag.ticketsOf(bug);
    const overrides = { "Invoice number": null };
    const plan = planTypeChange(ticketForPlan(ticket), ag.types, billing.id, null, overrides);
    expect(plan.errors).toEqual({ "Invoice number": "Invoice number needs a value" });
    expect(await sendAndCompare(ticket, plan, billing.id, overrides)).toBe("accepted");
  });
});

describe("state defaults agree with what the sandbox offers", () => {
  it("a ticket without a same-category state on the new type needs a chosen state", async () => {
    const review: TicketType = byName(ag.types, "Account review");
    const refund: TicketType = byName(ag.types, "Refund approval");
    const waiting = review.ticket_states.find((s) => s.category === "waiting_on_customer")!;
    const [ticket] = await ag.ticketsOf(review);
    const moved = expectOk(await ag.api("PUT", `/tickets/${ticket.id}`, { ticket_state_id: waiting.id }), ticketSchema);
    const amount = { Amount: 99.5 };
    const open = planTypeChange(ticketForPlan(moved), ag.types, refund.id, null, amount);
    expect(Object.keys(open.errors)).toEqual(["ticket_state_id"]);
    const chosen = planTypeChange(ticketForPlan(moved), ag.types, refund.id, refund.ticket_states[1].id, amount);
    expect(await sendAndCompare(moved, chosen, refund.id, amount)).toBe("accepted");
  });
});
