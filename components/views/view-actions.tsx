"use client";

import { MoreHorizontal } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { useViewMutations } from "@/lib/queries/views";
import type { SavedView } from "@/lib/views/schemas";
import { RenameViewDialog } from "./rename-view-dialog";

const ACTIONS_TRIGGER =
  "rounded p-0.5 text-muted-foreground opacity-60 hover:bg-accent hover:opacity-100 focus-visible:opacity-100";
const ActionsIcon = () => <MoreHorizontal className="size-3.5" aria-hidden="true" />;

/** Rename and delete for one saved view. */
export function ViewActions({ ws, view, active }: { ws: string; view: SavedView; active: boolean }) {
  const router = useRouter();
  const { update, remove } = useViewMutations(ws);
  const [renaming, setRenaming] = useState(false);
  const [deleting, setDeleting] = useState(false);
  return (
    <>
      <DropdownMenu>
        <DropdownMenuTrigger className={ACTIONS_TRIGGER} aria-label={`Actions for view ${view.name}`}>
          <ActionsIcon />
        </DropdownMenuTrigger>
        <DropdownMenuContent align="start">
          <DropdownMenuItem onSelect={() => setRenaming(true)}>Rename</DropdownMenuItem>
          <DropdownMenuItem
            className="text-destructive data-[highlighted]:text-destructive"
            onSelect={() => setDeleting(true)}
          >
            Delete
          </DropdownMenuItem>
        </DropdownMenuContent>
      </DropdownMenu>
      <RenameViewDialog
        view={view}
        open={renaming}
        onOpenChange={setRenaming}
        onRename={(name) => update.mutateAsync({ id: view.id, patch: { name } })}
      />
      <ConfirmDialog
        open={deleting}
        onOpenChange={setDeleting}
        title={`Delete “${view.name}”?`}
        description={
          <p>
            {view.shared || view.owner === "default"
              ? "It disappears for everyone in the workspace."
              : "Only this view goes; no ticket or conversation changes."}
          </p>
        }
        confirmLabel="Delete view"
        destructive
        pending={remove.isPending}
        onConfirm={() =>
          remove.mutate(view, {
            onSuccess: () => {
              setDeleting(false);
              if (active) router.push(`/w/${ws}/${view.resource}`);
            },
          })
        }
      />
    </>
  );
}
