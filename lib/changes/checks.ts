/**
 * The checks tickets and conversations share: a teammate, team or tag must exist in the
 * workspace, and the configured Intercom version must have what a change needs.
 */
import { HttpError } from "@/lib/http/errors";
import { featuresOf, whyUnavailable, type IntercomVersion } from "@/lib/intercom/versions";
import type { ConversationChange, StoredTicketChange, TicketChange } from "./schema";
import type { FieldErrors, Names } from "./types";

/**
 * A change the version cannot make, refused before anything reaches Intercom: a type change
 * before 2.16; a priority level under a version with the on/off flag, and the flag under one
 * with levels.
 */
export function versionRefusal(
  version: IntercomVersion,
  change: TicketChange | StoredTicketChange | ConversationChange,
): HttpError | null {
  if (change.type === "change_type") {
    const why = whyUnavailable("changeType", version);
    return why ? new HttpError("not_in_version", why) : null;
  }
  if (change.type === "set_priority") {
    const levels = featuresOf(version).priorityLevels;
    if (typeof change.priority === "string" && !levels) {
      const why = whyUnavailable("priorityLevels", version) ?? "";
      return new HttpError("not_in_version", why, { priority: why });
    }
    if (typeof change.priority === "boolean" && levels) {
      const why = `Intercom API ${version} sets a priority level: none, low, medium, high or urgent`;
      return new HttpError("not_in_version", why, { priority: why });
    }
  }
  return null;
}

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
