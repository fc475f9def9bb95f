"use client";

import { ChevronsUpDown, Plus, Unplug } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "@/lib/notify";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuRadioGroup,
  DropdownMenuRadioItem,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { fetchJson } from "@/lib/queries/fetcher";
import { RegionBadge } from "./region-badge";
import type { WorkspaceInfo } from "./workspace-context";

export interface SwitcherWorkspace {
  id: string;
  name: string;
  region: string;
  target: "intercom" | "sandbox";
  status: "active" | "needs_reconnect";
}

const SWITCHER_TRIGGER =
  "flex w-full items-center gap-2 rounded-md border bg-background px-2.5 py-2 text-left text-sm shadow-xs hover:bg-accent";
const switcherLabel = (name: string) => `Workspace: ${name}. Switch workspace`;

/** The current workspace as the switcher shows it: name, id, region. */
function SwitcherFace({ current }: { current: Pick<WorkspaceInfo, "name" | "id" | "region" | "target"> }) {
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

/** Switch, connect or disconnect workspaces. */
export function WorkspaceSwitcher({
  current,
  workspaces,
}: {
  current: WorkspaceInfo;
  workspaces: SwitcherWorkspace[];
}) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [pending, setPending] = useState(false);
  const disconnect = async () => {
    setPending(true);
    try {
      await fetchJson(`/api/w/${encodeURIComponent(current.id)}/connection`, { method: "DELETE" });
      toast.success(`${current.name} disconnected`);
      setConfirming(false);
      router.push("/");
      router.refresh();
    } catch (e) {
      toast.error((e as Error).message);
    } finally {
      setPending(false);
    }
  };
  return (
    <>
      <DropdownMenu>
        <DropdownMenuTrigger className={SWITCHER_TRIGGER} aria-label={switcherLabel(current.name)}>
          <SwitcherFace current={current} />
        </DropdownMenuTrigger>
        <DropdownMenuContent align="start" className="w-72">
          <DropdownMenuLabel>Workspaces</DropdownMenuLabel>
          <DropdownMenuRadioGroup value={current.id} onValueChange={(id) => router.push(`/w/${id}`)}>
            {workspaces.map((w) => (
              <DropdownMenuRadioItem key={w.id} value={w.id}>
                <span className="min-w-0 flex-1 truncate">{w.name}</span>
                {w.status === "needs_reconnect" && <span className="text-xs text-destructive">reconnect</span>}
                <RegionBadge region={w.region} target={w.target} />
              </DropdownMenuRadioItem>
            ))}
          </DropdownMenuRadioGroup>
          <DropdownMenuSeparator />
          <DropdownMenuItem onSelect={() => router.push("/signin?connect=1")}>
            <Plus aria-hidden="true" /> Connect another workspace
          </DropdownMenuItem>
          <DropdownMenuItem
            onSelect={() => setConfirming(true)}
            className="text-destructive data-[highlighted]:text-destructive"
          >
            <Unplug aria-hidden="true" /> Disconnect {current.name}
          </DropdownMenuItem>
        </DropdownMenuContent>
      </DropdownMenu>
      <ConfirmDialog
        open={confirming}
        onOpenChange={setConfirming}
        title={`Disconnect ${current.name}?`}
        description={
          <p>
            The dashboard deletes this workspace&apos;s token and forgets the connection. Nothing changes in Intercom,
            and you can connect it again later.
          </p>
        }
        confirmLabel="Disconnect"
        destructive
        pending={pending}
        onConfirm={() => void disconnect()}
      />
    </>
  );
}
