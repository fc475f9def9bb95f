import { describe, expect, it } from "vitest";
import { describeDate, describeRelative, operatorLabel } from "@/lib/search/describe";
import { filterNode, groupNode, stripIds, type SearchQuery } from "@/lib/search/model";
import { decodeQuery, describeQuery, encodeQuery } from "@/lib/search/url";
import { CATALOGUES } from "./fixtures";

const b64 = (text: string) => Buffer.from(text, "utf8").toString("base64url");

const SAMPLE: SearchQuery = {
  resource: "tickets",
  root: groupNode("AND", [
    filterNode("open", "=", true),
    groupNode("OR", [
      filterNode("category", "=", "request"),
      filterNode("updated_at", "<", { relative: -259_200 }),
      filterNode("admin_assignee_id", "=", { me: true }),
    ]),
  ]),
};

describe("encodeQuery", () => {
  it("writes the short array form, base64url'd behind a version tag", () => {
    const text = encodeQuery(SAMPLE);
    expect(text.startsWith("1.")).toBe(true);
    expect(Buffer.from(text.slice(2), "base64url").toString("utf8")).toBe(
      '["&",["open","=",true],["|",["category","=","request"],["updated_at","<",{"r":-259200}],["admin_assignee_id","=",{"m":1}]]]',
    );
    // Pinned: links already shared must keep decoding to the same query.
    expect(text).toBe(
      "1.WyImIixbIm9wZW4iLCI9Iix0cnVlXSxbInwiLFsiY2F0ZWdvcnkiLCI9IiwicmVxdWVzdCJdLFsidXBkYXRlZF9hdCIsIjwiLHsiciI6LTI1OTIwMH1dLFsiYWRtaW5fYXNzaWduZWVfaWQiLCI9Iix7Im0iOjF9XV1d",
    );
  });

  it("ignores ids, so the same tree always gives the same text", () => {
    const again = decodeQuery(encodeQuery(SAMPLE), "tickets")!;
    expect(again.root.id).not.toBe(SAMPLE.root.id);
    expect(encodeQuery(again)).toBe(encodeQuery(SAMPLE));
  });

  it("needs no escaping in a URL, whatever the text searched for", () => {
    const q: SearchQuery = {
      resource: "tickets",
      root: groupNode("AND", [filterNode("default_title", "~", 'a/b?c=d&e#f 🎉 "ü" +%')]),
    };
    const text = encodeQuery(q);
    expect(text).toMatch(/^[A-Za-z0-9._-]+$/);
    expect(encodeURIComponent(text)).toBe(text);
    expect(new URLSearchParams(`q=${text}`).get("q")).toBe(text);
    expect(stripIds(decodeQuery(text, "tickets")!.root)).toEqual(stripIds(q.root));
  });
});

describe("decodeQuery", () => {
  it("gives back the tree, with relative dates and me intact, and the resource asked for", () => {
    const q = decodeQuery(encodeQuery(SAMPLE), "tickets")!;
    expect(q.resource).toBe("tickets");
    expect(stripIds(q.root)).toEqual(stripIds(SAMPLE.root));
    const ids = [q.root.id, ...q.root.children.map((c) => c.id)];
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each([
    ["empty text", ""],
    ["no version tag", b64('["&",["open","=",true]]')],
    ["an unknown version", `2.${b64('["&",["open","=",true]]')}`],
    ["characters outside base64url", "1.WyIm+Ix/"],
    ["padding", `1.${b64('["&",["open","=",true]]')}==`],
    ["an impossible base64 length", "1.WyImI"],
    ["bytes that are not UTF-8", `1.${Buffer.from([0x5b, 0xff, 0xfe, 0x5d]).toString("base64url")}`],
    ["text that is not JSON", `1.${b64("not json")}`],
    ["a bare filter", `1.${b64('["open","=",true]')}`],
    ["an object", `1.${b64('{"operator":"AND","value":[]}')}`],
    ["an unknown group sign", `1.${b64('["^",["open","=",true]]')}`],
    ["an empty root", `1.${b64('["&"]')}`],
    ["an empty nested group", `1.${b64('["&",["|"]]')}`],
    ["a filter of two parts", `1.${b64('["&",["open","="]]')}`],
    ["an unknown operator", `1.${b64('["&",["open","==",true]]')}`],
    ["an empty field", `1.${b64('["&",["","=",true]]')}`],
    ["a long relative form", `1.${b64('["&",["created_at",">",{"relative":-60}]]')}`],
    ["a fractional relative date", `1.${b64('["&",["created_at",">",{"r":-1.5}]]')}`],
    ["me that is not 1", `1.${b64('["&",["admin_assignee_id","=",{"m":true}]]')}`],
    ["a nested list", `1.${b64('["&",["id","IN",[["1"]]]]')}`],
    ["three levels", `1.${b64('["&",["|",["&",["open","=",true]]]]')}`],
    ["sixteen filters", `1.${b64(JSON.stringify(["&", ...Array(16).fill(["open", "=", true])]))}`],
    ["a very long text", `1.${"A".repeat(70_000)}`],
  ])("returns null for %s", (_name, text) => {
    expect(decodeQuery(text, "tickets")).toBeNull();
  });

  it("returns null for things that are not text", () => {
    expect(decodeQuery(undefined as unknown as string, "tickets")).toBeNull();
    expect(decodeQuery(42 as unknown as string, "tickets")).toBeNull();
  });

  it("checks structure only: fields are validate's job", () => {
    expect(decodeQuery(`1.${b64('["&",["colour","=","red"]]')}`, "tickets")?.root.children).toHaveLength(1);
  });
});

describe("describeQuery", () => {
  const tickets = CATALOGUES.tickets;

  it("reads like the example, with field and enum labels", () => {
    const q: SearchQuery = {
      resource: "tickets",
      root: groupNode("AND", [
        filterNode("open", "=", true),
        groupNode("OR", [filterNode("category", "=", "request"), filterNode("category", "=", "task")]),
      ]),
    };
    expect(describeQuery(q, tickets)).toBe("Open is true and (Category is Customer or Category is Back-office)");
  });

  it("describes lists, empties, relative dates, me, dates, text and list attribute items", () => {
    const q: SearchQuery = {
      resource: "tickets",
      root: groupNode("OR", [
        filterNode("category", "IN", ["request", "tracker"]),
        filterNode("snoozed_until", "=", null),
        filterNode("snoozed_until", "!=", null),
        filterNode("updated_at", "<", { relative: -3 * 86_400 }),
        filterNode("admin_assignee_id", "=", { me: true }),
        filterNode("created_at", ">", 1_700_000_000),
        filterNode("created_at", ">", 1_704_067_200),
        filterNode("default_title", "~", "refund"),
        filterNode("ticket_attribute.9101", "=", "sev-high"),
        groupNode("AND", [filterNode("open", "=", false)]),
      ]),
    };
    expect(describeQuery(q, tickets)).toBe(
      [
        "Category is any of Customer, Tracker",
        "Snoozed until is empty",
        "Snoozed until is not empty",
        "Updated is on or before 3 days ago",
        "Assignee (teammate) is me",
        "Created is on or after 2023-11-14 22:13 UTC",
        "Created is on or after 2024-01-01",
        'Title contains "refund"',
        "Bug report · Severity is High",
        "Open is false",
      ].join(" or "),
    );
  });

  it("names ids through the caller's lookup, and survives unknown fields and empty queries", () => {
    const q: SearchQuery = {
      resource: "tickets",
      root: groupNode("AND", [filterNode("team_assignee_id", "=", "77"), filterNode("colour", "=", "red")]),
    };
    const nameOf = (_f: unknown, id: string) => (id === "77" ? "Billing team" : undefined);
    expect(describeQuery(q, tickets, { nameOf })).toBe('Assignee (team) is Billing team and colour = "red"');
    expect(describeQuery(q, tickets)).toBe('Assignee (team) is 77 and colour = "red"');
    expect(describeQuery({ resource: "contacts", root: groupNode("AND", []) }, CATALOGUES.contacts)).toBe(
      "All contacts",
    );
  });

  it("words operators per resource and relative offsets by their largest unit", () => {
    expect(operatorLabel(">", "date", "contacts")).toBe("is after");
    expect(operatorLabel("=", "date", "contacts")).toBe("is on");
    expect(operatorLabel(">", "integer", "conversations")).toBe("is at least");
    expect(operatorLabel("=", "string", "conversations", { wordMatch: true })).toBe("has the word");
    expect(operatorLabel("IN", "string", "conversations", { multi: true })).toBe("includes any of");
    expect([
      describeRelative(0),
      describeRelative(-604_800),
      describeRelative(7200),
      describeRelative(-90),
      describeRelative(61),
    ]).toEqual(["now", "1 week ago", "in 2 hours", "90 seconds ago", "in 61 seconds"]);
    expect(describeDate(0)).toBe("1970-01-01");
  });
});
