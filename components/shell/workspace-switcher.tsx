"use client";

import { ChevronsUpDown } from "lucide-react";
import { LazyMenu } from "@/components/ui/lazy-menu";
import { RegionBadge } from "./region-badge";
import type { WorkspaceInfo } from "./workspace-context";

export interface SwitcherWorkspace {
  id: string;
  name: string;
  region: string;
  target: "intercom" | "sandbox";
  status: "active" | "needs_reconnect";
}

export const SWITCHER_TRIGGER =
  "flex w-full items-center gap-2 rounded-md border bg-background px-2.5 py-2 text-left text-sm shadow-xs hover:bg-accent";
export const switcherLabel = (name: string) => `Workspace: ${name}. Switch workspace`;

/** The current workspace as the switcher shows it: name, id, region. */
export function SwitcherFace({ current }: { current: Pick<WorkspaceInfo, "name" | "id" | "region" | "target"> }) {
  return (
    <>
      <span className="min-w-0 flex-1">
        <span className="block truncate font-medium">{current.name}</span>
        <span className="block truncate text-xs text-muted-foreground">{current.id}</span>
      </span>
      <RegionBadge region={current.region} target={current.target} />
      <ChevronsUpDown className="size-4 text-muted-foreground" aria-hidden="true" />
    </>
  );
}

/** Switch, connect or disconnect workspaces; the menu's code loads when first opened. */
export function WorkspaceSwitcher({
  current,
  workspaces,
}: {
  current: WorkspaceInfo;
  workspaces: SwitcherWorkspace[];
}) {
  return (
    <LazyMenu
      load={() => import("./workspace-menu").then((m) => m.WorkspaceMenu)}
      props={{ current, workspaces }}
      trigger={(handlers) => (
        <button
          type="button"
          className={SWITCHER_TRIGGER}
          aria-label={switcherLabel(current.name)}
          aria-haspopup="menu"
          aria-expanded={false}
          {...handlers}
        >
          <SwitcherFace current={current} />
        </button>
      )}
    />
  );
}
