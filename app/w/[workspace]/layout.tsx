import { notFound, redirect } from "next/navigation";
import type { ReactNode } from "react";
import { Shell } from "@/components/shell/shell";
import { connectionsOf, getSessionUser, signInPath } from "@/lib/auth/session";
import { config } from "@/lib/config";
import { apiBaseUrl } from "@/lib/intercom/regions";

export const dynamic = "force-dynamic";

/** Signed-in pages: the workspace in the URL must be one of this lead's connections. */
export default async function WorkspaceLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ workspace: string }>;
}) {
  const { workspace } = await params;
  const user = await getSessionUser();
  if (!user) redirect(await signInPath());
  const connections = await connectionsOf(user);
  const current = connections.find((c) => c.workspaceId === workspace);
  if (!current) notFound();
  return (
    <Shell
      user={{ name: user.name, email: user.email }}
      workspace={{
        id: current.workspaceId,
        name: current.workspaceName,
        region: current.region,
        timezone: current.timezone,
        target: current.target,
        adminId: current.adminId,
        adminName: current.adminName,
        adminEmail: current.adminEmail,
        status: current.status,
        apiBase: apiBaseUrl(current.target, current.region, config().sandbox.url),
        intercomVersion: config().intercomVersion,
      }}
      workspaces={connections.map((c) => ({
        id: c.workspaceId,
        name: c.workspaceName,
        region: c.region,
        target: c.target,
        status: c.status,
      }))}
    >
      {children}
    </Shell>
  );
}
