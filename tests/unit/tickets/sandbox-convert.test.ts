/**
 * planConvert and convertDefaults against the sandbox's POST /conversations/{id}/convert:
 * planned requests are accepted and leave exactly the planned attributes; refused plans are
 * refused there too; the defaults are what Intercom fills in by itself.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { conversationListSchema, conversationSchema, ticketSchema, type Conversation } from "@/lib/intercom/schemas";
import { convertChoices, convertDefaults, planConvert, type AttrValue } from "@/lib/tickets";
import { expectOk } from "../../support/sandbox";
import { byName, sampleValue, startAgreement, textOf, type Agreement } from "./sandbox-helpers";

let ag: Agreement;
let fresh: Conversation[];
beforeAll(async () => {
  ag = await startAgreement();
});
beforeEach(async () => {
  await ag.reset();
  const query = { operator: "OR", value: [0, 1].map((n) => ({ field: "open", operator: "=", value: n === 0 })) };
  const res = await ag.api("POST", "/conversations/search", { query, pagination: { per_page: 150 } });
  fresh = expectOk(res, conversationListSchema).conversations.filter((c) => !c.ticket);
  expect(fresh.length).toBeGreaterThan(20);
});
afterAll(() => ag.sb.stop());

const defaultsOf = (c: Conversation) =>
  convertDefaults({ title: c.title ?? null, subject: c.source.subject ?? null, bodyText: textOf(c.source.body) });
const convert = (c: Conversation, body: unknown) => ag.api("POST", `/conversations/${c.id}/convert`, body);

/** Required attributes (title and description aside, which the defaults give) filled with valid values. */
function required(typeId: string): Record<string, AttrValue | undefined> {
  const type = ag.types.find((t) => t.id === typeId)!;
  return Object.fromEntries(
    type.ticket_type_attributes
      .filter((a) => a.required_to_create && !a.archived && !a.default)
      .map((a) => [a.name, sampleValue(a)]),
  );
}

describe("convert agrees with the sandbox", () => {
  it("every type: planned requests are accepted with exactly their attributes; refused types are refused", async () => {
    const choices = convertChoices(ag.types);
    expect(choices.filter((c) => c.selectable).map((c) => c.type.name)).toEqual([
      "Bug report",
      "Billing question",
      "Feature request",
    ]);
    let next = 0;
    for (const type of ag.types) {
      const conv = fresh[next];
      const attributes = { ...defaultsOf(conv), ...required(type.id) };
      const plan = planConvert(ag.types, type.id, attributes);
      const res = await convert(conv, plan.request ?? { ticket_type_id: type.id, attributes });
      const selectable = choices.some((c) => c.type.id === type.id && c.selectable);
      expect(plan.request !== null, type.name).toBe(selectable);
      if (plan.request) {
        const ticket = expectOk(res, ticketSchema);
        expect(ticket.ticket_type.id).toBe(type.id);
        expect(ticket.ticket_attributes).toEqual(plan.request.attributes);
        next++;
      } else {
        expect(res.status, type.name).toBe(400);
        expect(expectOk(await ag.api("GET", `/conversations/${conv.id}`), conversationSchema).ticket).toBeFalsy();
      }
    }
  });

  it("leaving title and description out, Intercom fills in what convertDefaults prefills", async () => {
    const billing = byName(ag.types, "Billing question");
    // Conversations with a title, with only a subject, and with neither, when the seeds have them.
    const picks = [
      fresh.find((c) => c.title),
      fresh.find((c) => !c.title && c.source.subject),
      fresh.find((c) => !c.title && !c.source.subject),
    ];
    for (const conv of picks.filter((c): c is Conversation => c !== undefined)) {
      const plan = planConvert(ag.types, billing.id, required(billing.id));
      const ticket = expectOk(await convert(conv, plan.request), ticketSchema);
      const defaults = defaultsOf(conv);
      expect(ticket.ticket_attributes._default_title_).toBe(defaults._default_title_);
      expect(ticket.ticket_attributes._default_description_).toBe(defaults._default_description_.replace(/\s+/g, " "));
    }
  });

  it("every data type, given valid values, is stored as given", async () => {
    let next = 0;
    for (const type of ag.types.filter((t) => t.category === "Customer" && !t.archived)) {
      const attributes = Object.fromEntries(
        type.ticket_type_attributes
          .filter((a) => !a.archived && a.data_type !== "files")
          .map((a) => [a.name, sampleValue(a, 1)]),
      );
      const plan = planConvert(ag.types, type.id, attributes);
      expect(plan.errors).toEqual({});
      const ticket = expectOk(await convert(fresh[next++], plan.request), ticketSchema);
      expect(ticket.ticket_attributes).toEqual(attributes);
    }
  });

  const refusals: [string, string, (typeId: string) => Record<string, AttrValue | undefined>][] = [
    ["a missing required attribute", "Bug report", () => ({})],
    ["a required attribute given null", "Feature request", () => ({ "Product area": null })],
    ["an empty title", "Billing question", (id) => ({ ...required(id), _default_title_: "" })],
    ["an attribute the type lacks", "Bug report", (id) => ({ ...required(id), Nope: 1 })],
    ["an attribute of another type", "Billing question", (id) => ({ ...required(id), "Steps to reproduce": "x" })],
    [
      "a list item of another type",
      "Billing question",
      (id) => ({ ...required(id), Severity: sampleValue(byName(ag.types, "Bug report").ticket_type_attributes[2]) }),
    ],
    ["text for a number", "Billing question", (id) => ({ ...required(id), Amount: "12.50" })],
    ["a fraction for an integer", "Bug report", (id) => ({ ...required(id), "Affected users": 1.5 })],
    ["text for a boolean", "Bug report", (id) => ({ ...required(id), Regression: "yes" })],
    ["a negative date", "Feature request", (id) => ({ ...required(id), "Target release": -1 })],
    ["a number for text", "Feature request", (id) => ({ ...required(id), "Customer tier": 3 })],
  ];
  it.each(refusals)("refused by both: %s", async (_name, typeName, make) => {
    const type = byName(ag.types, typeName);
    const attributes = make(type.id);
    const plan = planConvert(ag.types, type.id, attributes);
    expect(plan.request).toBeNull();
    expect(Object.keys(plan.errors)).toHaveLength(1);
    const res = await convert(fresh[0], { ticket_type_id: type.id, attributes });
    expect(res.status, JSON.stringify(res.body)).toBe(400);
  });
});
