"use client";

import { AlertCircle, ArrowRight, FlaskConical, Globe2 } from "lucide-react";
import Link from "next/link";
import { useEffect, useState, type ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { markReturn } from "@/lib/drafts";

interface Props {
  error: string | null;
  /** next-auth's CSRF token for the forms; null when this browser keeps no cookies. */
  csrfToken: string | null;
  /** Where to land after signing in. */
  callbackUrl: string;
  /** The page a lead whose session ended is returning to: its kept edits come back there. */
  returnTo: string | null;
  signedInAs: string | null;
  connectedIds: string[];
  /** A workspace whose connection needs renewing. */
  reconnect: string | null;
  sandbox: { id_code: string; name: string; region: string }[] | null;
  sandboxConfigured: boolean;
  regions: { region: string; label: string; provider: string }[];
}

/**
 * Every way in is a plain HTML form posting to next-auth with its CSRF token: it works before
 * the page's scripts have loaded, so a click is never lost. Scripts only add "Redirecting…".
 */
export function SignInPanel({
  error,
  csrfToken,
  callbackUrl,
  returnTo,
  signedInAs,
  connectedIds,
  reconnect,
  sandbox,
  sandboxConfigured,
  regions,
}: Props) {
  const [pending, setPending] = useState<string | null>(null);
  useEffect(() => {
    if (returnTo) markReturn(returnTo);
  }, [returnTo]);
  const connecting = signedInAs !== null;
  const form = { csrfToken, callbackUrl, onStart: setPending };

  return (
    <main className="mx-auto flex min-h-dvh w-full max-w-xl flex-col justify-center gap-6 px-4 py-12">
      <header className="space-y-2">
        <p className="text-sm font-semibold tracking-wide text-primary">Triage for Intercom</p>
        <h1 className="text-2xl font-semibold">{connecting ? "Connect another workspace" : "Sign in with Intercom"}</h1>
        <p className="text-sm text-muted-foreground">
          {connecting
            ? `You are signed in as ${signedInAs}. Connect workspaces where your teammate account uses the same verified email.`
            : "Search, read and triage your workspace's tickets and conversations. Your Intercom token stays on the server."}
        </p>
      </header>

      {csrfToken === null && (
        <Alert variant="destructive">
          <AlertCircle aria-hidden="true" />
          <p>This browser did not keep the sign-in cookie. Allow cookies for this site, then reload the page.</p>
        </Alert>
      )}

      {error && (
        <Alert variant="destructive">
          <AlertCircle aria-hidden="true" />
          <p>{error}</p>
        </Alert>
      )}

      {sandboxConfigured && (
        <Card>
          <CardHeader>
            <CardTitle className="flex items-center gap-2">
              <FlaskConical className="size-4" aria-hidden="true" /> Sandbox workspaces
            </CardTitle>
            <CardDescription>
              Seeded workspaces that behave like Intercom. Nothing here touches a real customer.
            </CardDescription>
          </CardHeader>
          <CardContent className="space-y-2">
            {sandbox === null && (
              <p className="text-sm text-destructive">
                The sandbox is not answering. Restart the dashboard and try again.
              </p>
            )}
            {sandbox?.map((ws) => {
              const isConnected = connectedIds.includes(ws.id_code) && reconnect !== ws.id_code;
              return (
                <div key={ws.id_code} className="flex items-center justify-between gap-3 rounded-md border px-3 py-2">
                  <div className="min-w-0">
                    <p className="truncate text-sm font-medium">{ws.name}</p>
                    <p className="text-xs text-muted-foreground">
                      <Badge variant="secondary" className="mr-2">
                        {ws.region}
                      </Badge>
                      {ws.id_code}
                    </p>
                  </div>
                  {isConnected ? (
                    <Button asChild variant="outline" size="sm">
                      <Link href={`/w/${ws.id_code}`} aria-label={`Open ${ws.name}`}>
                        Open <ArrowRight aria-hidden="true" />
                      </Link>
                    </Button>
                  ) : (
                    <StartForm
                      {...form}
                      provider="intercom-sandbox"
                      pendingKey={ws.id_code}
                      hint={{ workspace: ws.id_code }}
                    >
                      <Button
                        type="submit"
                        size="sm"
                        disabled={pending !== null}
                        aria-label={`${reconnect === ws.id_code ? "Reconnect" : connecting ? "Connect" : "Sign in to"} ${ws.name}`}
                      >
                        {pending === ws.id_code
                          ? "Redirecting…"
                          : reconnect === ws.id_code
                            ? "Reconnect"
                            : connecting
                              ? "Connect"
                              : "Sign in"}
                      </Button>
                    </StartForm>
                  )}
                </div>
              );
            })}
          </CardContent>
        </Card>
      )}

      {regions.length > 0 && (
        <Card>
          <CardHeader>
            <CardTitle className="flex items-center gap-2">
              <Globe2 className="size-4" aria-hidden="true" /> Intercom
            </CardTitle>
            <CardDescription>Choose the region your workspace is hosted in.</CardDescription>
          </CardHeader>
          <CardContent>
            <ul className="flex flex-wrap gap-2">
              {regions.map((r) => (
                <li key={r.provider}>
                  <StartForm {...form} provider={r.provider} pendingKey={r.provider}>
                    <Button
                      type="submit"
                      variant="outline"
                      disabled={pending !== null}
                      aria-label={`Sign in with Intercom in ${r.label} (${r.region})`}
                    >
                      {pending === r.provider ? "Redirecting…" : `${r.label} (${r.region})`}
                    </Button>
                  </StartForm>
                </li>
              ))}
            </ul>
          </CardContent>
        </Card>
      )}

      {connecting && (
        <p className="text-sm">
          <Link className="text-primary underline-offset-4 hover:underline" href="/">
            Back to the dashboard
          </Link>
        </p>
      )}
    </main>
  );
}

interface StartFormProps {
  provider: string;
  pendingKey: string;
  hint?: Record<string, string>;
  csrfToken: string | null;
  callbackUrl: string;
  onStart: (key: string) => void;
  children: ReactNode;
}

/** Starts next-auth's OAuth flow for a provider: a POST with the CSRF token, no script needed. */
function StartForm({ provider, pendingKey, hint, csrfToken, callbackUrl, onStart, children }: StartFormProps) {
  const query = new URLSearchParams(hint).toString();
  return (
    <form
      method="post"
      action={`/api/auth/signin/${encodeURIComponent(provider)}${query ? `?${query}` : ""}`}
      onSubmit={() => onStart(pendingKey)}
    >
      <input type="hidden" name="csrfToken" value={csrfToken ?? ""} />
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      {children}
    </form>
  );
}
