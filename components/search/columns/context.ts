import type { ReactNode } from "react";
import type { WorkspaceCatalog } from "@/lib/catalog/types";

/** A results column: a stable id (saved in views), its header, and how a row's cell shows. */
export interface Column<T> {
  id: string;
  header: string;
  cell: (cell: { row: { original: T } }) => ReactNode;
}

/** What cells need to turn ids into names. */
export interface CellContext {
  ws: string;
  timezone: string;
  now: number;
  admin: (id: string | null) => string | null;
  team: (id: string | null) => string | null;
}

export function makeCellContext(ws: string, timezone: string, catalog: WorkspaceCatalog): CellContext {
  const admins = new Map(catalog.admins.map((a) => [a.id, a.name]));
  const teams = new Map(catalog.teams.map((t) => [t.id, t.name]));
  return {
    ws,
    timezone,
    now: Math.floor(Date.now() / 1000),
    admin: (id) => (id ? (admins.get(id) ?? `Teammate ${id}`) : null),
    team: (id) => (id ? (teams.get(id) ?? `Team ${id}`) : null),
  };
}
