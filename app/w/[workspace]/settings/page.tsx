import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { PageHeader } from "@/components/shell/page-header";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { connectionsOf, getSessionUser, signInPath } from "@/lib/auth/session";
import { config } from "@/lib/config";
import { isRegion, REGION_HOSTS } from "@/lib/intercom/regions";
import { INTERCOM_VERSIONS, versionFeatures } from "@/lib/intercom/versions";

export const metadata: Metadata = { title: "Workspace settings" };
export const dynamic = "force-dynamic";

/** The workspace's region, the Intercom API version in use, and what that version turns on or off. */
export default async function SettingsPage({ params }: { params: Promise<{ workspace: string }> }) {
  const { workspace } = await params;
  const user = await getSessionUser();
  if (!user) redirect(await signInPath());
  const current = (await connectionsOf(user)).find((c) => c.workspaceId === workspace);
  if (!current) notFound();
  const version = config().intercomVersion;
  const region = current.region.toUpperCase();
  const features = versionFeatures(version);
  return (
    <>
      <PageHeader title="Workspace settings" description={`How this dashboard reaches ${current.workspaceName}.`} />
      <div className="grid max-w-3xl gap-4">
        <Card aria-labelledby="settings-connection">
          <CardHeader>
            <CardTitle id="settings-connection">Connection</CardTitle>
          </CardHeader>
          <CardContent>
            <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-2 text-sm">
              <dt className="text-muted-foreground">Region</dt>
              <dd>{isRegion(region) ? `${REGION_HOSTS[region].label} (${region})` : current.region}</dd>
              <dt className="text-muted-foreground">Intercom API version</dt>
              <dd>
                <span className="font-mono">{version}</span>
              </dd>
              <dt className="text-muted-foreground">Connected as</dt>
              <dd>
                {current.adminName} ({current.adminEmail})
              </dd>
              {current.target === "sandbox" && (
                <>
                  <dt className="text-muted-foreground">Runs on</dt>
                  <dd>The embedded sandbox</dd>
                </>
              )}
            </dl>
          </CardContent>
        </Card>
        <Card aria-labelledby="settings-features">
          <CardHeader>
            <CardTitle id="settings-features">What this version offers</CardTitle>
            <CardDescription>
              Set with <code className="font-mono">INTERCOM_VERSION</code> ({INTERCOM_VERSIONS.join(", ")}) when the
              dashboard starts. What a version lacks is left out of the pages.
            </CardDescription>
          </CardHeader>
          <CardContent>
            <ul className="divide-y text-sm">
              {features.map((f) => (
                <li key={f.key} className="flex flex-wrap items-start justify-between gap-x-4 gap-y-1 py-2.5">
                  <div className="min-w-0 flex-1">
                    <p className="font-medium">{f.label}</p>
                    {f.reason && <p className="text-muted-foreground">{f.reason}</p>}
                  </div>
                  <Badge variant={f.on ? "success" : "secondary"}>{f.on ? "On" : "Off"}</Badge>
                </li>
              ))}
            </ul>
          </CardContent>
        </Card>
      </div>
    </>
  );
}
