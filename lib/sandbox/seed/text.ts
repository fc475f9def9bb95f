/** Words the seeded workspaces are written in: people, companies and support talk. */

export const FIRST_NAMES = [
  "Olivia",
  "Liam",
  "Emma",
  "Noah",
  "Ava",
  "Elijah",
  "Sophia",
  "Mateo",
  "Isabella",
  "Lucas",
  "Mia",
  "Levi",
  "Amelia",
  "Ezra",
  "Harper",
  "Asher",
  "Evelyn",
  "James",
  "Luna",
  "Leo",
  "Camila",
  "Aiden",
  "Gianna",
  "Kai",
  "Elena",
  "Hugo",
  "Freya",
  "Jonas",
  "Ingrid",
  "Lars",
  "Sofie",
  "Matteo",
  "Chiara",
  "Pierre",
  "Claire",
  "Anouk",
  "Daan",
  "Zofia",
  "Marek",
  "Aisha",
  "Omar",
  "Priya",
  "Arjun",
  "Mei",
  "Hiroshi",
  "Yuki",
  "Chloe",
  "Finn",
  "Nora",
  "Theo",
  "Maya",
  "Samir",
  "Lena",
  "Felix",
  "Ines",
  "Tomas",
  "Rosa",
  "Emil",
  "Alma",
  "Viktor",
];

export const LAST_NAMES = [
  "Smith",
  "Johnson",
  "Garcia",
  "Miller",
  "Davis",
  "Rodriguez",
  "Martinez",
  "Lopez",
  "Wilson",
  "Anderson",
  "Thomas",
  "Moore",
  "Jackson",
  "Martin",
  "Lee",
  "Thompson",
  "White",
  "Harris",
  "Clark",
  "Lewis",
  "Walker",
  "Hall",
  "Young",
  "King",
  "Wright",
  "Scott",
  "Nguyen",
  "Hill",
  "Adams",
  "Baker",
  "Nielsen",
  "Hansen",
  "Jansen",
  "de Vries",
  "Müller",
  "Schmidt",
  "Schneider",
  "Fischer",
  "Weber",
  "Rossi",
  "Russo",
  "Dubois",
  "Laurent",
  "Kowalski",
  "Nowak",
  "Novak",
  "Svensson",
  "Lindqvist",
  "Okafor",
  "Haddad",
  "Patel",
  "Sharma",
  "Tanaka",
  "Sato",
  "Kim",
  "Park",
  "O'Brien",
  "Murphy",
  "Byrne",
  "Costa",
];

export const COMPANY_WORDS = [
  "Acme",
  "Globex",
  "Initech",
  "Umbrella",
  "Hooli",
  "Vandelay",
  "Stark",
  "Wayne",
  "Wonka",
  "Soylent",
  "Cyberdyne",
  "Tyrell",
  "Aperture",
  "Black Mesa",
  "Massive",
  "Oscorp",
  "Gringotts",
  "Pied Piper",
  "Bluth",
  "Dunder",
  "Monarch",
  "Nakatomi",
  "Prestige",
  "Sterling",
  "Virtucon",
  "Zorg",
  "Bright Harbor",
  "Cedar & Pine",
  "Lumen",
  "Northstar",
  "Quartz",
  "Redwood",
  "Silverline",
  "Tidewater",
  "Union Square",
  "Blue Fjord",
  "Kestrel",
  "Halcyon",
  "Meridian",
  "Orchid",
];

export const COMPANY_SUFFIXES = ["Inc", "Labs", "Group", "GmbH", "Ltd", "Co", "Studio", "Systems", "Partners", "BV"];

export const INDUSTRIES = [
  "Retail",
  "Fintech",
  "Healthcare",
  "Education",
  "Logistics",
  "Media",
  "Travel",
  "SaaS",
  "Manufacturing",
  "Nonprofit",
];

export const CITIES: Record<string, [string, string, string, string][]> = {
  // [country, region, city, country_code]
  US: [
    ["United States", "California", "San Francisco", "US"],
    ["United States", "New York", "New York", "US"],
    ["United States", "Texas", "Austin", "US"],
    ["United States", "Washington", "Seattle", "US"],
    ["United States", "Illinois", "Chicago", "US"],
    ["Canada", "Ontario", "Toronto", "CA"],
    ["United States", "Massachusetts", "Boston", "US"],
    ["Mexico", "Mexico City", "Mexico City", "MX"],
  ],
  EU: [
    ["Germany", "Berlin", "Berlin", "DE"],
    ["France", "Île-de-France", "Paris", "FR"],
    ["Netherlands", "North Holland", "Amsterdam", "NL"],
    ["Ireland", "Leinster", "Dublin", "IE"],
    ["Spain", "Catalonia", "Barcelona", "ES"],
    ["Sweden", "Stockholm", "Stockholm", "SE"],
    ["Italy", "Lombardy", "Milan", "IT"],
    ["Poland", "Masovia", "Warsaw", "PL"],
  ],
  AU: [
    ["Australia", "New South Wales", "Sydney", "AU"],
    ["Australia", "Victoria", "Melbourne", "AU"],
    ["New Zealand", "Auckland", "Auckland", "NZ"],
  ],
};

export const BROWSERS = ["chrome", "firefox", "safari", "edge"];
export const OSES = ["OS X 14.4", "Windows 11", "Windows 10", "iOS 17.5", "Android 14", "Linux"];
export const LANGUAGES = ["en", "en-GB", "de", "fr", "nl", "es", "sv", "it", "pl"];

/** A product's vocabulary, so each workspace reads like its own company. */
export interface Vocabulary {
  product: string;
  features: string[];
  integrations: string[];
  plans: string[];
  errors: string[];
}

export interface Topic {
  key: string;
  subjects: string[];
  openers: string[];
  followUps: string[];
  replies: string[];
  notes: string[];
}

export const TOPICS: Topic[] = [
  {
    key: "billing",
    subjects: [
      "Charged twice for {plan} plan",
      "Invoice {invoice} shows the wrong VAT number",
      "Question about upgrading to {plan}",
      "Refund request for last month",
      "Card declined on renewal",
    ],
    openers: [
      "Hi, we were charged twice this month for the {plan} plan. Can you refund the duplicate charge?",
      "Our invoice {invoice} has the old VAT number on it. Finance needs a corrected copy before month end.",
      "We're thinking about moving to {plan}. Does the price include the {feature} add-on or is that extra?",
      "I cancelled two seats last week but the renewal still billed for all of them. Can you look into it?",
      "The renewal failed with a card decline but our bank says nothing was attempted. Please help, we don't want to lose access.",
    ],
    followUps: [
      "Thanks. Do you know roughly when the refund will show up on our statement?",
      "Just checking in on this, our finance team is asking again.",
      "Got it, I've updated the card. Can you retry the payment?",
      "Perfect, that's exactly what we needed.",
    ],
    replies: [
      "Thanks for flagging this! I can see the duplicate charge and I've issued a refund. It usually takes 5 to 10 business days to appear.",
      "I've regenerated invoice {invoice} with the updated VAT number. You'll find it under Billing > Invoices.",
      "Good question: {plan} includes {feature} at no extra cost, so you'd only pay the seat difference.",
      "I've retried the payment and it went through. You're all set, and sorry for the trouble.",
    ],
    notes: [
      "Duplicate charge confirmed in Stripe, refund issued. Watch for a chargeback.",
      "Customer is on an annual contract, loop in the account manager before changing seats.",
      "VAT change needs finance approval, asked in #billing.",
    ],
  },
  {
    key: "login",
    subjects: [
      "Can't log in after password reset",
      "SSO login loops back to the sign-in page",
      "Two-factor codes not arriving",
      "Locked out of the admin account",
    ],
    openers: [
      "I reset my password but now it says my credentials are invalid. I've tried three times.",
      "Since this morning our SSO login sends everyone back to the sign-in page. Nobody on the team can get in.",
      "The two-factor codes aren't arriving by SMS. I'm travelling and need access today.",
      "Our only admin left the company and we're locked out. How do we regain access?",
    ],
    followUps: [
      "I cleared my cookies like you said, still the same loop.",
      "It works now, thank you so much!",
      "Which documents do you need to verify ownership?",
      "Still no code. Is there a backup method?",
    ],
    replies: [
      "Sorry about that! I've reset the login attempts on your account. Could you try once more in a private window?",
      "We found a problem with the SAML certificate on your workspace. It's fixed now, please try signing in again.",
      "I've switched your second factor to the authenticator app. You'll be asked to scan a QR code on your next login.",
      "To transfer ownership we need a request from a company email address and a short note on letterhead.",
    ],
    notes: [
      "SAML cert expired yesterday. Engineering rotated it, see incident {error}.",
      "Verified identity through the billing contact before resetting 2FA.",
      "Possible account takeover attempt, do not reset without a call.",
    ],
  },
  {
    key: "bug",
    subjects: [
      "{feature} page shows error {error}",
      "Export to CSV is missing rows",
      "Dashboard charts not loading in {browser}",
      "Notifications sent twice",
      "Timezone wrong on scheduled reports",
    ],
    openers: [
      "When I open {feature} I get error {error} and a blank page. It started after yesterday's update.",
      "The CSV export only includes the first 1,000 rows, but we have about 4,000 records.",
      "None of the charts on the dashboard load in {browser}. They spin forever. It works in another browser.",
      "Every notification arrives twice, both email and in-app. It's getting noisy for the team.",
      "Scheduled reports arrive at 3am instead of 9am. Our timezone is set correctly in the settings.",
    ],
    followUps: [
      "Here's a screenshot of the console, in case it helps.",
      "Any update? This is blocking our weekly review.",
      "Confirmed, it works again after the fix. Thanks!",
      "It happens on every project, not just one.",
    ],
    replies: [
      "Thanks for the details, I've reproduced {error} on our side and raised it with engineering.",
      "This is a known issue with large exports. A fix is rolling out this week; in the meantime exports in smaller date ranges work.",
      "Could you try disabling browser extensions and reloading? Some ad blockers break the chart library.",
      "Engineering shipped a fix this morning. Could you check whether you still see duplicates?",
    ],
    notes: [
      "Reproduced on staging. Linked to tracker ticket for {feature}.",
      "Same root cause as last week's regression, engineering is on it.",
      "Customer is on {plan}, prioritise.",
    ],
  },
  {
    key: "feature",
    subjects: [
      "Feature request: bulk edit in {feature}",
      "Is there an API for {feature}?",
      "Dark mode?",
      "Custom fields on reports",
    ],
    openers: [
      "Would it be possible to edit several items at once in {feature}? We do this a hundred times a week.",
      "Is there an API endpoint for {feature}? We want to sync it with our warehouse.",
      "Any plans for a dark mode? Our night shift would love it.",
      "We need our custom fields in the monthly reports. Is that on the roadmap?",
    ],
    followUps: ["Great, please add our vote.", "Is there a workaround for now?", "Thanks for the quick answer!"],
    replies: [
      "Thanks for the suggestion! I've added your vote to the request and shared your use case with the product team.",
      "Yes! The REST API covers {feature}; you'll find it in our developer docs under v2.",
      "It's not available yet, but a workaround is to use saved filters with the {integration} integration.",
    ],
    notes: ["Tagged as feature request, 14 customers asked this quarter.", "Product says Q3 at the earliest."],
  },
  {
    key: "integration",
    subjects: [
      "{integration} integration stopped syncing",
      "How do I connect {integration}?",
      "Webhook deliveries failing with 500",
      "Duplicate records after {integration} import",
    ],
    openers: [
      "Our {integration} sync stopped on Monday. The last successful sync shows 3 days ago.",
      "How do I connect {integration}? I can't find it under Settings > Integrations.",
      "Our webhook endpoint receives nothing since yesterday and the logs show 500 errors on your side.",
      "After importing from {integration} we have every contact twice. Can this be undone?",
    ],
    followUps: [
      "I reconnected it but it still says pending.",
      "Found it, thanks!",
      "Can you run the dedupe for us? There are a lot of records.",
    ],
    replies: [
      "It looks like the {integration} token expired. Could you reconnect it under Settings > Integrations?",
      "You'll find {integration} under Settings > App store. Only admins can see it, so you might need their help.",
      "We had a delivery problem between 2pm and 4pm UTC. Everything was retried and should be delivered now.",
      "I've merged the duplicates from the import. Let me know if anything looks off.",
    ],
    notes: [
      "{integration} API changed their auth flow, several customers affected.",
      "Dedupe script run by engineering, 1,204 records merged.",
    ],
  },
  {
    key: "account",
    subjects: [
      "Change the account owner",
      "Delete our workspace data (GDPR)",
      "Add more seats",
      "Move projects between workspaces",
    ],
    openers: [
      "Please change the account owner to our new operations manager.",
      "We're ending our contract and need all our data deleted under GDPR. What's the process?",
      "We need five more seats for new hires starting Monday.",
      "Can we move projects from our old workspace into the new one?",
    ],
    followUps: [
      "Is there anything else you need from us?",
      "Thanks, that was quick.",
      "Could you confirm once it's done?",
    ],
    replies: [
      "Done! The new owner will get an email to accept the transfer.",
      "We'll delete all workspace data within 30 days of the request. I've started the process and will confirm by email.",
      "I've added five seats; they'll show on your next invoice, prorated.",
      "Moving projects isn't self-serve yet, but we can do it for you. Which projects should we move?",
    ],
    notes: ["Data deletion request logged in the privacy tracker.", "Seat change approved by the account manager."],
  },
];

export const VOCABULARIES: Record<string, Vocabulary> = {
  northwind: {
    product: "Northwind",
    features: ["Projects", "Timesheets", "Invoicing", "Client portal", "Reports", "Automations"],
    integrations: ["Slack", "Salesforce", "QuickBooks", "Google Drive", "Zapier", "Jira"],
    plans: ["Starter", "Growth", "Business", "Enterprise"],
    errors: ["E-1042", "E-2210", "E-3007", "E-4513", "E-5001"],
  },
  fjord: {
    product: "Fjord",
    features: ["Dashboards", "Data sources", "Alerts", "Embedded analytics", "Scheduled reports", "Notebooks"],
    integrations: ["BigQuery", "Snowflake", "HubSpot", "Microsoft Teams", "dbt", "Postgres"],
    plans: ["Team", "Pro", "Scale", "Enterprise"],
    errors: ["FJ-401", "FJ-502", "FJ-613", "FJ-724", "FJ-835"],
  },
};

export const TAG_NAMES = [
  "billing",
  "bug",
  "feature-request",
  "vip",
  "churn-risk",
  "onboarding",
  "sso",
  "api",
  "integration",
  "refund",
  "gdpr",
  "escalated",
  "mobile",
  "performance",
  "how-to",
  "security",
  "enterprise",
  "follow-up",
];

export const TEAM_NAMES = ["Tier 1 Support", "Billing", "Technical Support", "Customer Success", "Escalations"];

export const JOB_TITLES = [
  "Support Lead",
  "Support Specialist",
  "Support Engineer",
  "Billing Specialist",
  "Customer Success Manager",
  "Head of Support",
  "Solutions Engineer",
];

export const SLA_NAMES = ["VIP first response", "Standard response", "Enterprise 1h"];

/** Each SLA's first-response target, in seconds. */
export const SLA_TARGETS: Readonly<Record<string, number>> = {
  "VIP first response": 8 * 3600,
  "Standard response": 24 * 3600,
  "Enterprise 1h": 3600,
};

export const RATING_REMARKS = [
  "Fast and friendly, thanks!",
  "Took a while but solved it.",
  "Great help as always.",
  "Still not fixed.",
  "",
  "Very clear answer.",
];

/** Fills `{placeholders}` from the vocabulary and extra values. */
export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (match, key: string) => values[key] ?? match);
}
