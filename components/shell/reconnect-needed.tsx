"use client";

import { PlugZap } from "lucide-react";
import Link from "next/link";
import { useWorkspace } from "@/components/shell/workspace-context";

/**
 * In place of a page's content while Intercom refuses the workspace's connection: nothing
 * is asked of Intercom until the lead reconnects.
 */
export function ReconnectNeeded() {
  const ws = useWorkspace();
  return (
    <div role="status" className="mx-auto mt-16 flex max-w-md flex-col items-center gap-3 text-center">
      <PlugZap className="size-6 text-muted-foreground" aria-hidden="true" />
      <h1 className="text-xl font-semibold">Reconnect to see this page</h1>
      <p className="text-sm text-muted-foreground">
        Intercom no longer accepts the connection to {ws.name}, so nothing is loaded from it until you reconnect the
        workspace.
      </p>
      <Link
        href={`/signin?workspace=${ws.id}`}
        className="text-sm font-medium text-primary underline-offset-4 hover:underline"
      >
        Sign in to Intercom again
      </Link>
    </div>
  );
}
