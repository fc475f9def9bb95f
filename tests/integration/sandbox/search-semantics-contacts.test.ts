/**
 * Contact search: each operator against each field type it accepts, checked against the seeded
 * contacts filtered by hand-written predicates. Dates match by calendar day in the workspace's
 * timezone (New York for the US workspace, Berlin for the EU one); integers take >= and <=.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningSandbox } from "@/lib/sandbox";
import type { ContactRec } from "@/lib/sandbox/store/types";
import type { Workspace } from "@/lib/sandbox/store/workspace";
import { bootSandbox, client, control, expectSearchMatches, type Api } from "../../support/sandbox";

const NOW = 1_790_000_000;
const DAY = 86_400;
let sb: RunningSandbox;
let us: Workspace;
let eu: Workspace;
let apiUs: Api;
let apiEu: Api;
beforeAll(async () => {
  sb = await bootSandbox({ now: NOW });
  us = sb.sandbox.workspace(sb.workspaces[0].id_code)!;
  eu = sb.sandbox.workspace(sb.workspaces[1].id_code)!;
  apiUs = client(sb.url, sb.workspaces[0].access_token);
  apiEu = client(sb.url, sb.workspaces[1].access_token);
  expect((await control(sb.url)("POST", "/sandbox/faults", { rate_limit_per_window: 1_000_000 })).status).toBe(200);
});
afterAll(() => sb.stop());

const str = {
  has: (a: unknown, v: string) => typeof a === "string" && a.toLowerCase().includes(v.toLowerCase()),
  starts: (a: unknown, v: string) => typeof a === "string" && a.toLowerCase().startsWith(v.toLowerCase()),
  ends: (a: unknown, v: string) => typeof a === "string" && a.toLowerCase().endsWith(v.toLowerCase()),
};

interface Case {
  name: string;
  query: unknown;
  expect: (r: ContactRec) => boolean;
}

const check = (_resource: "contacts", ws: Workspace, api: Api, c: Case) =>
  expectSearchMatches(api, "contacts", ws, c.name, c.query, c.expect);

describe("contact search", () => {
  /** The calendar day of a timestamp in a timezone, as YYYY-MM-DD. */
  const day = (ts: number, tz: string) =>
    new Intl.DateTimeFormat("en-CA", { timeZone: tz, year: "numeric", month: "2-digit", day: "2-digit" }).format(
      ts * 1000,
    );
  const cases = (ws: Workspace): Case[] => {
    const tz = ws.info.timezone;
    const seen = ws.orderedContacts()[30].last_seen_at ?? NOW - 5 * DAY;
    const vd = day(seen, tz);
    const score = (c: ContactRec) => c.custom_attributes.health_score as number;
    const vip = [...ws.tags.values()].find((t) => t.name === "vip")!.id;
    const f = (field: string, operator: string, value: unknown) => ({ field, operator, value });
    return [
      {
        name: "date = matches the whole day",
        query: f("last_seen_at", "=", seen),
        expect: (c: ContactRec) => c.last_seen_at !== null && day(c.last_seen_at, tz) === vd,
      },
      {
        name: "date > starts the next day",
        query: f("last_seen_at", ">", seen),
        expect: (c: ContactRec) => c.last_seen_at !== null && day(c.last_seen_at, tz) > vd,
      },
      {
        name: "date < ends before the day",
        query: f("last_seen_at", "<", seen),
        expect: (c: ContactRec) => c.last_seen_at !== null && day(c.last_seen_at, tz) < vd,
      },
      {
        name: "custom date >",
        query: f("custom_attributes.renewal_date", ">", NOW + 100 * DAY),
        expect: (c: ContactRec) =>
          typeof c.custom_attributes.renewal_date === "number" &&
          day(c.custom_attributes.renewal_date, tz) > day(NOW + 100 * DAY, tz),
      },
      {
        name: "integer > is strict",
        query: f("custom_attributes.health_score", ">", 60),
        expect: (c: ContactRec) => score(c) > 60,
      },
      {
        name: "integer < is strict",
        query: f("custom_attributes.health_score", "<", 60),
        expect: (c: ContactRec) => score(c) < 60,
      },
      {
        name: "integer >=",
        query: f("custom_attributes.health_score", ">=", 60),
        expect: (c: ContactRec) => score(c) >= 60,
      },
      {
        name: "integer <=",
        query: f("custom_attributes.health_score", "<=", 60),
        expect: (c: ContactRec) => score(c) <= 60,
      },
      {
        name: "integer =",
        query: f("custom_attributes.health_score", "=", 60),
        expect: (c: ContactRec) => score(c) === 60,
      },
      {
        name: "integer NIN",
        query: f("custom_attributes.health_score", "NIN", [60, 61]),
        expect: (c: ContactRec) => score(c) !== 60 && score(c) !== 61,
      },
      {
        name: "float >=",
        query: f("custom_attributes.mrr", ">=", 1000),
        expect: (c: ContactRec) => (c.custom_attributes.mrr as number) >= 1000,
      },
      { name: "string ~", query: f("email", "~", "proton"), expect: (c: ContactRec) => str.has(c.email, "proton") },
      { name: "string ^", query: f("name", "^", "A"), expect: (c: ContactRec) => str.starts(c.name, "A") },
      {
        name: "string $",
        query: f("email", "$", "gmail.example"),
        expect: (c: ContactRec) => str.ends(c.email, "gmail.example"),
      },
      { name: "string !~", query: f("email", "!~", "proton"), expect: (c: ContactRec) => !str.has(c.email, "proton") },
      { name: "string NIN", query: f("role", "NIN", ["lead"]), expect: (c: ContactRec) => c.role !== "lead" },
      {
        name: "boolean =",
        query: f("unsubscribed_from_emails", "=", true),
        expect: (c: ContactRec) => c.unsubscribed_from_emails,
      },
      {
        name: "boolean !=",
        query: f("unsubscribed_from_emails", "!=", true),
        expect: (c: ContactRec) => !c.unsubscribed_from_emails,
      },
      { name: "tag_id =", query: f("tag_id", "=", vip), expect: (c: ContactRec) => c.tag_ids.includes(vip) },
      { name: "tag_id !=", query: f("tag_id", "!=", vip), expect: (c: ContactRec) => !c.tag_ids.includes(vip) },
      {
        name: "owner_id > (integer)",
        query: f("owner_id", ">", Number(ws.info.owner_admin_id) + 4),
        expect: (c: ContactRec) => (c.owner_id ?? -1) > Number(ws.info.owner_admin_id) + 4,
      },
    ];
  };

  it("every case matches the hand-filtered records (US workspace, New York days)", async () => {
    for (const c of cases(us)) await check("contacts", us, apiUs, c);
  });

  it("every case matches the hand-filtered records (EU workspace, Berlin days)", async () => {
    for (const c of cases(eu)) await check("contacts", eu, apiEu, c);
  });

  it("the same instant falls on different days in New York and Berlin", async () => {
    // 03:00 UTC is the previous evening in New York and the same morning in Berlin.
    const instant = Date.UTC(2026, 8, 15, 3, 0, 0) / 1000;
    expect(day(instant, "America/New_York")).toBe("2026-09-14");
    expect(day(instant, "Europe/Berlin")).toBe("2026-09-15");
  });
});
