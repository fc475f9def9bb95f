/**
 * The one CSV writer every export uses: cells a spreadsheet would split are quoted, whatever
 * the locale's separator, and text a spreadsheet would run as a formula is neutralised,
 * while plain numbers and phone numbers stay as they are.
 */
import { describe, expect, it } from "vitest";
import { csvField, csvRow, parseCsv } from "@/lib/csv";

const FORMULA_START = /^[=+\-@\t\r]/;

describe("CSV quoting", () => {
  it("leaves plain cells bare and writes empty cells for null and undefined", () => {
    expect(csvRow(["plain", 42, true, null, undefined])).toBe("plain,42,true,,\r\n");
    expect(csvField("Ana María")).toBe("Ana María");
  });

  it.each([
    ["a comma", "Ana, María", '"Ana, María"'],
    ["a semicolon", "VIP; Beta", '"VIP; Beta"'],
    ["a quote", 'say "hi"', '"say ""hi"""'],
    ["a tab", "one\ttwo", '"one\ttwo"'],
    ["a carriage return", "one\rtwo", '"one\rtwo"'],
    ["a line feed", "one\ntwo", '"one\ntwo"'],
  ])("quotes a cell holding %s", (_, value, written) => {
    expect(csvField(value)).toBe(written);
  });

  it("quotes a formula hidden after a semicolon, so it stays one text cell", () => {
    expect(csvField("Refund;=1+1")).toBe('"Refund;=1+1"');
    expect(parseCsv(csvRow(["Refund;=1+1", "x"]), ";")).toEqual([["Refund;=1+1,x"]]);
  });
});

describe("CSV formulas", () => {
  it.each([
    ["=HYPERLINK(1)", "'=HYPERLINK(1)"],
    ["+cmd", "'+cmd"],
    ["-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\t=1+1", '"\'\t=1+1"'],
    ["\r=1+1", '"\'\r=1+1"'],
    ['=IMPORTXML("http://x", "//a")', `"'=IMPORTXML(""http://x"", ""//a"")"`],
    ["-1-1", "'-1-1"],
    ["+1+1", "'+1+1"],
  ])("neutralises the text cell %j", (value, written) => {
    expect(csvField(value)).toBe(written);
  });

  it.each(["-12.5", "+3", "-5", "-0.25", "+1e3", "-.5"])("leaves the plain number %j as it is", (value) => {
    expect(csvField(value)).toBe(value);
  });

  it.each([
    "+1 555 0100",
    "(020) 7946-0958",
    "+44 (0)20 7946 0958",
    "+1-555-010-0199",
    "+33.1.23.45.67.89",
    "-555 0100 22",
  ])("leaves the phone number %j as it is", (value) => {
    expect(csvField(value)).toBe(value);
  });

  it.each(["+1 5", "+(1)", "- 1", "+1 555 0100 =cmd", "+1 555 0100;=1", "+1555A0100"])(
    "still neutralises %j, which is not a phone number",
    (value) => {
      expect(csvField(value).replace(/^"/, "")).toMatch(/^'/);
    },
  );

  it("writes numbers as numbers, whatever their sign", () => {
    expect(csvRow([-5, -12.5, 0, 3])).toBe("-5,-12.5,0,3\r\n");
  });
});

describe("CSV read by a spreadsheet", () => {
  const hostile = [
    "Refund;=1+1",
    "=1+1",
    "a;+b",
    "x;@SUM(A1)",
    "ok,-2+3",
    "tab;\t=1",
    'q";=1',
    "line\n=2",
    "semi;;=3",
    "-12.5",
    "+1 555 0100",
    "(020) 7946-0958",
    "plain",
    "",
  ];
  const written = csvRow(hostile) + csvRow(["id", "note"]) + csvRow([1, "=2+2;-1"]);

  it.each([",", ";", "\t"])("splitting on %j outside quotes, no cell starts a formula", (separator) => {
    for (const row of parseCsv(written, separator))
      for (const cell of row) {
        const isNumberOrPhone = /^[+-]?[\d.]+$/.test(cell) || /^[+(]?[\d ()+.-]+$/.test(cell);
        if (!isNumberOrPhone) expect(cell, JSON.stringify(row)).not.toMatch(FORMULA_START);
      }
  });

  it("keeps every cell, one for one, in a comma locale and in a semicolon locale", () => {
    const commas = parseCsv(written);
    expect(commas[0]).toHaveLength(hostile.length);
    // A semicolon locale sees each line as cells split only where a comma-free, quote-free
    // separator sits outside quotes: every semicolon here is inside a quoted cell.
    const semicolons = parseCsv(written, ";");
    expect(semicolons.map((row) => row.length)).toEqual([1, 1, 1]);
  });

  it("reads back what it writes, the apostrophe aside", () => {
    const rows = [
      ["id", "name", "note"],
      ["1", "Ana, María", 'She said "no"\nthen yes'],
      ["2", "", "x;y"],
    ];
    expect(parseCsv(rows.map((r) => csvRow(r)).join(""))).toEqual(rows);
    expect(parseCsv(csvRow(["=1+1", "-12.5"]))).toEqual([["'=1+1", "-12.5"]]);
  });
});
