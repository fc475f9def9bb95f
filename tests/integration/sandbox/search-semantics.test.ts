/**
 * Each operator against each field type it accepts, for tickets and conversations, checked against the
 * seeded records filtered by hand-written predicates (never the sandbox's own engine).
 * Results must match exactly, in search order (newest first, then higher id).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningSandbox } from "@/lib/sandbox";
import type { ConversationRec, TicketRec } from "@/lib/sandbox/store/types";
import type { Workspace } from "@/lib/sandbox/store/workspace";
import {
  bootSandbox,
  client,
  control,
  expectSearchMatches,
  type Api,
  type SearchResource,
} from "../../support/sandbox";

const NOW = 1_790_000_000;
const DAY = 86_400;
let sb: RunningSandbox;
let us: Workspace;
let apiUs: Api;
beforeAll(async () => {
  sb = await bootSandbox({ now: NOW });
  us = sb.sandbox.workspace(sb.workspaces[0].id_code)!;
  apiUs = client(sb.url, sb.workspaces[0].access_token);
  expect((await control(sb.url)("POST", "/sandbox/faults", { rate_limit_per_window: 1_000_000 })).status).toBe(200);
});
afterAll(() => sb.stop());

const lc = (v: unknown) => (typeof v === "string" ? v.toLowerCase() : v);
/** Comparisons written out for the test. Tickets and conversations: > and < include the value. */
const num = {
  eq: (a: unknown, v: number) => a === v,
  ge: (a: unknown, v: number) => typeof a === "number" && a >= v,
  le: (a: unknown, v: number) => typeof a === "number" && a <= v,
  gt: (a: unknown, v: number) => typeof a === "number" && a > v,
  lt: (a: unknown, v: number) => typeof a === "number" && a < v,
};
const str = {
  has: (a: unknown, v: string) => typeof a === "string" && a.toLowerCase().includes(v.toLowerCase()),
  starts: (a: unknown, v: string) => typeof a === "string" && a.toLowerCase().startsWith(v.toLowerCase()),
  ends: (a: unknown, v: string) => typeof a === "string" && a.toLowerCase().endsWith(v.toLowerCase()),
};

interface Case {
  name: string;
  query: unknown;
  expect: (r: never) => boolean;
}

const check = (resource: SearchResource, ws: Workspace, api: Api, c: Case) =>
  expectSearchMatches(api, resource, ws, c.name, c.query, c.expect);

describe("tickets", () => {
  const type = (name: string) => [...us.ticketTypes.values()].find((t) => t.name === name)!;
  const attr = (typeName: string, name: string) => type(typeName).attributes.find((a) => a.name === name)!;
  const attrValue = (typeName: string, name: string) => (t: TicketRec) =>
    t.ticket_type_id === type(typeName).id ? (t.attributes[name] ?? null) : null;
  const cases = (): Case[] => {
    const title = us.orderedTickets()[10].attributes._default_title_ as string;
    const t0 = us.orderedTickets()[40].created_at;
    const users = attrValue("Bug report", "Affected users");
    const amount = attrValue("Billing question", "Amount");
    const severity = attrValue("Bug report", "Severity");
    const n = us
      .orderedTickets()
      .map(users)
      .find((v) => typeof v === "number") as number;
    const high = attr("Bug report", "Severity").list_options!.find((o) => o.label === "High")!.id;
    const f = (field: string, operator: string, value: unknown) => ({ field, operator, value });
    return [
      {
        name: "string =",
        query: f("default_title", "=", title),
        expect: (t: TicketRec) => lc(t.attributes._default_title_) === lc(title),
      },
      {
        name: "string !=",
        query: f("default_title", "!=", title),
        expect: (t: TicketRec) => lc(t.attributes._default_title_) !== lc(title),
      },
      {
        name: "string IN",
        query: f("default_title", "IN", [title, "Dark mode"]),
        expect: (t: TicketRec) => [lc(title), "dark mode"].includes(lc(t.attributes._default_title_) as string),
      },
      {
        name: "string NIN",
        query: f("default_title", "NIN", [title, "Dark mode"]),
        expect: (t: TicketRec) => ![lc(title), "dark mode"].includes(lc(t.attributes._default_title_) as string),
      },
      {
        name: "string ~",
        query: f("default_title", "~", "refund"),
        expect: (t: TicketRec) => str.has(t.attributes._default_title_, "refund"),
      },
      {
        name: "string !~",
        query: f("default_title", "!~", "refund"),
        expect: (t: TicketRec) => !str.has(t.attributes._default_title_, "refund"),
      },
      {
        name: "string ^",
        query: f("default_title", "^", "Refund for"),
        expect: (t: TicketRec) => str.starts(t.attributes._default_title_, "Refund for"),
      },
      {
        name: "string $",
        query: f("default_title", "$", "mode"),
        expect: (t: TicketRec) => str.ends(t.attributes._default_title_, "mode"),
      },
      { name: "date = (exact second)", query: f("created_at", "=", t0), expect: (t: TicketRec) => t.created_at === t0 },
      { name: "date != ", query: f("created_at", "!=", t0), expect: (t: TicketRec) => t.created_at !== t0 },
      {
        name: "date > is inclusive",
        query: f("created_at", ">", t0),
        expect: (t: TicketRec) => num.ge(t.created_at, t0),
      },
      {
        name: "date < is inclusive",
        query: f("created_at", "<", t0),
        expect: (t: TicketRec) => num.le(t.created_at, t0),
      },
      { name: "created_at >=", query: f("created_at", ">=", t0), expect: (t: TicketRec) => num.ge(t.created_at, t0) },
      { name: "created_at <=", query: f("created_at", "<=", t0), expect: (t: TicketRec) => num.le(t.created_at, t0) },
      {
        name: "date IN",
        query: f("created_at", "IN", [t0, us.orderedTickets()[3].created_at]),
        expect: (t: TicketRec) => t.created_at === t0 || t.created_at === us.orderedTickets()[3].created_at,
      },
      { name: "date NIN", query: f("created_at", "NIN", [t0]), expect: (t: TicketRec) => t.created_at !== t0 },
      {
        name: "date > leaves out nulls",
        query: f("snoozed_until", ">", NOW),
        expect: (t: TicketRec) => num.ge(t.snoozed_until, NOW),
      },
      { name: "boolean =", query: f("open", "=", false), expect: (t: TicketRec) => !t.open },
      { name: "boolean !=", query: f("open", "!=", false), expect: (t: TicketRec) => t.open },
      { name: "boolean IN", query: f("open", "IN", [false]), expect: (t: TicketRec) => !t.open },
      {
        name: "integer attribute =",
        query: f(`ticket_attribute.${attr("Bug report", "Affected users").id}`, "=", n),
        expect: (t: TicketRec) => num.eq(users(t), n),
      },
      {
        name: "integer attribute >",
        query: f(`ticket_attribute.${attr("Bug report", "Affected users").id}`, ">", 250),
        expect: (t: TicketRec) => num.ge(users(t), 250),
      },
      {
        name: "integer attribute <",
        query: f(`ticket_attribute.${attr("Bug report", "Affected users").id}`, "<", 250),
        expect: (t: TicketRec) => num.le(users(t), 250),
      },
      {
        name: "integer attribute NIN",
        query: f(`ticket_attribute.${attr("Bug report", "Affected users").id}`, "NIN", [n]),
        expect: (t: TicketRec) => users(t) !== n,
      },
      {
        name: "decimal attribute >",
        query: f(`ticket_attribute.${attr("Billing question", "Amount").id}`, ">", 1000.5),
        expect: (t: TicketRec) => num.ge(amount(t), 1000.5),
      },
      {
        name: "decimal attribute <",
        query: f(`ticket_attribute.${attr("Billing question", "Amount").id}`, "<", 1000.5),
        expect: (t: TicketRec) => num.le(amount(t), 1000.5),
      },
      {
        name: "list attribute = item id",
        query: f(`ticket_attribute.${attr("Bug report", "Severity").id}`, "=", high),
        expect: (t: TicketRec) => severity(t) === high,
      },
      {
        name: "boolean attribute =",
        query: f(`ticket_attribute.${attr("Bug report", "Regression").id}`, "=", true),
        expect: (t: TicketRec) => attrValue("Bug report", "Regression")(t) === true,
      },
      {
        name: "datetime attribute >",
        query: f(`ticket_attribute.${attr("Bug report", "First seen").id}`, ">", NOW - 60 * DAY),
        expect: (t: TicketRec) => num.ge(attrValue("Bug report", "First seen")(t), NOW - 60 * DAY),
      },
      {
        name: "string attribute ~",
        query: f(`ticket_attribute.${attr("Bug report", "Browser").id}`, "~", "safari"),
        expect: (t: TicketRec) => str.has(attrValue("Bug report", "Browser")(t), "safari"),
      },
    ];
  };

  it("every case matches the hand-filtered records", async () => {
    for (const c of cases()) await check("tickets", us, apiUs, c);
  });
});

describe("conversations", () => {
  const cases = (): Case[] => {
    const email = us.orderedConversations()[12].source.author.email;
    const waited = us.orderedConversations().find((c) => c.waiting_since !== null)!.waiting_since!;
    const tag = [...us.tags.values()][2].id;
    const other = [...us.tags.values()][5].id;
    const f = (field: string, operator: string, value: unknown) => ({ field, operator, value });
    const parts = (c: ConversationRec) => c.statistics.count_conversation_parts;
    return [
      {
        name: "string =",
        query: f("source.author.email", "=", email),
        expect: (c: ConversationRec) => lc(c.source.author.email) === lc(email),
      },
      {
        name: "string !=",
        query: f("source.author.email", "!=", email),
        expect: (c: ConversationRec) => lc(c.source.author.email) !== lc(email),
      },
      {
        name: "string ~",
        query: f("source.author.email", "~", "northwind"),
        expect: (c: ConversationRec) => str.has(c.source.author.email, "northwind"),
      },
      {
        name: "string !~",
        query: f("source.author.email", "!~", "northwind"),
        expect: (c: ConversationRec) => !str.has(c.source.author.email, "northwind"),
      },
      {
        name: "string ^",
        query: f("source.author.email", "^", "a"),
        expect: (c: ConversationRec) => str.starts(c.source.author.email, "a"),
      },
      {
        name: "string $",
        query: f("source.author.email", "$", "@gmail.example"),
        expect: (c: ConversationRec) => str.ends(c.source.author.email, "@gmail.example"),
      },
      {
        name: "string IN",
        query: f("state", "IN", ["open", "snoozed"]),
        expect: (c: ConversationRec) => c.state !== "closed",
      },
      {
        name: "string NIN",
        query: f("channel_initiated", "NIN", ["conversation", "email"]),
        expect: (c: ConversationRec) => !["conversation", "email"].includes(c.channel_initiated),
      },
      {
        name: "integer =",
        query: f("statistics.count_conversation_parts", "=", 4),
        expect: (c: ConversationRec) => parts(c) === 4,
      },
      {
        name: "integer !=",
        query: f("statistics.count_conversation_parts", "!=", 4),
        expect: (c: ConversationRec) => parts(c) !== 4,
      },
      {
        name: "integer > is inclusive",
        query: f("statistics.count_conversation_parts", ">", 6),
        expect: (c: ConversationRec) => parts(c) >= 6,
      },
      {
        name: "integer < is inclusive",
        query: f("statistics.count_conversation_parts", "<", 2),
        expect: (c: ConversationRec) => parts(c) <= 2,
      },
      {
        name: "integer IN",
        query: f("statistics.count_conversation_parts", "IN", [1, 3]),
        expect: (c: ConversationRec) => [1, 3].includes(parts(c)),
      },
      {
        name: "date >",
        query: f("waiting_since", ">", waited),
        expect: (c: ConversationRec) => num.ge(c.waiting_since, waited),
      },
      {
        name: "date <",
        query: f("waiting_since", "<", waited),
        expect: (c: ConversationRec) => num.le(c.waiting_since, waited),
      },
      {
        name: "date = null",
        query: f("waiting_since", "=", null),
        expect: (c: ConversationRec) => c.waiting_since === null,
      },
      {
        name: "date != null",
        query: f("waiting_since", "!=", null),
        expect: (c: ConversationRec) => c.waiting_since !== null,
      },
      { name: "boolean =", query: f("read", "=", false), expect: (c: ConversationRec) => !c.read },
      { name: "boolean NIN", query: f("read", "NIN", [false]), expect: (c: ConversationRec) => c.read },
      {
        name: "float >",
        query: f("custom_attributes.refund_amount", ">", 250),
        expect: (c: ConversationRec) => num.ge(c.custom_attributes.refund_amount, 250),
      },
      {
        name: "list custom attribute =",
        query: f("custom_attributes.issue_type", "=", "Billing"),
        expect: (c: ConversationRec) => c.custom_attributes.issue_type === "Billing",
      },
      {
        name: "multi-valued = contains",
        query: f("tag_ids", "=", tag),
        expect: (c: ConversationRec) => c.tags.some((t) => t.id === tag),
      },
      {
        name: "multi-valued != lacks",
        query: f("tag_ids", "!=", tag),
        expect: (c: ConversationRec) => !c.tags.some((t) => t.id === tag),
      },
      {
        name: "multi-valued IN",
        query: f("tag_ids", "IN", [tag, other]),
        expect: (c: ConversationRec) => c.tags.some((t) => t.id === tag || t.id === other),
      },
      {
        name: "multi-valued NIN",
        query: f("tag_ids", "NIN", [tag, other]),
        expect: (c: ConversationRec) => !c.tags.some((t) => t.id === tag || t.id === other),
      },
    ];
  };

  it("every case matches the hand-filtered records", async () => {
    for (const c of cases()) await check("conversations", us, apiUs, c);
  });
});
