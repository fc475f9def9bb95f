import type { Metadata } from "next";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { SignInPanel } from "@/components/auth/sign-in-panel";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { csrfCookieName, csrfTokenFrom } from "@/lib/auth/csrf";
import { SIGN_IN_ERRORS, signInTargets } from "@/lib/auth/options";
import { providerId } from "@/lib/auth/provider";
import { connectionsOf, getSessionUser } from "@/lib/auth/session";
import { REGION_HOSTS } from "@/lib/intercom/regions";
import { sandboxWorkspaces } from "@/lib/server/sandbox-directory";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

type Search = Promise<{ error?: string; connect?: string; workspace?: string; callbackUrl?: string; primed?: string }>;

export default async function SignInPage({ searchParams }: { searchParams: Search }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackPath(typeof params.callbackUrl === "string" ? params.callbackUrl : null);
  // Sign-in is a plain form posting next-auth's CSRF token, so a click before the scripts load is never lost.
  const csrfToken = csrfTokenFrom((await cookies()).get(csrfCookieName())?.value);
  if (!csrfToken && params.primed !== "1") {
    const back = new URLSearchParams({ ...stringParams(params), primed: "1" });
    redirect(`/api/auth/prepare?to=${encodeURIComponent(`/signin?${back}`)}`);
  }
  const user = await getSessionUser();
  const connected = user ? await connectionsOf(user) : [];
  const targets = signInTargets();
  const sandbox = targets.some((t) => t.kind === "sandbox") ? await sandboxWorkspaces() : null;
  const regions = targets.flatMap((t) =>
    t.kind === "intercom" ? [{ region: t.region, label: REGION_HOSTS[t.region].label, provider: providerId(t) }] : [],
  );
  const errorKey = params.error as keyof typeof SIGN_IN_ERRORS | undefined;
  const error = errorKey ? (SIGN_IN_ERRORS[errorKey] ?? SIGN_IN_ERRORS.Default) : null;
  return (
    <SignInPanel
      error={error}
      returnTo={errorKey === "expired" && callbackUrl !== "/" ? new URL(callbackUrl, "http://x").pathname : null}
      csrfToken={csrfToken}
      callbackUrl={callbackUrl}
      signedInAs={user?.email ?? null}
      connectedIds={connected.map((c) => c.workspaceId)}
      reconnect={params.workspace ?? null}
      sandbox={sandbox}
      sandboxConfigured={targets.some((t) => t.kind === "sandbox")}
      regions={regions}
    />
  );
}

function stringParams(params: Record<string, string | string[] | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(params).filter((e): e is [string, string] => typeof e[1] === "string"));
}
