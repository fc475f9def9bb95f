import type { WorkspaceCatalog } from "@/lib/catalog/types";
import type { Names } from "./part-text";

/** Teammate and team names for timelines, from the workspace's catalogue (null until it loads). */
export function namesFrom(catalog: WorkspaceCatalog | null): Names {
  const admins = new Map((catalog?.admins ?? []).map((a) => [a.id, a.name]));
  const teams = new Map((catalog?.teams ?? []).map((t) => [t.id, t.name]));
  return {
    admin: (id) => (id === null ? null : (admins.get(id) ?? null)),
    team: (id) => (id === null ? null : (teams.get(id) ?? null)),
  };
}
