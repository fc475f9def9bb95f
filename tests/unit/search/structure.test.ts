import { describe, expect, it } from "vitest";
import { RESOURCES } from "@/lib/search/fields";
import { stripIds } from "@/lib/search/model";
import { searchQuerySchema } from "@/lib/search/schema";
import { checkTree } from "@/lib/search/structure";
import { encodeQuery, decodeQuery } from "@/lib/search/url";
import { CATALOGUES } from "./fixtures";
import { randomQuery, seeded } from "./generate";

const f = (field: string, operator: string, value: unknown) => ({ kind: "filter", field, operator, value });
const g = (operator: string, children: unknown[]) => ({ kind: "group", operator, children });

/** Trees the schema and the light check must judge alike. */
const CASES: [string, unknown][] = [
  ["one filter", g("AND", [f("open", "=", true)])],
  ["nested twice", g("AND", [f("open", "=", true), g("OR", [f("state", "=", "open"), f("state", "=", "snoozed")])])],
  ["three levels", g("AND", [g("OR", [g("AND", [f("open", "=", true)])])])],
  [
    "sixteen filters",
    g(
      "AND",
      Array.from({ length: 16 }, () => f("open", "=", true)),
    ),
  ],
  [
    "fifteen filters",
    g(
      "AND",
      Array.from({ length: 15 }, () => f("open", "=", true)),
    ),
  ],
  ["empty group", g("AND", [])],
  ["unknown operator", g("AND", [f("open", "==", true)])],
  ["unknown key", g("AND", [{ ...f("open", "=", true), extra: 1 }])],
  ["relative date", g("AND", [f("created_at", ">", { relative: -86400 })])],
  ["relative not an integer", g("AND", [f("created_at", ">", { relative: 1.5 })])],
  ["me", g("AND", [f("admin_assignee_id", "=", { me: true })])],
  ["me false", g("AND", [f("admin_assignee_id", "=", { me: false })])],
  ["list of scalars", g("AND", [f("tag_ids", "IN", ["1", 2, true, null])])],
  ["list of lists", g("AND", [f("tag_ids", "IN", [["1"]])])],
  ["text too long", g("AND", [f("name", "=", "x".repeat(1001))])],
  ["empty field", g("AND", [f("", "=", "x")])],
  ["NUL in a value", g("AND", [f("name", "~", "a\u0000b")])],
  ["escape in a listed value", g("AND", [f("tag_ids", "IN", ["1", "\u001b[2J"])])],
  ["control character in a field", g("AND", [f("name\u0007", "=", "x")])],
  ["tab and line break in a value", g("AND", [f("name", "~", "tab\there\r\nnext")])],
  ["a filter at the root", f("open", "=", true)],
  ["not an object", "AND"],
  ["bad id", { ...g("AND", [f("open", "=", true)]), id: 5 }],
];

describe("checkTree agrees with searchQuerySchema", () => {
  it.each(CASES)("%s", (_, root) => {
    const schema = searchQuerySchema.safeParse({ resource: "tickets", root });
    const light = checkTree(root);
    expect(light !== null).toBe(schema.success);
    if (light && schema.success) expect(stripIds(light)).toEqual(stripIds(schema.data.root));
  });

  it("accepts every generated valid query, and decoding URLs goes through it", () => {
    const random = seeded(7);
    for (const resource of RESOURCES) {
      for (let i = 0; i < 200; i++) {
        const q = randomQuery(random, CATALOGUES[resource]);
        expect(checkTree(JSON.parse(JSON.stringify(q.root)))).not.toBeNull();
        expect(searchQuerySchema.safeParse(JSON.parse(JSON.stringify(q))).success).toBe(true);
        expect(stripIds(decodeQuery(encodeQuery(q), resource)!.root)).toEqual(stripIds(q.root));
      }
    }
  });
});
