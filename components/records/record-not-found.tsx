"use client";

import { SearchX } from "lucide-react";
import Link from "next/link";
import { useWorkspace } from "@/components/shell/workspace-context";

/** A record that does not exist in this workspace (deleted, or a wrong link). */
export function RecordNotFound({
  what,
  list,
}: {
  what: "ticket" | "conversation" | "segment" | "contact";
  list: "tickets" | "conversations" | "segments" | "contacts";
}) {
  const ws = useWorkspace();
  return (
    <div className="mx-auto mt-16 flex max-w-md flex-col items-center gap-3 text-center">
      <SearchX className="size-6 text-muted-foreground" aria-hidden="true" />
      <p className="text-sm font-semibold text-primary">404</p>
      <h1 className="text-xl font-semibold">This {what} was not found</h1>
      <p className="text-sm text-muted-foreground">
        It may have been deleted, or the link points to another workspace than {ws.name}.
      </p>
      <Link
        href={`/w/${ws.id}/${list}`}
        className="text-sm font-medium text-primary underline-offset-4 hover:underline"
      >
        Back to {list}
      </Link>
    </div>
  );
}
