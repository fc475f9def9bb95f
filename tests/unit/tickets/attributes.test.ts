/** attributeValueError, listLabel and displayValue for each data type. */
import { describe, expect, it } from "vitest";
import {
  attributeLabel,
  attributeValueError,
  displayValue,
  isEmptyValue,
  listLabel,
  scalarValue,
  type AttrValue,
} from "@/lib/tickets";
import { BILLING, BUG, attr, item } from "./fixtures";

const severity = attr(BILLING, "Severity");

describe("attributeValueError", () => {
  const cases: [string, ReturnType<typeof attr>, AttrValue | undefined, string | null][] = [
    ["string: text", attr(BUG, "Browser"), "Chrome 126", null],
    ["string: empty text when optional", attr(BUG, "Browser"), "", null],
    ["string: a number", attr(BUG, "Browser"), 126, "Browser must be text"],
    ["string: a boolean", attr(BUG, "Browser"), true, "Browser must be text"],
    ["list: a live item id", severity, item(BILLING, "Severity", "High"), null],
    [
      "list: an archived item id",
      severity,
      item(BILLING, "Severity", "Critical"),
      "“Critical” is no longer a Severity option",
    ],
    [
      "list: another type's item id",
      severity,
      item(BUG, "Severity", "High"),
      "That is not one of the Severity options",
    ],
    ["list: the label instead of the id", severity, "High", "That is not one of the Severity options"],
    ["list: a number", severity, 2, "Pick one of the Severity options"],
    ["integer: a whole number", attr(BUG, "Affected users"), 42, null],
    ["integer: zero and negatives", attr(BUG, "Affected users"), -3, null],
    ["integer: a fraction", attr(BUG, "Affected users"), 4.2, "Affected users must be a whole number"],
    ["integer: digits as text", attr(BUG, "Affected users"), "42", "Affected users must be a whole number"],
    ["integer: NaN", attr(BUG, "Affected users"), Number.NaN, "Affected users must be a whole number"],
    ["decimal: a fraction", attr(BILLING, "Amount"), 120.5, null],
    ["decimal: a whole number", attr(BILLING, "Amount"), 120, null],
    ["decimal: infinity", attr(BILLING, "Amount"), Number.POSITIVE_INFINITY, "Amount must be a number"],
    ["decimal: text", attr(BILLING, "Amount"), "120.50", "Amount must be a number"],
    ["boolean: false", attr(BUG, "Regression"), false, null],
    ["boolean: text", attr(BUG, "Regression"), "true", "Regression must be Yes or No"],
    ["boolean: 1", attr(BUG, "Regression"), 1, "Regression must be Yes or No"],
    ["datetime: Unix seconds", attr(BUG, "First seen"), 1_700_000_000, null],
    ["datetime: the epoch", attr(BUG, "First seen"), 0, null],
    ["datetime: before 1970", attr(BUG, "First seen"), -1, "First seen must be a date"],
    ["datetime: a fraction", attr(BUG, "First seen"), 1_700_000_000.5, "First seen must be a date"],
    ["datetime: an ISO string", attr(BUG, "First seen"), "2026-01-01", "First seen must be a date"],
    ["files: anything", attr(BUG, "Screenshots"), "shot.png", "Screenshots holds files, which the API cannot set"],
    ["files: null clears", attr(BUG, "Screenshots"), null, null],
    ["optional: null clears", attr(BUG, "Affected users"), null, null],
    ["optional: not given", attr(BUG, "Affected users"), undefined, null],
    ["optional list: empty text is not an item", severity, "", "That is not one of the Severity options"],
  ];
  it.each(cases)("%s", (_name, attribute, value, expected) => {
    expect(attributeValueError(attribute, value)).toBe(expected);
  });

  const required: [string, ReturnType<typeof attr>, AttrValue | undefined, string | null][] = [
    ["not given", attr(BUG, "Severity"), undefined, "Severity needs a value"],
    ["null", attr(BUG, "Severity"), null, "Severity needs a value"],
    ["empty text", attr(BILLING, "Invoice number"), "", "Invoice number needs a value"],
    ["blank text", attr(BILLING, "Invoice number"), "   ", "Invoice number needs a value"],
    ["the title, by its label", attr(BUG, "_default_title_"), null, "Title needs a value"],
    ["a value", attr(BILLING, "Invoice number"), "INV-1", null],
    ["a wrong value still says what is wrong", attr(BILLING, "Invoice number"), 7, "Invoice number must be text"],
  ];
  it.each(required)("required: %s", (_name, attribute, value, expected) => {
    expect(attributeValueError(attribute, value, { required: true })).toBe(expected);
  });
});

describe("value helpers", () => {
  it("listLabel finds live and archived items, and nothing else", () => {
    expect(listLabel(severity, item(BILLING, "Severity", "Medium"))).toBe("Medium");
    expect(listLabel(severity, item(BILLING, "Severity", "Critical"))).toBe("Critical");
    expect(listLabel(severity, "nope")).toBeNull();
    expect(listLabel(severity, null)).toBeNull();
    expect(listLabel(attr(BUG, "Browser"), "Chrome")).toBeNull();
  });

  it("attributeLabel names the built-in fields", () => {
    expect(attributeLabel(attr(BUG, "_default_title_"))).toBe("Title");
    expect(attributeLabel(attr(BUG, "_default_description_"))).toBe("Description");
    expect(attributeLabel(attr(BUG, "Severity"))).toBe("Severity");
  });

  it("isEmptyValue and scalarValue", () => {
    expect([undefined, null, "", "  "].map(isEmptyValue)).toEqual([true, true, true, true]);
    expect([0, false, "x"].map(isEmptyValue)).toEqual([false, false, false]);
    expect(scalarValue([{ type: "file" }])).toBeUndefined();
    expect(scalarValue({ id: 1 })).toBeUndefined();
    expect([scalarValue("a"), scalarValue(1), scalarValue(false), scalarValue(null)]).toEqual(["a", 1, false, null]);
  });
});

describe("displayValue", () => {
  const cases: [string, ReturnType<typeof attr>, AttrValue, string][] = [
    ["a list item's label", severity, item(BILLING, "Severity", "High"), "High"],
    ["an archived list item's label", severity, item(BILLING, "Severity", "Critical"), "Critical"],
    ["an unknown list id as it is", severity, "gone", "gone"],
    ["true", attr(BUG, "Regression"), true, "Yes"],
    ["false", attr(BUG, "Regression"), false, "No"],
    ["a date and time in UTC", attr(BUG, "First seen"), 1_700_000_000, "14 Nov 2023, 22:13"],
    ["text", attr(BUG, "Browser"), "Chrome 126", "Chrome 126"],
    ["an integer", attr(BUG, "Affected users"), 42, "42"],
    ["a decimal", attr(BILLING, "Amount"), 120.5, "120.5"],
    ["null", attr(BUG, "Affected users"), null, "—"],
    ["empty text", attr(BUG, "Browser"), "", "—"],
  ];
  it.each(cases)("%s", (_name, attribute, value, expected) => {
    expect(displayValue(attribute, value, "UTC")).toBe(expected);
  });

  it("shows a date in the workspace's timezone", () => {
    // 23:30 UTC on 14 Nov is already 15 Nov in Sydney and still 14 Nov in New York.
    const late = Date.UTC(2023, 10, 14, 23, 30) / 1000;
    expect(displayValue(attr(BUG, "First seen"), late, "Australia/Sydney")).toMatch(/^15 Nov 2023, 10:30$/);
    expect(displayValue(attr(BUG, "First seen"), late, "America/New_York")).toMatch(/^14 Nov 2023, 18:30$/);
  });
});
