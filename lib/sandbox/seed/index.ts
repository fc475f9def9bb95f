import { Random } from "../random";
import type { Region } from "../store/types";
import { Workspace } from "../store/workspace";
import { DAY, seedDataAttributes, seedPeople, seedTicketTypes } from "./catalog";
import { seedCompanies, seedContacts, seedSegments } from "./contacts";
import { seedConversations } from "./conversations";
import { seedTickets } from "./tickets";
import { VOCABULARIES } from "./text";

export interface SeedOptions {
  /** Same seed, same workspaces (ids, names, text). */
  seed: number | string;
  /** Multiplies the number of contacts, conversations and tickets. */
  scale: number;
  /** Unix seconds that "now" is for the seeded timeline. */
  now: number;
}

interface WorkspaceSpec {
  key: keyof typeof VOCABULARIES;
  name: string;
  region: Region;
  timezone: string;
  domain: string;
  idBase: number;
  withUnverifiedAdmin: boolean;
}

const SPECS: WorkspaceSpec[] = [
  {
    key: "northwind",
    name: "Northwind Support",
    region: "US",
    timezone: "America/New_York",
    domain: "northwind.example",
    idBase: 1_000_000,
    withUnverifiedAdmin: true,
  },
  {
    key: "fjord",
    name: "Fjord Analytics",
    region: "EU",
    timezone: "Europe/Berlin",
    domain: "fjord.example",
    idBase: 5_000_000,
    withUnverifiedAdmin: false,
  },
];

export const BASE_VOLUME = { contacts: 420, conversations: 1550, tickets: 640, companies: 48 } as const;

export function seedWorkspaces(options: SeedOptions): Workspace[] {
  const scale = Math.max(0.01, options.scale);
  return SPECS.map((spec) => {
    const rng = new Random(`${options.seed}:${spec.key}`);
    const ws = new Workspace(
      {
        id_code: rng.code(8),
        name: spec.name,
        region: spec.region,
        timezone: spec.timezone,
        created_at: options.now - 900 * DAY,
        owner_admin_id: String(spec.idBase + 10),
      },
      spec.idBase,
    );
    const vocab = VOCABULARIES[spec.key];
    seedPeople(ws, rng, spec.domain, spec.withUnverifiedAdmin);
    seedDataAttributes(ws, options.now);
    seedTicketTypes(ws, rng, options.now);
    seedCompanies(ws, rng, options.now, Math.round(BASE_VOLUME.companies * Math.sqrt(scale)));
    seedContacts(ws, rng, options.now, Math.round(BASE_VOLUME.contacts * scale));
    seedSegments(ws, rng, options.now);
    seedConversations(ws, rng, options.now, Math.round(BASE_VOLUME.conversations * scale), vocab);
    seedTickets(ws, rng, options.now, Math.round(BASE_VOLUME.tickets * scale), vocab);
    return ws;
  });
}
