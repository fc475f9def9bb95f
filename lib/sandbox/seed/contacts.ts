import type { Random } from "../random";
import type { ContactRec, SearchNode } from "../store/types";
import type { Workspace } from "../store/workspace";
import { DAY } from "./catalog";
import {
  BROWSERS,
  CITIES,
  COMPANY_SUFFIXES,
  COMPANY_WORDS,
  FIRST_NAMES,
  INDUSTRIES,
  LANGUAGES,
  LAST_NAMES,
  OSES,
} from "./text";

/** A hex prefix per workspace keeps its 24-character ids apart from every other workspace's. */
export function hexId(ws: Workspace, rng: Random, kind: number): string {
  const prefix = (ws.idBase / 1_000_000).toString(16).padStart(2, "0") + kind.toString(16).padStart(2, "0");
  return `66${prefix}${rng.hex(18)}`;
}

/** Skews towards recent times: most activity happened in the last few weeks. */
export function recentTime(rng: Random, now: number, days: number): number {
  const skew = Math.pow(rng.next(), 1.6);
  return now - Math.floor(skew * days * DAY) - rng.int(60, 3600);
}

export function seedCompanies(ws: Workspace, rng: Random, now: number, count: number): void {
  const names = new Set<string>();
  let attempts = 0;
  while (names.size < count && attempts < count * 20) {
    attempts++;
    const word = rng.pick(COMPANY_WORDS);
    const name =
      names.size < COMPANY_WORDS.length
        ? `${word} ${rng.pick(COMPANY_SUFFIXES)}`
        : `${word} ${rng.pick(COMPANY_SUFFIXES)} ${names.size}`;
    if (names.has(name)) continue;
    names.add(name);
    const id = hexId(ws, rng, 1);
    ws.companies.set(id, {
      id,
      company_id: `cmp_${rng.hex(8)}`,
      name,
      plan: rng.pick(["Starter", "Growth", "Business", "Enterprise"]),
      size: rng.pick([8, 25, 60, 150, 400, 1200]),
      industry: rng.pick(INDUSTRIES),
      created_at: now - rng.int(130, 700) * DAY,
    });
  }
}

const PLANS = ["Free", "Trial", "Starter", "Growth", "Business", "Enterprise"] as const;

export function seedContacts(ws: Workspace, rng: Random, now: number, count: number): void {
  const companies = [...ws.companies.values()];
  const adminIds = [...ws.admins.keys()].map(Number);
  const tagIdByName = new Map([...ws.tags.values()].map((t) => [t.name, t.id]));
  const contactTags = ["vip", "churn-risk", "onboarding", "enterprise", "beta", "mobile", "api", "follow-up"].filter(
    (n) => tagIdByName.has(n),
  );
  const cities = CITIES[ws.info.region];
  const emails = new Set<string>();

  for (let i = 0; i < count; i++) {
    const role: ContactRec["role"] = rng.chance(0.74) ? "user" : "lead";
    const first = rng.pick(FIRST_NAMES);
    const last = rng.pick(LAST_NAMES);
    const company = role === "user" ? rng.pick(companies) : undefined;
    const domain = company
      ? `${company.name
          .split(" ")[0]
          .toLowerCase()
          .replace(/[^a-z]/g, "")}.example`
      : rng.pick(["gmail.example", "outlook.example", "proton.example"]);
    let email = `${first}.${last}`.toLowerCase().replace(/[^a-z.]/g, "") + `@${domain}`;
    if (emails.has(email)) email = email.replace("@", `${i}@`);
    emails.add(email);
    const created = recentTime(rng, now, 118);
    const lastSeen = rng.chance(0.9) ? Math.min(now - 60, created + rng.int(0, Math.max(1, now - created))) : null;
    const [country, region, city, countryCode] = rng.pick(cities);
    const plan =
      role === "lead"
        ? rng.chance(0.5)
          ? "Trial"
          : "Free"
        : rng.weighted(PLANS.map((p, k) => [p, [2, 3, 5, 5, 3, 2][k]] as const));
    const tagIds = rng
      .sample(
        contactTags,
        rng.weighted([
          [0, 5],
          [1, 4],
          [2, 2],
          [3, 1],
        ] as const),
      )
      .map((n) => tagIdByName.get(n)!);
    const mobile = rng.chance(0.2);
    const rec: ContactRec = {
      id: hexId(ws, rng, 2),
      external_id: role === "user" ? `usr_${10_000 + i}` : null,
      role,
      name: `${first} ${last}`,
      email,
      phone: rng.chance(0.35) ? `+1 555 ${String(rng.int(100, 999))} ${String(rng.int(1000, 9999))}` : null,
      avatar: null,
      owner_id: rng.chance(0.4) ? rng.pick(adminIds) : null,
      language_override: rng.chance(0.15) ? rng.pick(LANGUAGES) : null,
      created_at: created,
      updated_at: Math.max(created, lastSeen ?? created),
      signed_up_at: role === "user" ? created : null,
      last_seen_at: lastSeen,
      last_contacted_at: rng.chance(0.6) ? created + rng.int(0, Math.max(1, now - created)) : null,
      last_replied_at: rng.chance(0.5) ? created + rng.int(0, Math.max(1, now - created)) : null,
      last_email_opened_at: rng.chance(0.5) ? created + rng.int(0, Math.max(1, now - created)) : null,
      last_email_clicked_at: rng.chance(0.25) ? created + rng.int(0, Math.max(1, now - created)) : null,
      unsubscribed_from_emails: rng.chance(0.08),
      marked_email_as_spam: rng.chance(0.02),
      has_hard_bounced: rng.chance(0.04),
      browser: rng.pick(BROWSERS),
      browser_version: `${rng.int(100, 130)}.0`,
      browser_language: rng.pick(LANGUAGES),
      os: rng.pick(OSES),
      location: {
        country,
        region,
        city,
        country_code: countryCode,
        continent_code: ws.info.region === "EU" ? "EU" : ws.info.region === "AU" ? "OC" : "NA",
      },
      ios: mobile
        ? {
            last_seen_at: lastSeen,
            app_version: `4.${rng.int(0, 9)}.0`,
            device: "iPhone15,2",
            os_version: "17.5",
            app_name: ws.info.name,
            sdk_version: "15.2.0",
          }
        : { last_seen_at: null, app_version: null, device: null, os_version: null, app_name: null, sdk_version: null },
      android: { last_seen_at: null, app_version: null, device: null, app_name: null, sdk_version: null },
      custom_attributes: {
        plan,
        health_score: rng.int(5, 100),
        mrr: role === "user" ? Math.round(rng.next() * 200_000) / 100 : 0,
        beta_tester: rng.chance(0.18),
        renewal_date: role === "user" ? now + rng.int(5, 330) * DAY : null,
        account_manager: role === "user" && rng.chance(0.5) ? `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}` : null,
      },
      tag_ids: tagIds,
      company_ids: company
        ? [company.id, ...(rng.chance(0.1) ? [rng.pick(companies).id] : [])].filter((v, k, a) => a.indexOf(v) === k)
        : [],
    };
    ws.addContact(rec);
  }
}

/** Segments are rules over contacts; members, counts and a contact's segments all come from them. */
export function seedSegments(ws: Workspace, rng: Random, now: number): void {
  const tag = (name: string) => [...ws.tags.values()].find((t) => t.name === name)!.id;
  const northAmerica = ws.info.region === "US";
  const specs: { name: string; person_type: "user" | "contact"; rule: SearchNode }[] = [
    {
      name: "Active users (30 days)",
      person_type: "user",
      rule: {
        operator: "AND",
        value: [
          { field: "role", operator: "=", value: "user" },
          { field: "last_seen_at", operator: ">", value: now - 30 * DAY },
        ],
      },
    },
    { name: "VIP customers", person_type: "user", rule: { field: "tag_id", operator: "=", value: tag("vip") } },
    {
      name: "Trial users",
      person_type: "user",
      rule: { field: "custom_attributes.plan", operator: "=", value: "Trial" },
    },
    {
      name: "Churn risk",
      person_type: "user",
      rule: {
        operator: "AND",
        value: [
          { field: "role", operator: "=", value: "user" },
          {
            operator: "OR",
            value: [
              { field: "custom_attributes.health_score", operator: "<", value: 30 },
              { field: "tag_id", operator: "=", value: tag("churn-risk") },
            ],
          },
        ],
      },
    },
    {
      name: "New leads (14 days)",
      person_type: "contact",
      rule: {
        operator: "AND",
        value: [
          { field: "role", operator: "=", value: "lead" },
          { field: "created_at", operator: ">", value: now - 14 * DAY },
        ],
      },
    },
    {
      name: "Enterprise accounts",
      person_type: "user",
      rule: { field: "custom_attributes.plan", operator: "IN", value: ["Enterprise", "Business"] },
    },
    {
      name: "Beta testers",
      person_type: "user",
      rule: { field: "custom_attributes.beta_tester", operator: "=", value: true },
    },
    { name: "Bounced emails", person_type: "user", rule: { field: "has_hard_bounced", operator: "=", value: true } },
    {
      name: northAmerica ? "Canada and Mexico" : "DACH region",
      person_type: "user",
      rule: {
        field: "location.country",
        operator: "IN",
        value: northAmerica ? ["Canada", "Mexico"] : ["Germany", "Austria", "Switzerland"],
      },
    },
    {
      name: "Unsubscribed",
      person_type: "user",
      rule: { field: "unsubscribed_from_emails", operator: "=", value: true },
    },
  ];
  // A segment of users (person_type "user") never holds leads, as in Intercom.
  const onlyUsers = (rule: SearchNode): SearchNode => {
    const role = { field: "role", operator: "=", value: "user" } as const;
    const has =
      !("field" in rule) && rule.operator === "AND" && rule.value.some((x) => "field" in x && x.field === "role");
    return has ? rule : { operator: "AND", value: [role, rule] };
  };
  specs.forEach((spec, i) => {
    const created = now - (110 - i * 7) * DAY;
    const id = hexId(ws, rng, 3);
    ws.segments.set(id, {
      id,
      name: spec.name,
      person_type: spec.person_type,
      created_at: created,
      updated_at: created + rng.int(1, 20) * DAY,
      rule: spec.person_type === "user" ? onlyUsers(spec.rule) : spec.rule,
    });
  });
}
