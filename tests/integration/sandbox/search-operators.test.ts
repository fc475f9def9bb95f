/**
 * Every field of every resource against every operator, driven by the shared catalogue
 * (lib/search/fields.ts) plus the workspace's dynamic fields. Refused pairs must be a 400
 * error.list; accepted pairs must answer and obey identities that hold whatever the data:
 * `=` and `!=` split the records, `IN [v]` is `= v`, `~` and `!~` split the records, and so on.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contactListSchema, conversationListSchema, ticketListSchema } from "@/lib/intercom/schemas";
import {
  OPERATORS,
  STATIC_FIELDS,
  operatorsFor,
  searchTypeForDataAttribute,
  searchTypeForTicketAttribute,
  type FieldType,
  type Operator,
  type Resource,
} from "@/lib/search/fields";
import type { RunningSandbox } from "@/lib/sandbox";
import { seedWorkspaces } from "@/lib/sandbox/seed";
import type { Workspace } from "@/lib/sandbox/store/workspace";
import { bootSandbox, client, control, expectError, type Api } from "../../support/sandbox";

const NOW = 1_790_000_000;
const SCHEMAS = { tickets: ticketListSchema, conversations: conversationListSchema, contacts: contactListSchema };

interface Field {
  key: string;
  type: FieldType;
  operators: readonly Operator[];
  sample: unknown;
}

/** The fields to test, built from a seeded workspace identical to the one the server holds. */
function fieldsFor(resource: Resource, ws: Workspace): Field[] {
  const records =
    resource === "tickets"
      ? ws.orderedTickets()
      : resource === "conversations"
        ? ws.orderedConversations()
        : ws.orderedContacts();
  const fields: Field[] = STATIC_FIELDS[resource].map((def) => ({
    key: def.key,
    type: def.type,
    operators: operatorsFor(resource, def),
    sample: sampleOf(resource, records, def.key, def.type),
  }));
  // A segment with members, found through its rule's own field (the beta testers).
  const segment = fields.find((f) => f.key === "segment_id");
  if (segment) segment.sample = [...ws.segments.values()].find((s) => s.name === "Beta testers")!.id;
  if (resource === "tickets") {
    const seen = new Set<string>();
    for (const type of ws.ticketTypes.values()) {
      for (const attr of type.attributes) {
        const searchType = searchTypeForTicketAttribute(attr.data_type);
        if (!searchType || seen.has(attr.data_type) || attr.default) continue;
        seen.add(attr.data_type);
        const value = ws.orderedTickets().find((t) => t.ticket_type_id === type.id && t.attributes[attr.name] != null)
          ?.attributes[attr.name];
        fields.push({
          key: `ticket_attribute.${attr.id}`,
          type: searchType,
          operators: operatorsFor(resource, { type: searchType }),
          sample: value ?? fallback(searchType),
        });
      }
    }
    expect([...seen].sort()).toEqual(["boolean", "datetime", "decimal", "integer", "list", "string"]);
  } else {
    const model = resource === "contacts" ? "contact" : "conversation";
    for (const attr of ws.dataAttributes.filter((a) => a.model === model && a.custom)) {
      const searchType = searchTypeForDataAttribute(attr.data_type)!;
      fields.push({
        key: `custom_attributes.${attr.name}`,
        type: searchType,
        operators: operatorsFor(resource, { type: searchType }),
        sample: sampleOf(resource, records, `custom_attributes.${attr.name}`, searchType),
      });
    }
  }
  return fields;
}

/** Fields whose value is not stored under their own name, and where on a record to find one. */
const SAMPLE_PATHS: Record<string, string[]> = {
  default_title: ["attributes", "_default_title_"],
  default_description: ["attributes", "_default_description_"],
  tag_ids: ["tags", "id"],
  tag_id: ["tag_ids"],
  teammate_ids: ["admin_assignee_id"],
  "conversation_rating.admin_d": ["conversation_rating", "teammate_id"],
  "conversation_rating.replied_at": ["conversation_rating", "created_at"],
  ios_last_seen_at: ["ios", "last_seen_at"],
  ios_app_version: ["ios", "app_version"],
  ios_device: ["ios", "device"],
  ios_app_device: ["ios", "device"],
  ios_os_version: ["ios", "os_version"],
  ios_app_name: ["ios", "app_name"],
  ios_sdk_version: ["ios", "sdk_version"],
};
/** Fields whose values are terms rather than stored values. */
const SAMPLE_TERMS: Record<string, unknown> = {
  "tickets:category": "request",
  "tickets:state": "in_progress",
  "conversations:source.body": "the",
  "contacts:email_domain": "proton.example",
};

/** A value some record holds for the field (read from the record by its path), else a default. */
function sampleOf(resource: Resource, records: readonly object[], key: string, type: FieldType): unknown {
  if (`${resource}:${key}` in SAMPLE_TERMS) return SAMPLE_TERMS[`${resource}:${key}`];
  const path = SAMPLE_PATHS[key] ?? key.split(".");
  for (const rec of records.slice(3)) {
    let v: unknown = rec;
    for (const p of path) {
      if (Array.isArray(v)) v = v[0];
      v = v && typeof v === "object" ? (v as Record<string, unknown>)[p] : undefined;
    }
    if (Array.isArray(v)) v = v[0];
    if (v !== null && v !== undefined && v !== "" && typeof v !== "object") return type === "string" ? String(v) : v;
  }
  return fallback(type);
}

function fallback(type: FieldType): unknown {
  return { string: "support", integer: 5, float: 1.5, date: NOW - 30 * 86_400, boolean: true }[type];
}

/** A value of the wrong type for the field. */
const WRONG: Record<FieldType, unknown> = {
  string: true,
  integer: "foobar",
  float: "foobar",
  date: "foobar",
  boolean: "maybe",
};

let sb: RunningSandbox;
let api: Api;
let byResource: Record<Resource, Field[]>;
beforeAll(async () => {
  sb = await bootSandbox({ now: NOW });
  api = client(sb.url, sb.workspaces[0].access_token);
  // Thousands of searches in a few seconds: lift the default 1,666 per 10 s.
  expect((await control(sb.url)("POST", "/sandbox/faults", { rate_limit_per_window: 1_000_000 })).status).toBe(200);
  // A second, identical seed: the test enumerates fields from it, never from the server's state.
  const [mirror] = seedWorkspaces({ seed: 42, scale: 1, now: NOW });
  Object.assign(TOTAL, {
    tickets: mirror.tickets.size,
    conversations: mirror.conversations.size,
    contacts: mirror.contacts.size,
  });
  byResource = {
    tickets: fieldsFor("tickets", mirror),
    conversations: fieldsFor("conversations", mirror),
    contacts: fieldsFor("contacts", mirror),
  };
});
afterAll(() => sb.stop());

async function count(resource: Resource, field: string, operator: string, value: unknown): Promise<number> {
  const res = await api("POST", `/${resource}/search`, {
    query: { field, operator, value },
    pagination: { per_page: 1 },
  });
  expect(
    res.status,
    `${resource} ${field} ${operator} ${JSON.stringify(value)}: ${JSON.stringify(res.body).slice(0, 300)}`,
  ).toBe(200);
  return SCHEMAS[resource].parse(res.body).total_count;
}

/** Records per resource in the workspace searched, from the mirror seed. */
const TOTAL: Record<Resource, number> = { tickets: 0, conversations: 0, contacts: 0 };
const staticKeys = (r: Resource) => STATIC_FIELDS[r].map((f) => f.key);

describe.each(["tickets", "conversations", "contacts"] as const)(
  "%s: every field against every operator",
  (resource) => {
    const keys = [
      ...staticKeys(resource),
      ...(resource === "tickets" ? ["(ticket attributes)"] : ["(custom attributes)"]),
    ];

    it.each(keys)("%s", async (key) => {
      const fields = byResource[resource].filter((f) =>
        key.startsWith("(") ? f.key.includes("attribute") && !staticKeys(resource).includes(f.key) : f.key === key,
      );
      expect(fields.length).toBeGreaterThan(0);
      for (const field of fields) {
        const v = field.sample;
        const label = `${resource} ${field.key} (${field.type})`;
        for (const op of OPERATORS) {
          const value = op === "IN" || op === "NIN" ? [v] : v;
          if (!field.operators.includes(op)) {
            expectError(
              await api("POST", `/${resource}/search`, { query: { field: field.key, operator: op, value } }),
              400,
              "parameter_invalid",
            );
            continue;
          }
          const n = await count(resource, field.key, op, value);
          expect(n, `${label} ${op}`).toBeGreaterThanOrEqual(0);
          expect(n, `${label} ${op}`).toBeLessThanOrEqual(TOTAL[resource]);
        }
        await identities(resource, field, label);
        expectError(
          await api("POST", `/${resource}/search`, {
            query: { field: field.key, operator: "=", value: WRONG[field.type] },
          }),
          400,
          "parameter_invalid",
        );
      }
    });
  },
);

/** Relations between operators that hold for any data. */
async function identities(resource: Resource, field: Field, label: string) {
  const has = (op: Operator) => field.operators.includes(op);
  const v = field.sample;
  const eq = await count(resource, field.key, "=", v);
  if (has("!="))
    expect(eq + (await count(resource, field.key, "!=", v)), `${label}: = and != split everything`).toBe(
      TOTAL[resource],
    );
  if (has("IN")) expect(await count(resource, field.key, "IN", [v]), `${label}: IN [v] is = v`).toBe(eq);
  if (has("NIN") && has("!="))
    expect(await count(resource, field.key, "NIN", [v]), `${label}: NIN [v] is != v`).toBe(
      await count(resource, field.key, "!=", v),
    );
  if (has("~")) {
    const contains = await count(resource, field.key, "~", String(v));
    expect(contains + (await count(resource, field.key, "!~", String(v))), `${label}: ~ and !~ split everything`).toBe(
      TOTAL[resource],
    );
    expect(await count(resource, field.key, "^", String(v)), `${label}: ^ is within ~`).toBeLessThanOrEqual(contains);
    expect(await count(resource, field.key, "$", String(v)), `${label}: $ is within ~`).toBeLessThanOrEqual(contains);
    expect(contains, `${label}: a value contains itself`).toBeGreaterThanOrEqual(field.key === "source.body" ? 0 : eq);
  }
  if (has(">") && has("!=")) {
    const notNull = await count(resource, field.key, "!=", null);
    const gt = await count(resource, field.key, ">", v);
    const lt = await count(resource, field.key, "<", v);
    // Tickets and conversations: > and < include the value; contacts: both strict.
    expect(gt + lt, `${label}: > and < cover every value`).toBe(resource === "contacts" ? notNull - eq : notNull + eq);
    if (has(">=")) {
      expect(await count(resource, field.key, ">=", v), `${label}: >=`).toBe(resource === "contacts" ? gt + eq : gt);
      expect(await count(resource, field.key, "<=", v), `${label}: <=`).toBe(resource === "contacts" ? lt + eq : lt);
    }
  }
}

describe("the documented operator rules, written out by hand", () => {
  const cases: [Resource, string, Operator, unknown, boolean][] = [
    ["tickets", "created_at", ">=", NOW - 86_400, true],
    ["tickets", "created_at", "<=", NOW, true],
    ["tickets", "updated_at", ">=", NOW, false],
    ["tickets", "open", ">", true, false],
    ["tickets", "default_title", ">", "a", false],
    ["tickets", "snoozed_until", "~", "1", false],
    ["tickets", "state", "^", "in_", true],
    ["conversations", "statistics.count_reopens", ">=", 1, false],
    ["conversations", "statistics.count_reopens", "~", "1", false],
    ["conversations", "read", "!=", true, true],
    ["conversations", "waiting_since", "NIN", [NOW], true],
    ["contacts", "created_at", "!=", NOW, false],
    ["contacts", "created_at", ">=", NOW, false],
    ["contacts", "created_at", "<=", NOW, false],
    ["contacts", "created_at", "IN", [NOW], false],
    ["contacts", "created_at", ">", NOW, true],
    ["contacts", "custom_attributes.health_score", ">=", 50, true],
    ["contacts", "custom_attributes.health_score", "<=", 50, true],
    ["contacts", "custom_attributes.renewal_date", "!=", NOW, false],
    ["contacts", "tag_id", "IN", ["1"], false],
    ["contacts", "tag_id", "NIN", ["1"], false],
    ["contacts", "tag_id", "!=", "1", true],
    ["contacts", "email", "$", ".example", true],
    ["contacts", "has_hard_bounced", "<", true, false],
  ];

  it.each(cases)("%s %s %s → accepted: %s", async (resource, field, operator, value, accepted) => {
    const res = await api("POST", `/${resource}/search`, { query: { field, operator, value } });
    if (accepted) expect(res.status, JSON.stringify(res.body).slice(0, 300)).toBe(200);
    else expectError(res, 400, "parameter_invalid");
  });
});
