/** convertChoices, convertDefaults and planConvert. */
import { describe, expect, it } from "vitest";
import { CUSTOMER_ONLY_REASON, convertChoices, convertDefaults, planConvert, type AttrValue } from "@/lib/tickets";
import { BILLING, BUG, FEATURE, INCIDENT, LEGACY, REFUND, TYPES, item } from "./fixtures";

describe("convertChoices", () => {
  it("offers live Customer types; other categories are disabled; archived types are hidden", () => {
    expect(convertChoices(TYPES).map((c) => [c.type.name, c.selectable, c.reason])).toEqual([
      ["Bug report", true, null],
      ["Billing question", true, null],
      ["Feature request", true, null],
      ["Refund approval", false, CUSTOMER_ONLY_REASON],
      ["Account review", false, CUSTOMER_ONLY_REASON],
      ["Engineering incident", false, CUSTOMER_ONLY_REASON],
      ["Product feedback", false, CUSTOMER_ONLY_REASON],
    ]);
    expect(CUSTOMER_ONLY_REASON).toBe("Only Customer ticket types can be created from a conversation");
  });
});

describe("convertDefaults", () => {
  const long = "The export button spins forever and nothing downloads. ".repeat(4);
  const cases: [string, Parameters<typeof convertDefaults>[0], string, string][] = [
    [
      "the conversation's title first",
      { title: "Export broken", subject: "Re: exports", bodyText: "Hi there" },
      "Export broken",
      "Hi there",
    ],
    ["else the subject", { title: null, subject: "Re: exports", bodyText: "Hi there" }, "Re: exports", "Hi there"],
    [
      "a blank title is no title",
      { title: "  ", subject: "Re: exports", bodyText: "Hi there" },
      "Re: exports",
      "Hi there",
    ],
    [
      "else the first message",
      { title: null, subject: "", bodyText: "  Hi there,\n\nexports fail.  " },
      "Hi there, exports fail.",
      "Hi there,\n\nexports fail.",
    ],
    ["cut at 120 characters", { title: null, subject: null, bodyText: long }, long.slice(0, 120), long.trim()],
    ["nothing at all", { title: null, subject: null, bodyText: "" }, "", ""],
  ];
  it.each(cases)("%s", (_name, conv, title, description) => {
    expect(convertDefaults(conv)).toEqual({ _default_title_: title, _default_description_: description });
  });
});

describe("planConvert", () => {
  const cases: [string, string, Record<string, AttrValue | undefined>, Record<string, RegExp>][] = [
    [
      "a Customer type with its required attributes",
      BUG.id,
      { Severity: item(BUG, "Severity", "High"), _default_title_: "Export broken" },
      {},
    ],
    ["title and description left to Intercom", BILLING.id, { "Invoice number": "INV-1" }, {}],
    [
      "every data type, valid",
      BILLING.id,
      {
        "Invoice number": "INV-1",
        Severity: item(BILLING, "Severity", "Low"),
        Amount: 9.99,
        "Refund requested": true,
        "Due date": 1_800_000_000,
        "Affected users": 1,
      },
      {},
    ],
    ["undefined means not given", BILLING.id, { "Invoice number": "INV-1", Nope: undefined, Amount: undefined }, {}],
    ["a missing required attribute", BUG.id, {}, { Severity: /Severity needs a value/ }],
    [
      "a title cleared",
      BUG.id,
      { Severity: item(BUG, "Severity", "Low"), _default_title_: "" },
      { _default_title_: /Title needs a value/ },
    ],
    ["a required attribute given null", FEATURE.id, { "Product area": null }, { "Product area": /needs a value/ }],
    [
      "an attribute the type lacks",
      BUG.id,
      { Severity: item(BUG, "Severity", "Low"), Nope: 1 },
      { Nope: /Bug report has no attribute “Nope”/ },
    ],
    [
      "an archived attribute",
      BILLING.id,
      { "Invoice number": "INV-1", Browser: "Chrome" },
      { Browser: /has no attribute “Browser”/ },
    ],
    [
      "wrong types",
      BILLING.id,
      {
        "Invoice number": 5,
        Severity: item(BUG, "Severity", "Low"),
        Amount: "5",
        "Refund requested": 0,
        "Due date": -5,
        "Affected users": 0.5,
      },
      {
        "Invoice number": /must be text/,
        Severity: /not one of/,
        Amount: /must be a number/,
        "Refund requested": /Yes or No/,
        "Due date": /must be a date/,
        "Affected users": /whole number/,
      },
    ],
    [
      "an archived list item",
      BILLING.id,
      { "Invoice number": "INV-1", Severity: item(BILLING, "Severity", "Critical") },
      { Severity: /no longer/ },
    ],
    ["a Back-office type", REFUND.id, { Amount: 5 }, { ticket_type_id: /Only Customer ticket types/ }],
    [
      "a Tracker type",
      INCIDENT.id,
      { Severity: item(INCIDENT, "Severity", "SEV1") },
      { ticket_type_id: /Only Customer ticket types/ },
    ],
    ["an archived type", LEGACY.id, {}, { ticket_type_id: /Legacy complaint is archived/ }],
    ["an unknown type", "999", { Severity: "x" }, { ticket_type_id: /no longer exists/ }],
    ["no type chosen", "", {}, { ticket_type_id: /Choose a ticket type/ }],
  ];
  it.each(cases)("%s", (_name, typeId, attributes, errors) => {
    const plan = planConvert(TYPES, typeId, attributes);
    expect(Object.keys(plan.errors).sort()).toEqual(Object.keys(errors).sort());
    for (const [key, pattern] of Object.entries(errors)) expect(plan.errors[key]).toMatch(pattern);
    if (Object.keys(errors).length > 0) expect(plan.request).toBeNull();
    else
      expect(plan.request).toEqual({
        ticket_type_id: typeId,
        attributes: Object.fromEntries(Object.entries(attributes).filter(([, v]) => v !== undefined)),
      });
  });
});
