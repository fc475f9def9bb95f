import { redirect } from "next/navigation";
import { connectionsOf, getSessionUser, signInPath } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

/** Lands a lead on their most recently connected workspace. */
export default async function Home() {
  const user = await getSessionUser();
  if (!user) redirect(await signInPath());
  const connections = await connectionsOf(user);
  if (connections.length === 0) redirect("/signin?connect=1");
  const last = connections.find((c) => c.workspaceId === user.lastWorkspace) ?? connections.at(-1)!;
  redirect(`/w/${last.workspaceId}`);
}
