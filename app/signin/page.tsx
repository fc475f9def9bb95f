import type { Metadata } from "next";
import { SignInPanel } from "@/components/auth/sign-in-panel";
import { SIGN_IN_ERRORS, signInTargets } from "@/lib/auth/options";
import { providerId } from "@/lib/auth/provider";
import { connectionsOf, getSessionUser } from "@/lib/auth/session";
import { REGION_HOSTS } from "@/lib/intercom/regions";
import { sandboxWorkspaces } from "@/lib/server/sandbox-directory";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

type Search = Promise<{ error?: string; connect?: string; workspace?: string }>;

export default async function SignInPage({ searchParams }: { searchParams: Search }) {
  const params = await searchParams;
  const user = await getSessionUser();
  const connected = user ? await connectionsOf(user) : [];
  const targets = signInTargets();
  const sandbox = targets.some((t) => t.kind === "sandbox") ? await sandboxWorkspaces() : null;
  const regions = targets.flatMap((t) => (t.kind === "intercom" ? [{ region: t.region, label: REGION_HOSTS[t.region].label, provider: providerId(t) }] : []));
  const errorKey = params.error as keyof typeof SIGN_IN_ERRORS | undefined;
  const error = errorKey ? (SIGN_IN_ERRORS[errorKey] ?? SIGN_IN_ERRORS.Default) : null;
  return (
    <SignInPanel
      error={error}
      signedInAs={user?.email ?? null}
      connectedIds={connected.map((c) => c.workspaceId)}
      reconnect={params.workspace ?? null}
      sandbox={sandbox}
      sandboxConfigured={targets.some((t) => t.kind === "sandbox")}
      regions={regions}
    />
  );
}
