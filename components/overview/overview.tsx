"use client";

import { useQuery } from "@tanstack/react-query";
import { AlertCircle, RotateCw } from "lucide-react";
import Link from "next/link";
import { useWorkspace } from "@/components/shell/workspace-context";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { overviewQuery } from "@/lib/queries/overview";
import { TicketStateChart } from "./ticket-state-chart";

const number = new Intl.NumberFormat();

function Stat({ label, value, href }: { label: string; value: number; href: string }) {
  return (
    <Card>
      <CardContent className="p-4">
        <p className="text-xs font-medium text-muted-foreground">{label}</p>
        <Link href={href} className="mt-1 block text-2xl font-semibold tabular-nums hover:underline">
          {number.format(value)}
        </Link>
      </CardContent>
    </Card>
  );
}

export function Overview() {
  const ws = useWorkspace();
  const { data, error, isPending, refetch, isFetching } = useQuery(overviewQuery(ws.id));
  const base = `/w/${ws.id}`;

  if (isPending) {
    return (
      <div className="space-y-4" aria-busy="true" aria-label="Loading the overview">
        <div className="grid gap-3 sm:grid-cols-2 xl:grid-cols-4">
          {[0, 1, 2, 3].map((i) => (
            <Skeleton key={i} className="h-20" />
          ))}
        </div>
        <div className="grid gap-4 xl:grid-cols-2">
          <Skeleton className="h-72" />
          <Skeleton className="h-72" />
        </div>
      </div>
    );
  }
  if (error) {
    return (
      <Alert variant="destructive">
        <AlertCircle aria-hidden="true" />
        <div className="flex flex-1 flex-wrap items-center justify-between gap-2">
          <p>The overview could not be loaded: {error.message}</p>
          <Button size="sm" variant="outline" onClick={() => void refetch()} disabled={isFetching}>
            <RotateCw aria-hidden="true" /> Retry
          </Button>
        </div>
      </Alert>
    );
  }

  const resolved = data.tickets.byState.find((s) => s.category === "resolved")?.count ?? 0;
  return (
    <div className="space-y-4">
      <div className="grid gap-3 sm:grid-cols-2 xl:grid-cols-4">
        <Stat label="Open tickets" value={data.tickets.open} href={`${base}/tickets`} />
        <Stat label="Open tickets not yet resolved" value={data.tickets.open - resolved} href={`${base}/tickets`} />
        <Stat label="Open conversations" value={data.conversations.open} href={`${base}/conversations`} />
        <Stat
          label="Conversations waiting on a reply"
          value={data.conversations.waiting}
          href={`${base}/conversations`}
        />
      </div>
      <div className="grid gap-4 xl:grid-cols-2">
        <Card>
          <CardHeader>
            <CardTitle>Open tickets by state</CardTitle>
            <CardDescription>Grouped by state category across all ticket types.</CardDescription>
          </CardHeader>
          <CardContent>
            <TicketStateChart data={data.tickets.byState} />
            <table className="sr-only">
              <caption>Open tickets by state</caption>
              <tbody>
                {data.tickets.byState.map((s) => (
                  <tr key={s.category}>
                    <th scope="row">{s.label}</th>
                    <td>{s.count}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Open conversations by team</CardTitle>
            <CardDescription>Who is holding the queue right now.</CardDescription>
          </CardHeader>
          <CardContent>
            <table className="w-full text-sm">
              <caption className="sr-only">Open conversations by team</caption>
              <thead className="text-left text-xs text-muted-foreground">
                <tr>
                  <th scope="col" className="py-1.5 font-medium">
                    Team
                  </th>
                  <th scope="col" className="py-1.5 text-right font-medium">
                    Open
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.conversations.byTeam.map((t) => (
                  <tr key={t.teamId ?? "none"} className="border-t">
                    <td className="py-1.5">{t.name}</td>
                    <td className="py-1.5 text-right tabular-nums">{number.format(t.count)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </CardContent>
        </Card>
      </div>
      <Card>
        <CardHeader>
          <CardTitle>Segments</CardTitle>
          <CardDescription>Members per segment.</CardDescription>
        </CardHeader>
        <CardContent>
          {data.segments.length === 0 ? (
            <p className="text-sm text-muted-foreground">This workspace has no segments yet.</p>
          ) : (
            <ul className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-2 xl:grid-cols-3">
              {data.segments.map((s) => (
                <li key={s.id} className="flex items-center justify-between gap-2 border-b py-1.5">
                  <Link prefetch={false} href={`${base}/segments/${s.id}`} className="truncate hover:underline">
                    {s.name}
                  </Link>
                  <span className="tabular-nums text-muted-foreground">
                    {s.count === null ? "–" : number.format(s.count)}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </CardContent>
      </Card>
    </div>
  );
}
