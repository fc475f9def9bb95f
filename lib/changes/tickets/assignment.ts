/** Assigning a ticket to a teammate or a team, and unassigning it. */
import type { TicketSnapshot } from "@/lib/bulk/types";
import { assigneeError, namer } from "../checks";
import type { TicketChange } from "../schema";
import { change, satisfied, type Call, type Names, type Plan } from "../types";
import type { Definitions, TicketChangeDefinition } from "./definition";

const touched = (_: unknown, t: TicketSnapshot) => [t.adminAssigneeId, t.teamAssigneeId];
const changedSince = () => "Reassigned since the job ran";

/** Intercom clears both assignees with "0"; the ones to keep are set again after it. */
function restore(_: unknown, before: TicketSnapshot, now: TicketSnapshot): Plan {
  const calls: Call[] = [];
  const clear =
    (before.adminAssigneeId === null && now.adminAssigneeId !== null) ||
    (before.teamAssigneeId === null && now.teamAssigneeId !== null);
  if (clear) calls.push({ kind: "update", body: { assignee_id: "0" } });
  if (before.adminAssigneeId && (clear || now.adminAssigneeId !== before.adminAssigneeId))
    calls.push({ kind: "update", body: { assignee_id: before.adminAssigneeId } });
  if (before.teamAssigneeId && (clear || now.teamAssigneeId !== before.teamAssigneeId))
    calls.push({ kind: "update", body: { assignee_id: before.teamAssigneeId } });
  return change(calls);
}

type Assign = Extract<TicketChange, { type: "assign_admin" | "assign_team" }>;

/** A teammate or a team: the same change, on its own assignee. */
function assignTo<K extends "assign_admin" | "assign_team">(type: K, kind: "admin" | "team"): Definitions[K] {
  const key = kind === "admin" ? "adminAssigneeId" : "teamAssigneeId";
  const to = (a: { admin_id: string } | { team_id: string }) => ("admin_id" in a ? a.admin_id : a.team_id);
  const name = (names: Names, id: string | null) =>
    kind === "admin" ? namer(names).admin(id) : `team ${namer(names).team(id)}`;
  const def: TicketChangeDefinition<Assign> = {
    check: (a, names) => assigneeError(names, kind, to(a)),
    plan: (a, t) => {
      const id = to(a) === "0" ? null : to(a);
      if (t[key] === id)
        return satisfied(
          id
            ? `Already ${kind === "admin" ? "assigned to that teammate" : "with that team"}`
            : `Already without a ${kind === "admin" ? "teammate" : "team"}`,
        );
      return change([{ kind: "update", body: { assignee_id: to(a) } }]);
    },
    touched,
    fields: [key],
    changedSince,
    restore,
    describe: (a, names) =>
      to(a) === "0" ? `Unassign the ${kind === "admin" ? "teammate" : "team"}` : `Assign to ${name(names, to(a))}`,
    attempt: (a, names) =>
      to(a) === "0" ? `unassign the ${kind === "admin" ? "teammate" : "team"}` : `assign it to ${name(names, to(a))}`,
    optimistic: (d, a) => ({ ...d, [key]: to(a) === "0" ? null : to(a) }),
    rolledBack: (d, _a, names) => `The ticket is back with ${name(names, d[key])}.`,
  };
  return def as unknown as Definitions[K];
}

export const assignment: Pick<Definitions, "assign_admin" | "assign_team" | "unassign"> = {
  assign_admin: assignTo("assign_admin", "admin"),
  assign_team: assignTo("assign_team", "team"),
  unassign: {
    check: () => null,
    plan: (_a, t) =>
      t.adminAssigneeId === null && t.teamAssigneeId === null
        ? satisfied("Already unassigned")
        : change([{ kind: "update", body: { assignee_id: "0" } }]),
    touched,
    fields: ["adminAssigneeId", "teamAssigneeId"],
    changedSince,
    restore,
    describe: () => "Unassign",
    attempt: () => "unassign it",
    optimistic: (d) => ({ ...d, adminAssigneeId: null, teamAssigneeId: null }),
    rolledBack: () => "Its assignees are back.",
  },
};
