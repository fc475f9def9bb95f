"use client";

import { useQueryClient } from "@tanstack/react-query";
import { AlertTriangle } from "lucide-react";
import dynamic from "next/dynamic";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, type ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { markReturn } from "@/lib/drafts";
import { useJobActivityWatcher } from "@/lib/queries/bulk";
import { ApiError, signInAgainUrl } from "@/lib/queries/fetcher";
import { SidebarNav } from "./sidebar-nav";
import { WorkspaceProvider, type WorkspaceInfo } from "./workspace-context";
import type { SwitcherWorkspace } from "./workspace-switcher";

/**
 * The shell's menus and the small-screen sheet: their code loads after the page's own, and
 * they appear once it has (a placeholder of their size until then, so nothing moves).
 */
const WorkspaceSwitcher = dynamic(() => import("./workspace-switcher").then((m) => m.WorkspaceSwitcher), {
  ssr: false,
  loading: () => <Skeleton className="h-13.5" />,
});
const UserMenu = dynamic(() => import("./user-menu").then((m) => m.UserMenu), {
  ssr: false,
  loading: () => <Skeleton className="h-12" />,
});
const MobileNav = dynamic(() => import("./mobile-nav").then((m) => m.MobileNav), {
  ssr: false,
  loading: () => <Skeleton className="size-8" />,
});

interface Props {
  workspace: WorkspaceInfo;
  workspaces: SwitcherWorkspace[];
  user: { name: string; email: string };
  children: ReactNode;
}

function SidebarBody({
  workspace,
  workspaces,
  user,
  onNavigate,
}: Omit<Props, "children"> & { onNavigate?: () => void }) {
  return (
    <div className="flex h-full flex-col gap-4">
      <Link
        href={`/w/${workspace.id}`}
        className="px-1 text-sm font-semibold tracking-wide text-primary"
        onClick={onNavigate}
      >
        Triage
      </Link>
      <WorkspaceSwitcher current={workspace} workspaces={workspaces} />
      <SidebarNav workspace={workspace.id} onNavigate={onNavigate} />
      <div className="mt-auto border-t pt-3">
        <UserMenu name={user.name || workspace.adminName} email={user.email} />
      </div>
    </div>
  );
}

/**
 * A 401 from Intercom marks the connection; refreshing the layout shows the reconnect banner.
 * A 401 from the dashboard itself means the session ended (signed out elsewhere, idle, or
 * past its lifetime): the lead signs in again and comes back to this very page, where
 * drafts kept in the browser are restored.
 */
function useAuthWatcher() {
  const queryClient = useQueryClient();
  const router = useRouter();
  useEffect(() => {
    const onError = (error: unknown) => {
      if (!(error instanceof ApiError)) return;
      if (error.needsReconnect) router.refresh();
      else if (error.sessionEnded) {
        markReturn(window.location.pathname);
        window.location.assign(signInAgainUrl());
      }
    };
    const queries = queryClient.getQueryCache().subscribe((event) => {
      if (event.type === "updated" && event.action.type === "error") onError(event.action.error);
    });
    const mutations = queryClient.getMutationCache().subscribe((event) => {
      if (event.type === "updated" && event.action.type === "error") onError(event.action.error);
    });
    return () => {
      queries();
      mutations();
    };
  }, [queryClient, router]);
}

export function Shell({ workspace, workspaces, user, children }: Props) {
  useAuthWatcher();
  useJobActivityWatcher(workspace.id);
  return (
    <WorkspaceProvider value={workspace}>
      <div className="flex min-h-dvh">
        <aside className="sticky top-0 hidden h-dvh w-60 shrink-0 border-r bg-sidebar p-3 md:block">
          <SidebarBody workspace={workspace} workspaces={workspaces} user={user} />
        </aside>
        <div className="flex min-w-0 flex-1 flex-col">
          <header className="flex items-center gap-2 border-b px-3 py-2 md:hidden">
            <MobileNav
              body={(close) => (
                <SidebarBody workspace={workspace} workspaces={workspaces} user={user} onNavigate={close} />
              )}
            />
            <span className="truncate text-sm font-medium">{workspace.name}</span>
          </header>
          {workspace.status === "needs_reconnect" && (
            <div className="px-4 pt-4 md:px-6">
              <Alert variant="warning">
                <AlertTriangle aria-hidden="true" />
                <div className="flex flex-1 flex-wrap items-center justify-between gap-2">
                  <p>
                    Intercom no longer accepts this workspace&apos;s connection (the app may have been uninstalled or
                    the token revoked).
                  </p>
                  <Button asChild size="sm">
                    <Link href={`/signin?workspace=${workspace.id}`}>Reconnect {workspace.name}</Link>
                  </Button>
                </div>
              </Alert>
            </div>
          )}
          <main id="main" className="min-w-0 flex-1 px-4 py-5 md:px-6">
            {children}
          </main>
        </div>
      </div>
    </WorkspaceProvider>
  );
}
