import * as z from "zod/mini";
import { describe, expect, it } from "vitest";
import { viewInput, viewName, viewPatch } from "@/lib/views/schemas";

const parse = (name: unknown) => z.safeParse(viewName, name);

describe("a view's name", () => {
  it("drops bidi overrides, isolates, zero-width characters and the BOM, then trims", () => {
    expect(parse("\u202eTeam\u200b queue\u2066\ufeff").data).toBe("Team queue");
    expect(parse("  Escalations \u200f").data).toBe("Escalations");
    for (const c of [
      "\u200b",
      "\u200c",
      "\u200d",
      "\u200e",
      "\u200f",
      "\u202a",
      "\u202b",
      "\u202c",
      "\u202d",
      "\u202e",
      "\u2066",
      "\u2067",
      "\u2068",
      "\u2069",
      "\ufeff",
    ])
      expect(parse(`a${c}b`).data, c.codePointAt(0)!.toString(16)).toBe("ab");
  });

  it("is still required when only invisible characters were typed", () => {
    const r = parse("\u200b\u202e ");
    expect(r.success).toBe(false);
    expect(r.error?.issues[0].message).toBe("Give the view a name");
  });

  it("refuses control characters, NUL first of all, with a message for the field", () => {
    for (const name of ["a\u0000b", "bell\u0007", "tab\there", "line\nbreak", "del\u007f", "c1\u0085"]) {
      const r = parse(name);
      expect(r.success, JSON.stringify(name)).toBe(false);
      expect(r.error?.issues[0].message).toMatch(/control characters/);
    }
  });

  it("keeps letters of every script, emoji and punctuation", () => {
    for (const name of ["Überfällig · 48h", "未割り当て", "עברית queue", "🔥 Hot", "Bugs (P1) — EU"])
      expect(parse(name).data).toBe(name);
  });

  it("puts the error on the name when a whole view or a rename is checked", () => {
    const view = {
      name: "x\u0000",
      resource: "tickets",
      query: {
        resource: "tickets",
        root: {
          kind: "group",
          operator: "AND",
          children: [{ kind: "filter", field: "open", operator: "=", value: true }],
        },
      },
      columns: ["title"],
      shared: false,
    };
    expect(z.safeParse(viewInput, view).error?.issues.map((i) => i.path.join("."))).toEqual(["name"]);
    expect(z.safeParse(viewPatch, { name: "\u0001" }).error?.issues.map((i) => i.path.join("."))).toEqual(["name"]);
  });

  it("refuses control characters in the view's search values and fields", () => {
    const withValue = (value: string, field = "title") => ({
      name: "x",
      resource: "tickets",
      query: {
        resource: "tickets",
        root: { kind: "group", operator: "AND", children: [{ kind: "filter", field, operator: "~", value }] },
      },
      columns: ["title"],
      shared: false,
    });
    expect(z.safeParse(viewInput, withValue("ok")).success).toBe(true);
    expect(z.safeParse(viewInput, withValue("a\u0000")).success).toBe(false);
    expect(z.safeParse(viewInput, withValue("ok", "title\u0000")).success).toBe(false);
  });
});
