/** The catalogue checks tickets and conversations share: a teammate, team or tag must exist in the workspace. */
import type { FieldErrors, Names } from "./types";

export function assigneeError(names: Names, kind: "admin" | "team", id: string): FieldErrors | null {
  if (id === "0") return null;
  if (kind === "admin")
    return names.admins.some((a) => a.id === id) ? null : { admin_id: "That teammate is not in this workspace" };
  return names.teams.some((t) => t.id === id) ? null : { team_id: "That team is not in this workspace" };
}

export function tagError(names: Names, tagId: string): FieldErrors | null {
  return names.tags.some((t) => t.id === tagId) ? null : { tag_id: "That tag does not exist in this workspace" };
}

export function snoozeError(until: number, now: number): FieldErrors | null {
  return until <= now ? { until: "Choose a time in the future" } : null;
}

export function namer(names: Names) {
  return {
    admin: (id: string | null | undefined) =>
      !id || id === "0" ? "nobody" : (names.admins.find((a) => a.id === id)?.name ?? `teammate ${id}`),
    team: (id: string | null | undefined) =>
      !id || id === "0" ? "no team" : (names.teams.find((t) => t.id === id)?.name ?? `team ${id}`),
    tag: (id: string) => names.tags.find((t) => t.id === id)?.name ?? `tag ${id}`,
    type: (id: string) => names.ticketTypes.find((t) => t.id === id)?.name ?? `type ${id}`,
  };
}
