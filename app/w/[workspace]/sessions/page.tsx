import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SessionsList } from "@/components/account/sessions-list";
import { PageHeader } from "@/components/shell/page-header";
import { getSessionUser, signInPath } from "@/lib/auth/session";
import { config } from "@/lib/config";
import { ownSessions } from "@/lib/server/page-data";

export const metadata: Metadata = { title: "Active sessions" };
export const dynamic = "force-dynamic";

export default async function SessionsPage() {
  const user = await getSessionUser();
  if (!user) redirect(await signInPath());
  const { maxAgeS, idleS } = config().session;
  return (
    <>
      <PageHeader
        title="Active sessions"
        description={`Browsers signed in as ${user.email}. A session ends after ${hours(idleS)} without activity, and ${hours(maxAgeS)} after signing in at the latest.`}
      />
      <SessionsList sessions={await ownSessions(user)} />
    </>
  );
}

function hours(seconds: number): string {
  if (seconds % 3600 === 0) return `${seconds / 3600} hour${seconds === 3600 ? "" : "s"}`;
  if (seconds % 60 === 0) return `${seconds / 60} minute${seconds === 60 ? "" : "s"}`;
  return `${seconds} seconds`;
}
