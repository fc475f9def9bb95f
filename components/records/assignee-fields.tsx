"use client";

import { LazyOptionPicker as OptionPicker } from "@/components/ui/lazy-option-picker";
import type { WorkspaceCatalog } from "@/lib/catalog/types";

/** "0" is how Intercom says nobody. */
export const UNASSIGNED = "0";

/** The two assignment actions tickets and conversations share. */
export type AssignAction = { type: "assign_admin"; admin_id: string } | { type: "assign_team"; team_id: string };

interface Props {
  catalog: WorkspaceCatalog | null;
  adminId: string | null;
  teamId: string | null;
  /** Runs an assignment; `success` is what to say once Intercom agrees. */
  onAssign: (a: AssignAction, success: string) => void;
  /** The admin picker opened from a shortcut. */
  adminOpen?: boolean;
  onAdminOpenChange?: (open: boolean) => void;
}

/** Pickers for the teammate and the team a record is assigned to, "Unassigned" first. */
export function AssigneeFields({ catalog, adminId, teamId, onAssign, adminOpen, onAdminOpenChange }: Props) {
  const admins = [
    { value: UNASSIGNED, label: "Unassigned" },
    ...(catalog?.admins ?? []).map((a) => ({ value: a.id, label: a.name, hint: a.email })),
  ];
  const teams = [
    { value: UNASSIGNED, label: "Unassigned" },
    ...(catalog?.teams ?? []).map((t) => ({ value: t.id, label: t.name })),
  ];
  const nameOf = (options: { value: string; label: string }[], id: string) =>
    options.find((o) => o.value === id)?.label;
  const onAdmin = (admin_id: string) =>
    onAssign(
      { type: "assign_admin", admin_id },
      admin_id === UNASSIGNED ? "Unassigned" : `Assigned to ${nameOf(admins, admin_id) ?? "teammate"}`,
    );
  const onTeam = (team_id: string) =>
    onAssign(
      { type: "assign_team", team_id },
      team_id === UNASSIGNED ? "Team unassigned" : `Assigned to ${nameOf(teams, team_id) ?? "team"}`,
    );
  return (
    <div className="space-y-3">
      <div className="space-y-1">
        <p className="text-sm font-medium">Teammate</p>
        <OptionPicker
          label="Assigned teammate"
          options={admins}
          value={adminId ?? UNASSIGNED}
          onChange={(v) => v !== (adminId ?? UNASSIGNED) && onAdmin(v as string)}
          open={adminOpen}
          onOpenChange={onAdminOpenChange}
          disabled={!catalog}
        />
      </div>
      <div className="space-y-1">
        <p className="text-sm font-medium">Team</p>
        <OptionPicker
          label="Assigned team"
          options={teams}
          value={teamId ?? UNASSIGNED}
          onChange={(v) => v !== (teamId ?? UNASSIGNED) && onTeam(v as string)}
          disabled={!catalog}
        />
      </div>
    </div>
  );
}
