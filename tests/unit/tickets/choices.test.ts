/** typeChoices and defaultStateFor. */
import { describe, expect, it } from "vitest";
import type { TicketType } from "@/lib/intercom/schemas";
import { defaultStateFor, typeChoices } from "@/lib/tickets";
import { BILLING, BUG, FEATURE, FEEDBACK, INCIDENT, LEGACY, REFUND, REVIEW, TYPES, stateId } from "./fixtures";

const summary = (choices: ReturnType<typeof typeChoices>) => choices.map((c) => [c.type.name, c.selectable, c.reason]);

describe("typeChoices", () => {
  it("offers the other live types of the ticket's category; the rest are disabled with a reason; archived types are hidden", () => {
    expect(summary(typeChoices(BUG.id, TYPES))).toEqual([
      ["Bug report", false, "Current type"],
      ["Billing question", true, null],
      ["Feature request", true, null],
      ["Refund approval", false, "Back-office type: a Customer ticket keeps its category"],
      ["Account review", false, "Back-office type: a Customer ticket keeps its category"],
      ["Engineering incident", false, "Tracker type: a Customer ticket keeps its category"],
      ["Product feedback", false, "Tracker type: a Customer ticket keeps its category"],
    ]);
  });

  it("works the same for Back-office and Tracker tickets", () => {
    const selectable = (id: string) =>
      typeChoices(id, TYPES)
        .filter((c) => c.selectable)
        .map((c) => c.type.name);
    expect(selectable(REFUND.id)).toEqual(["Account review"]);
    expect(selectable(REVIEW.id)).toEqual(["Refund approval"]);
    expect(selectable(INCIDENT.id)).toEqual(["Product feedback"]);
    expect(selectable(FEEDBACK.id)).toEqual(["Engineering incident"]);
  });

  it("keeps an archived current type in the list, so the lead sees where the ticket is", () => {
    const choices = typeChoices(LEGACY.id, TYPES);
    expect(choices.find((c) => c.type.id === LEGACY.id)).toMatchObject({
      type: { name: "Legacy complaint" },
      selectable: false,
      reason: "Current type",
    });
    expect(choices.filter((c) => c.selectable).map((c) => c.type.name)).toEqual([
      "Bug report",
      "Billing question",
      "Feature request",
    ]);
  });

  it("offers nothing when the current type is unknown", () => {
    const choices = typeChoices("999", TYPES);
    expect(choices.some((c) => c.selectable)).toBe(false);
    expect(choices.map((c) => c.type.name)).not.toContain("Legacy complaint");
    expect(new Set(choices.map((c) => c.reason))).toEqual(new Set(["The ticket's current type is unknown"]));
  });

  it("offers nothing when the category has no other live type", () => {
    const only: TicketType[] = [INCIDENT, { ...FEEDBACK, archived: true }, BILLING];
    expect(summary(typeChoices(INCIDENT.id, only))).toEqual([
      ["Engineering incident", false, "Current type"],
      ["Billing question", false, "Customer type: a Tracker ticket keeps its category"],
    ]);
  });
});

describe("defaultStateFor", () => {
  const cases: [string, Parameters<typeof defaultStateFor>[0]["category"], TicketType, string | null][] = [
    ["submitted → submitted", "submitted", BILLING, stateId(BILLING, "Submitted")],
    [
      "in progress → the first in-progress state in the type's order",
      "in_progress",
      BILLING,
      stateId(BILLING, "In progress"),
    ],
    ["in progress → a renamed in-progress state", "in_progress", BUG, stateId(BUG, "Investigating")],
    [
      "in progress → Planned comes after In progress on Feature request",
      "in_progress",
      FEATURE,
      stateId(FEATURE, "In progress"),
    ],
    ["waiting on customer → same", "waiting_on_customer", FEATURE, stateId(FEATURE, "Waiting on customer")],
    ["resolved → Approved, the first resolved state", "resolved", REFUND, stateId(REFUND, "Approved")],
    ["waiting on customer → none on Refund approval", "waiting_on_customer", REFUND, null],
    ["submitted → the Tracker's Open", "submitted", FEEDBACK, stateId(FEEDBACK, "Open")],
    ["waiting on customer → none on a Tracker", "waiting_on_customer", INCIDENT, null],
  ];
  it.each(cases)("%s", (_name, category, target, expected) => {
    expect(defaultStateFor({ category }, target)).toBe(expected);
  });
});
