"use client";

import { useQuery } from "@tanstack/react-query";
import { MoreHorizontal, Users } from "lucide-react";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useState } from "react";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { cn } from "@/lib/cn";
import { useViewMutations, viewsQuery } from "@/lib/queries/views";
import type { Resource } from "@/lib/search/fields";
import type { SavedView } from "@/lib/views/schemas";
import { RenameViewDialog } from "./rename-view-dialog";

/** A resource's saved views under its sidebar link, each with rename and delete when allowed. */
export function SidebarViews({ ws, resource, onNavigate }: { ws: string; resource: Resource; onNavigate?: () => void }) {
  const views = useQuery(viewsQuery(ws));
  const list = (views.data ?? []).filter((v) => v.resource === resource);
  if (list.length === 0) return null;
  return (
    <ul aria-label={`Saved ${resource} views`} className="ml-6 mt-0.5 space-y-0.5 border-l pl-2">
      {list.map((v) => (
        <ViewItem key={v.id} ws={ws} view={v} onNavigate={onNavigate} />
      ))}
    </ul>
  );
}

function ViewItem({ ws, view, onNavigate }: { ws: string; view: SavedView; onNavigate?: () => void }) {
  const pathname = usePathname();
  const search = useSearchParams();
  const router = useRouter();
  const { update, remove } = useViewMutations(ws);
  const [renaming, setRenaming] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const href = `/w/${ws}/${view.resource}?view=${view.id}`;
  const active = pathname === `/w/${ws}/${view.resource}` && search.get("view") === view.id;
  return (
    <li className="group flex items-center">
      <Link
        href={href}
        onClick={onNavigate}
        aria-current={active ? "page" : undefined}
        className={cn(
          "flex min-w-0 flex-1 items-center gap-1.5 rounded-md px-2 py-1 text-xs text-muted-foreground hover:bg-accent hover:text-accent-foreground",
          active && "bg-accent text-accent-foreground",
        )}
      >
        <span className="truncate" title={view.name}>
          {view.name}
        </span>
        {(view.shared || view.owner === "default") && <Users className="size-3 shrink-0 opacity-60" aria-label="Shared" />}
      </Link>
      {view.editable && (
        <DropdownMenu>
          <DropdownMenuTrigger
            className="rounded p-0.5 text-muted-foreground opacity-60 hover:bg-accent hover:opacity-100 focus-visible:opacity-100"
            aria-label={`Actions for view ${view.name}`}
          >
            <MoreHorizontal className="size-3.5" aria-hidden="true" />
          </DropdownMenuTrigger>
          <DropdownMenuContent align="start">
            <DropdownMenuItem onSelect={() => setRenaming(true)}>Rename</DropdownMenuItem>
            <DropdownMenuItem className="text-destructive data-[highlighted]:text-destructive" onSelect={() => setDeleting(true)}>
              Delete
            </DropdownMenuItem>
          </DropdownMenuContent>
        </DropdownMenu>
      )}
      <RenameViewDialog view={view} open={renaming} onOpenChange={setRenaming} onRename={(name) => update.mutateAsync({ id: view.id, patch: { name } })} />
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
    </li>
  );
}
