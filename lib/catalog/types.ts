/**
 * A workspace's catalogue as the browser receives it: who and what ids stand for. Built on
 * the server (lib/catalog/server.ts) from Intercom's lists, parsed and trimmed there, so the
 * browser needs no schemas of its own.
 */
import type { DataAttribute, TicketType } from "@/lib/intercom/schemas";

export interface CatalogAdmin {
  id: string;
  name: string;
  email: string;
}

export interface CatalogTeam {
  id: string;
  name: string;
  adminIds: string[];
}

export interface Named {
  id: string;
  name: string;
}

export interface CatalogSegment extends Named {
  personType: "contact" | "user";
}

export interface WorkspaceCatalog {
  admins: CatalogAdmin[];
  teams: CatalogTeam[];
  tags: Named[];
  ticketTypes: TicketType[];
  segments: CatalogSegment[];
  /** Contact and conversation data attributes, custom ones included. */
  dataAttributes: DataAttribute[];
  companies: Named[];
}
