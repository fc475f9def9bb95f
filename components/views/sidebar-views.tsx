"use client";

import { useQuery } from "@tanstack/react-query";
import { Users } from "lucide-react";
import dynamic from "next/dynamic";
import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import { cn } from "@/lib/cn";
import { viewsQuery } from "@/lib/queries/views";
import type { Resource } from "@/lib/search/fields";
import type { SavedView } from "@/lib/views/schemas";

/** Rename and delete: their code loads after the page's own. */
const ViewActions = dynamic(() => import("./view-actions").then((m) => m.ViewActions), { ssr: false });

/** A resource's saved views under its sidebar link, each with rename and delete when allowed. */
export function SidebarViews({
  ws,
  resource,
  onNavigate,
}: {
  ws: string;
  resource: Resource;
  onNavigate?: () => void;
}) {
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
        {(view.shared || view.owner === "default") && (
          <Users className="size-3 shrink-0 opacity-60" aria-label="Shared" />
        )}
      </Link>
      {view.editable && <ViewActions ws={ws} view={view} active={active} />}
    </li>
  );
}
