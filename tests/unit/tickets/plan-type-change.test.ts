/** planTypeChange, the changes that go through: what carries, what is lost, what the lead must fill, which state, the request. */
import { describe, expect, it } from "vitest";
import { planTypeChange } from "@/lib/tickets";
import {
  BILLING,
  BUG,
  FEATURE,
  FEEDBACK,
  INCIDENT,
  LEGACY,
  REFUND,
  REVIEW,
  TYPES,
  bugValues,
  item,
  stateId,
} from "./fixtures";
import {
  BILLING_CARRIED,
  BUG_TO_BILLING_LOST,
  BUG_TO_FEATURE_LOST,
  TITLES,
  checkPlanCase,
  type PlanCase,
} from "./plan-case";

const cases: PlanCase[] = [
  {
    name: "carries same name and type, list by label; drops the rest; a required attribute needs a value",
    from: BUG,
    values: bugValues("Medium"),
    to: BILLING,
    carried: BILLING_CARRIED,
    needs: ["Invoice number"],
    dropped: BUG_TO_BILLING_LOST,
    errors: { "Invoice number": /Invoice number needs a value/ },
  },
  {
    name: "an override satisfies the required attribute; the request holds only the override",
    from: BUG,
    values: bugValues("Medium"),
    to: BILLING,
    overrides: { "Invoice number": "INV-12345", Browser: undefined },
    carried: BILLING_CARRIED,
    overridden: { "Invoice number": "INV-12345" },
    dropped: BUG_TO_BILLING_LOST,
    request: { ticket_state_id: "401", ticket_attributes: { "Invoice number": "INV-12345" } },
  },
  {
    name: "a list value whose label the new list only has archived is dropped",
    from: BUG,
    values: bugValues("Critical"),
    to: BILLING,
    overrides: { "Invoice number": "INV-1" },
    carried: { ...TITLES, "Affected users": 42 },
    overridden: { "Invoice number": "INV-1" },
    dropped: { ...BUG_TO_BILLING_LOST, Severity: "no_matching_list_item" },
    request: { ticket_state_id: "401", ticket_attributes: { "Invoice number": "INV-1" } },
  },
  {
    name: "same name, different data type: dropped (Browser string → list, Regression boolean → string)",
    from: BUG,
    values: bugValues(),
    to: FEATURE,
    overrides: { "Product area": item(FEATURE, "Product area", "Reporting") },
    carried: TITLES,
    overridden: { "Product area": item(FEATURE, "Product area", "Reporting") },
    dropped: BUG_TO_FEATURE_LOST,
    request: {
      ticket_state_id: "401",
      ticket_attributes: { "Product area": item(FEATURE, "Product area", "Reporting") },
    },
  },
  {
    name: "a new value for a dropped attribute of another type is an override; the old value is still reported lost",
    from: BUG,
    values: bugValues(),
    to: FEATURE,
    overrides: {
      "Product area": item(FEATURE, "Product area", "API"),
      Browser: item(FEATURE, "Browser", "Chrome"),
      Regression: "since 4.2",
    },
    carried: TITLES,
    overridden: {
      "Product area": item(FEATURE, "Product area", "API"),
      Browser: item(FEATURE, "Browser", "Chrome"),
      Regression: "since 4.2",
    },
    dropped: BUG_TO_FEATURE_LOST,
  },
  {
    name: "valid overrides of every settable data type, one replacing a carried value",
    from: BUG,
    values: bugValues(),
    to: BILLING,
    overrides: {
      "Invoice number": "INV-2",
      Severity: item(BILLING, "Severity", "High"),
      Amount: 120.5,
      "Refund requested": false,
      "Due date": 1_800_000_000,
      "Affected users": 7,
    },
    carried: TITLES,
    overridden: {
      "Invoice number": "INV-2",
      Severity: item(BILLING, "Severity", "High"),
      Amount: 120.5,
      "Refund requested": false,
      "Due date": 1_800_000_000,
      "Affected users": 7,
    },
    dropped: BUG_TO_BILLING_LOST,
  },
  {
    name: "an archived attribute of the old type still carries (Intercom keeps its value)",
    from: BILLING,
    values: { ...TITLES, "Invoice number": "INV-6", Browser: "Safari 17", Severity: item(BILLING, "Severity", "High") },
    to: BUG,
    carried: { ...TITLES, Browser: "Safari 17", Severity: item(BUG, "Severity", "High") },
    dropped: { "Invoice number": "not_on_new_type" },
    request: { ticket_state_id: "401" },
  },
  {
    name: "an empty carried value does not satisfy a required attribute",
    from: BILLING,
    values: { ...TITLES, "Invoice number": "INV-7", Severity: null, "Affected users": 3 },
    to: BUG,
    carried: { ...TITLES, "Affected users": 3 },
    needs: ["Severity"],
    dropped: { "Invoice number": "not_on_new_type" },
    errors: { Severity: /Severity needs a value/ },
  },
  {
    name: "from an archived type: list values still move by label",
    from: LEGACY,
    values: { ...TITLES, Severity: item(LEGACY, "Severity", "High"), "Response hours": 4 },
    to: BUG,
    carried: { ...TITLES, Severity: item(BUG, "Severity", "High") },
    dropped: { "Response hours": "not_on_new_type" },
    request: { ticket_state_id: "401" },
  },
  {
    name: "the default state is the first of the same category in the new type's order",
    from: BUG,
    state: "in_progress",
    values: bugValues(),
    to: BILLING,
    overrides: { "Invoice number": "INV-8" },
    carried: BILLING_CARRIED,
    overridden: { "Invoice number": "INV-8" },
    dropped: BUG_TO_BILLING_LOST,
    request: { ticket_state_id: stateId(BILLING, "In progress"), ticket_attributes: { "Invoice number": "INV-8" } },
  },
  {
    name: "no state of the same category: the lead must choose",
    from: REVIEW,
    state: "waiting_on_customer",
    values: {
      ...TITLES,
      "Account tier": item(REVIEW, "Account tier", "SMB"),
      Seats: 14,
      Approved: true,
      Deadline: 1_800_000_000,
      Amount: 120,
    },
    to: REFUND,
    overrides: { Amount: 120.5 },
    carried: { ...TITLES, Seats: 14, Approved: true, Deadline: 1_800_000_000 },
    overridden: { Amount: 120.5 },
    dropped: { "Account tier": "not_on_new_type", Amount: "different_data_type" },
    errors: { ticket_state_id: /Refund approval has no Waiting on customer state/ },
  },
  {
    name: "…and once chosen, the change is valid",
    from: REVIEW,
    state: "waiting_on_customer",
    values: { ...TITLES, "Account tier": item(REVIEW, "Account tier", "SMB"), Amount: 120 },
    to: REFUND,
    stateId: stateId(REFUND, "Under review"),
    overrides: { Amount: 120.5 },
    carried: TITLES,
    overridden: { Amount: 120.5 },
    dropped: { "Account tier": "not_on_new_type", Amount: "different_data_type" },
    request: { ticket_state_id: stateId(REFUND, "Under review"), ticket_attributes: { Amount: 120.5 } },
  },
  {
    name: "an empty state id means not chosen, and takes the default",
    from: INCIDENT,
    values: { ...TITLES, Severity: item(INCIDENT, "Severity", "SEV1"), Component: "Exports" },
    to: FEEDBACK,
    stateId: "",
    carried: TITLES,
    dropped: { Severity: "not_on_new_type", Component: "not_on_new_type" },
    request: { ticket_state_id: "411" },
  },
  {
    name: "Back-office: integer Amount does not take a decimal Amount",
    from: REFUND,
    values: {
      ...TITLES,
      Amount: 120.5,
      "Invoice number": "INV-10",
      Approved: true,
      Seats: 14,
      "Priority level": item(REFUND, "Priority level", "P1"),
    },
    to: REVIEW,
    overrides: { "Account tier": item(REVIEW, "Account tier", "Enterprise") },
    carried: { ...TITLES, Approved: true, Seats: 14 },
    overridden: { "Account tier": item(REVIEW, "Account tier", "Enterprise") },
    dropped: {
      Amount: "different_data_type",
      "Invoice number": "not_on_new_type",
      "Priority level": "not_on_new_type",
    },
    request: {
      ticket_state_id: "401",
      ticket_attributes: { "Account tier": item(REVIEW, "Account tier", "Enterprise") },
    },
  },
];

describe("planTypeChange: carrying over", () => {
  it.each(cases)("$name", checkPlanCase);

  it("has a case for every reason to drop", () => {
    const reasons = new Set(cases.flatMap((c) => Object.values(c.dropped ?? {})));
    expect([...reasons].sort()).toEqual(["different_data_type", "no_matching_list_item", "not_on_new_type"]);
  });

  it("records what an override replaces", () => {
    const plan = planTypeChange(
      { typeId: BUG.id, stateCategory: "submitted", attributes: bugValues() },
      TYPES,
      BILLING.id,
      null,
      {
        "Invoice number": "INV-1",
        "Affected users": 7,
      },
    );
    expect(plan.attributes.find((o) => o.attribute.name === "Affected users")).toMatchObject({
      kind: "override",
      value: 7,
      carried: 42,
    });
    expect(plan.attributes.find((o) => o.attribute.name === "Invoice number")).toMatchObject({
      kind: "override",
      value: "INV-1",
      carried: undefined,
    });
    const carried = plan.attributes.find((o) => o.attribute.name === "Severity");
    expect(carried).toMatchObject({ kind: "carried", from: { name: "Severity", ticket_type_id: BUG.id } });
  });

  it("refuses a change when the ticket's current type is not among the types", () => {
    const plan = planTypeChange({ typeId: "1", stateCategory: "submitted", attributes: {} }, TYPES, BILLING.id, null, {
      "Invoice number": "INV-1",
    });
    // Nothing can carry from an unknown type, so the required title is missing too.
    expect(plan.errors).toEqual({
      ticket_type_id: "The ticket's current type is unknown",
      _default_title_: "Title needs a value",
    });
    expect(plan.request).toBeNull();
  });

  it("carries a files attribute as Intercom does, though its value cannot be shown", () => {
    const files = [{ type: "file", name: "shot.png", url: "https://example.com/shot.png" }];
    const plan = planTypeChange(
      { typeId: BUG.id, stateCategory: "submitted", attributes: { ...bugValues(), Screenshots: files } },
      TYPES,
      FEATURE.id,
      null,
      {
        "Product area": item(FEATURE, "Product area", "API"),
      },
    );
    expect(plan.attributes.find((o) => o.attribute.name === "Screenshots")).toMatchObject({
      kind: "carried",
      value: null,
    });
    expect(plan.errors).toEqual({});
  });
});
