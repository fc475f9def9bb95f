import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCatalogue, CUSTOM_ATTRIBUTES_TOPIC, TICKET_ATTRIBUTES_TOPIC } from "@/lib/search/catalogue";
import { RESOURCES, STATIC_FIELDS, operatorsFor } from "@/lib/search/fields";
import { CATALOGUES, DATA_ATTRIBUTES, TICKET_TYPES } from "./fixtures";
import { sandboxWorkspace, type SandboxWorkspace } from "./sandbox-catalogue";

describe("static fields", () => {
  it.each(RESOURCES)(
    "%s: every static field of fields.ts is in the catalogue, with the operators operatorsFor gives",
    (resource) => {
      const catalogue = buildCatalogue(resource, {});
      expect(catalogue.fields.map((f) => f.key).sort()).toEqual(STATIC_FIELDS[resource].map((f) => f.key).sort());
      for (const def of STATIC_FIELDS[resource]) {
        const field = catalogue.get(def.key)!;
        expect(field).toMatchObject({ key: def.key, label: def.label, type: def.type, topic: def.topic });
        expect(field.operators).toEqual(operatorsFor(resource, def));
        expect(field.dynamic).toBeUndefined();
      }
    },
  );

  it("builds without a source at all", () => {
    expect(buildCatalogue("tickets").get("open")?.type).toBe("boolean");
  });

  it("groups fields by topic, topics in order of first appearance", () => {
    const catalogue = CATALOGUES.contacts;
    // fields.ts lists Device, then Location, then Device again: the catalogue regroups them.
    expect(catalogue.topics).toEqual([
      "Profile",
      "Segments and tags",
      "Activity",
      "Email",
      "Device",
      "Location",
      CUSTOM_ATTRIBUTES_TOPIC,
    ]);
    const topicsInFieldOrder = catalogue.fields.map((f) => f.topic).filter((t, i, all) => all[i - 1] !== t);
    expect(topicsInFieldOrder).toEqual(catalogue.topics);
    expect(CATALOGUES.conversations.topics[0]).toBe("Conversation");
    expect(CATALOGUES.tickets.topics.at(-1)).toBe(TICKET_ATTRIBUTES_TOPIC);
  });

  it.each(RESOURCES)("%s: every field has at least one operator and a unique key", (resource) => {
    const catalogue = CATALOGUES[resource];
    expect(new Set(catalogue.fields.map((f) => f.key)).size).toBe(catalogue.fields.length);
    for (const field of catalogue.fields) expect(field.operators!.length, field.key).toBeGreaterThan(0);
  });
});

describe("ticket attributes", () => {
  const tickets = CATALOGUES.tickets;
  const dynamic = tickets.fields.filter((f) => f.dynamic === "ticket_attribute");

  it("adds one field per searchable, non-default, non-archived attribute, labelled 'Type · Attribute'", () => {
    expect(dynamic.map((f) => [f.key, f.label, f.type])).toEqual([
      ["ticket_attribute.9101", "Bug report · Severity", "string"],
      ["ticket_attribute.9102", "Bug report · Browser", "string"],
      ["ticket_attribute.9103", "Bug report · Affected users", "integer"],
      ["ticket_attribute.9104", "Bug report · Regression", "boolean"],
      ["ticket_attribute.9105", "Bug report · First seen", "date"],
      ["ticket_attribute.9106", "Bug report · Estimate", "float"],
      ["ticket_attribute.9301", "Refund approval · Amount", "float"],
      ["ticket_attribute.9302", "Refund approval · Deadline", "date"],
      // Archived types come last.
      ["ticket_attribute.9201", "Legacy complaint · Channel (archived type)", "string"],
    ]);
    for (const f of dynamic) expect(f.topic).toBe(TICKET_ATTRIBUTES_TOPIC);
  });

  it("skips _default_title_/_default_description_, files and archived attributes", () => {
    const names = TICKET_TYPES.flatMap((t) =>
      t.ticket_type_attributes.filter((a) => a.default || a.data_type === "files" || a.archived).map((a) => a.id),
    );
    expect(names.length).toBeGreaterThan(6);
    for (const id of names) expect(tickets.get(`ticket_attribute.${id}`), id).toBeUndefined();
  });

  it("offers a list attribute's live items as enum options, valued by item id", () => {
    expect(tickets.get("ticket_attribute.9101")?.source).toEqual({
      enum: [
        { value: "sev-low", label: "Low" },
        { value: "sev-high", label: "High" },
      ],
    });
    expect(tickets.get("ticket_attribute.9102")?.source).toBeUndefined();
  });

  it("flags archived types and names the type", () => {
    expect(tickets.get("ticket_attribute.9201")).toMatchObject({ archived: true, ticketTypeName: "Legacy complaint" });
    expect(tickets.get("ticket_attribute.9101")).toMatchObject({ ticketTypeName: "Bug report" });
    expect(tickets.get("ticket_attribute.9101")?.archived).toBeUndefined();
  });

  it("takes its operators from operatorsFor by type", () => {
    for (const f of dynamic) expect(f.operators).toEqual(operatorsFor("tickets", { type: f.type }));
  });

  it("has no custom attributes on tickets and no ticket attributes elsewhere", () => {
    expect(tickets.fields.some((f) => f.dynamic === "custom_attribute")).toBe(false);
    expect(CATALOGUES.conversations.fields.some((f) => f.dynamic === "ticket_attribute")).toBe(false);
    expect(CATALOGUES.contacts.fields.some((f) => f.dynamic === "ticket_attribute")).toBe(false);
  });
});

describe("custom attributes", () => {
  it("adds the contact model's custom attributes to contacts, labelled with their label", () => {
    const fields = CATALOGUES.contacts.fields.filter((f) => f.dynamic === "custom_attribute");
    expect(fields.map((f) => [f.key, f.label, f.type])).toEqual([
      ["custom_attributes.plan", "Plan", "string"],
      ["custom_attributes.health_score", "Health score", "integer"],
      ["custom_attributes.mrr", "MRR", "float"],
      ["custom_attributes.beta_tester", "Beta tester", "boolean"],
      ["custom_attributes.renewal_date", "Renewal date", "date"],
      ["custom_attributes.old_score", "Old score (archived)", "integer"],
    ]);
    for (const f of fields) {
      expect(f.topic).toBe(CUSTOM_ATTRIBUTES_TOPIC);
      expect(f.operators).toEqual(operatorsFor("contacts", { type: f.type }));
    }
    expect(CATALOGUES.contacts.get("custom_attributes.old_score")?.archived).toBe(true);
  });

  it("adds the conversation model's custom attributes to conversations only", () => {
    const keys = CATALOGUES.conversations.fields.filter((f) => f.dynamic === "custom_attribute").map((f) => f.key);
    expect(keys).toEqual([
      "custom_attributes.issue_type",
      "custom_attributes.order_value",
      "custom_attributes.refund_amount",
      "custom_attributes.escalated",
      "custom_attributes.follow_up_date",
    ]);
    expect(CATALOGUES.contacts.get("custom_attributes.issue_type")).toBeUndefined();
    // Company attributes and built-in (non-custom) attributes are not custom_attributes.* fields.
    expect(CATALOGUES.contacts.get("custom_attributes.industry")).toBeUndefined();
    expect(CATALOGUES.contacts.get("custom_attributes.email")).toBeUndefined();
  });

  it("turns options into an enum source", () => {
    expect(CATALOGUES.contacts.get("custom_attributes.plan")?.source).toEqual({
      enum: [
        { value: "Free", label: "Free" },
        { value: "Growth", label: "Growth" },
        { value: "Enterprise", label: "Enterprise" },
      ],
    });
    expect(CATALOGUES.contacts.get("custom_attributes.health_score")?.source).toBeUndefined();
  });

  it("skips data types it cannot search", () => {
    const odd = { ...DATA_ATTRIBUTES[1], name: "blob", data_type: "json" };
    expect(buildCatalogue("contacts", { dataAttributes: [odd] }).get("custom_attributes.blob")).toBeUndefined();
  });
});

describe("from the real sandbox's /ticket_types and /data_attributes", () => {
  let ws: SandboxWorkspace;
  beforeAll(async () => {
    ws = await sandboxWorkspace();
  });
  afterAll(() => ws.sb.stop());

  it("has a field per searchable custom attribute of every live and archived ticket type", () => {
    const tickets = ws.catalogues.tickets;
    let expected = 0;
    for (const type of ws.ticketTypes) {
      for (const a of type.ticket_type_attributes) {
        if (a.default || a.archived || a.data_type === "files") continue;
        expected++;
        const field = tickets.get(`ticket_attribute.${a.id}`)!;
        expect(field.label).toBe(`${type.name} · ${a.name}${type.archived ? " (archived type)" : ""}`);
        expect(field.archived ?? false).toBe(type.archived);
        if (a.data_type === "list")
          expect((field.source as { enum: unknown[] }).enum).toHaveLength(a.input_options!.list_options!.length);
      }
    }
    expect(tickets.fields.filter((f) => f.dynamic)).toHaveLength(expected);
    expect(tickets.get("ticket_attribute.1000503")?.label).toBe("Bug report · Severity");
    expect(tickets.fields.some((f) => f.archived)).toBe(true);
  });

  it("has the workspace's contact and conversation custom attributes", () => {
    expect(ws.catalogues.contacts.get("custom_attributes.plan")).toMatchObject({
      label: "Plan",
      type: "string",
      dynamic: "custom_attribute",
    });
    expect(ws.catalogues.contacts.get("custom_attributes.mrr")?.type).toBe("float");
    expect(ws.catalogues.conversations.get("custom_attributes.issue_type")?.source).toMatchObject({
      enum: expect.arrayContaining([{ value: "Bug", label: "Bug" }]),
    });
    expect(ws.catalogues.conversations.get("custom_attributes.follow_up_date")?.type).toBe("date");
  });
});

describe("per Intercom version", () => {
  const source = { ticketTypes: TICKET_TYPES, dataAttributes: DATA_ATTRIBUTES };
  const priorityValues = (version: "2.14" | "2.15" | "2.16" | "Preview") => {
    const field = buildCatalogue("conversations", { ...source, version }).get("priority")!;
    return typeof field.source === "object" ? field.source.enum.map((o) => o.value) : [];
  };

  it("searches conversation priority by the flag before 2.16 and by level from 2.16", () => {
    expect(priorityValues("2.14")).toEqual(["priority", "not_priority"]);
    expect(priorityValues("2.15")).toEqual(["priority", "not_priority"]);
    for (const v of ["2.16", "Preview"] as const)
      expect(priorityValues(v)).toEqual(["urgent", "high", "medium", "low", "none", "priority"]);
  });

  it("says why conversation custom attributes are missing where the version cannot list them", () => {
    expect(buildCatalogue("conversations", { ...source, version: "2.15" }).missing).toEqual([]);
    expect(buildCatalogue("conversations", { ...source, version: "2.16" }).missing).toEqual([
      "Conversation attributes can't be listed with Intercom API 2.16",
    ]);
    expect(buildCatalogue("contacts", { ...source, version: "2.16" }).missing).toEqual([]);
    expect(buildCatalogue("tickets", { ...source, version: "Preview" }).get("priority")).toBeUndefined();
  });
});
