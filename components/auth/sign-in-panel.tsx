"use client";

import { AlertCircle, ArrowRight, FlaskConical, Globe2 } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { signInWith } from "@/lib/auth/client";

interface Props {
  error: string | null;
  signedInAs: string | null;
  connectedIds: string[];
  /** A workspace whose connection needs renewing. */
  reconnect: string | null;
  sandbox: { id_code: string; name: string; region: string }[] | null;
  sandboxConfigured: boolean;
  regions: { region: string; label: string; provider: string }[];
}

export function SignInPanel({ error, signedInAs, connectedIds, reconnect, sandbox, sandboxConfigured, regions }: Props) {
  const [pending, setPending] = useState<string | null>(null);
  const [region, setRegion] = useState(regions[0]?.provider ?? "");
  const start = (provider: string, key: string, hint?: Record<string, string>) => {
    setPending(key);
    void signInWith(provider, "/", hint);
  };
  const connecting = signedInAs !== null;

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
            <CardDescription>Seeded workspaces that behave like Intercom. Nothing here touches a real customer.</CardDescription>
          </CardHeader>
          <CardContent className="space-y-2">
            {sandbox === null && <p className="text-sm text-destructive">The sandbox is not answering. Restart the dashboard and try again.</p>}
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
                    <Button
                      size="sm"
                      disabled={pending !== null}
                      aria-label={`${reconnect === ws.id_code ? "Reconnect" : connecting ? "Connect" : "Sign in to"} ${ws.name}`}
                      onClick={() => start("intercom-sandbox", ws.id_code, { workspace: ws.id_code })}
                    >
                      {pending === ws.id_code ? "Redirecting…" : reconnect === ws.id_code ? "Reconnect" : connecting ? "Connect" : "Sign in"}
                    </Button>
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
            <form
              className="space-y-3"
              onSubmit={(e) => {
                e.preventDefault();
                start(region, region);
              }}
            >
              <fieldset className="flex flex-wrap gap-2">
                <legend className="sr-only">Region</legend>
                {regions.map((r) => (
                  <label
                    key={r.provider}
                    className="flex cursor-pointer items-center gap-2 rounded-md border px-3 py-2 text-sm has-[:checked]:border-primary has-[:checked]:bg-accent"
                  >
                    <input type="radio" name="region" value={r.provider} checked={region === r.provider} onChange={() => setRegion(r.provider)} />
                    {r.label} ({r.region})
                  </label>
                ))}
              </fieldset>
              <Button type="submit" disabled={pending !== null}>
                {pending === region ? "Redirecting…" : "Sign in with Intercom"}
              </Button>
            </form>
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
