"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { useWorkspace } from "@/components/shell/workspace-context";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import type { ItemState, JobSummary } from "@/lib/bulk/types";
import { cn } from "@/lib/cn";
import { isLive, jobItemsQuery } from "@/lib/queries/bulk";
import { JobTable } from "./job-parts";

const numbers = new Intl.NumberFormat("en");
const FILTERS: [ItemState | null, string][] = [
  [null, "All"],
  ["succeeded", "Succeeded"],
  ["skipped", "Skipped"],
  ["failed", "Failed"],
  ["conflict", "Conflicts"],
  ["pending", "Not run yet"],
  ["not_run", "Not run (cancelled)"],
];
const ITEM_BADGE: Record<ItemState, "success" | "secondary" | "destructive" | "warning" | "outline" | "default"> = {
  succeeded: "success",
  skipped: "secondary",
  failed: "destructive",
  conflict: "warning",
  pending: "outline",
  running: "default",
  not_run: "outline",
};

/** How each outcome reads in the table. */
export const ITEM_LABEL: Record<ItemState, string> = {
  pending: "Not run yet",
  running: "Running",
  succeeded: "Succeeded",
  skipped: "Skipped",
  failed: "Failed",
  conflict: "Conflict",
  not_run: "Not run (cancelled)",
};

/** A job's tickets, page by page, filtered by outcome. */
export function JobItems({ job }: { job: JobSummary }) {
  const ws = useWorkspace();
  const [filter, setFilter] = useState<ItemState | null>(null);
  const [page, setPage] = useState(0);
  const items = useQuery(jobItemsQuery(ws.id, job.id, filter, page, isLive(job)));
  const total = items.data?.total ?? 0;
  return (
    <section aria-labelledby="job-items" className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="job-items" className="text-sm font-semibold">
          Tickets
        </h2>
        <div role="group" aria-label="Show tickets" className="flex flex-wrap gap-1">
          {FILTERS.filter(([state]) => state !== "not_run" || job.counts.not_run > 0).map(([state, label]) => {
            const n = state
              ? state === "pending"
                ? job.counts.pending + job.counts.running
                : job.counts[state]
              : job.total;
            return (
              <Button
                key={label}
                size="sm"
                variant={filter === state ? "secondary" : "ghost"}
                aria-pressed={filter === state}
                onClick={() => {
                  setFilter(state);
                  setPage(0);
                }}
              >
                {label} <span className="tabular-nums text-muted-foreground">{numbers.format(n)}</span>
              </Button>
            );
          })}
        </div>
      </div>
      <JobTable
        caption={`Tickets of this job${filter ? `, ${filter}` : ""}`}
        columns={["Ticket", "Outcome", "Why", { label: "Tries", className: "text-right" }]}
      >
        {items.isPending
          ? Array.from({ length: 6 }, (_, i) => (
              <tr key={i}>
                <td colSpan={4} className="px-3 py-2">
                  <Skeleton className="h-4" />
                </td>
              </tr>
            ))
          : items.data?.items.map((item) => (
              <tr key={item.seq} className="border-b last:border-0">
                <td className="px-3 py-2">
                  <Link prefetch={false} href={`/w/${ws.id}/tickets/${item.ticketId}`} className="hover:underline">
                    <span className="mr-1.5 font-mono text-xs text-muted-foreground">#{item.ticketNumber}</span>
                    {item.title || "Untitled"}
                  </Link>
                </td>
                <td className="px-3 py-2">
                  <Badge variant={ITEM_BADGE[item.state]}>{ITEM_LABEL[item.state]}</Badge>
                </td>
                <td className={cn("px-3 py-2", item.error && "text-destructive")}>{item.error ?? item.reason ?? ""}</td>
                <td className="px-3 py-2 text-right tabular-nums">{item.attempts}</td>
              </tr>
            ))}
        {items.data && items.data.items.length === 0 && (
          <tr>
            <td colSpan={4} className="px-3 py-8 text-center text-muted-foreground">
              No tickets here.
            </td>
          </tr>
        )}
      </JobTable>
      {total > 100 && (
        <div className="flex items-center justify-end gap-2 text-sm">
          <span className="text-muted-foreground">
            {numbers.format(page * 100 + 1)}–{numbers.format(Math.min(total, page * 100 + 100))} of{" "}
            {numbers.format(total)}
          </span>
          <Button size="sm" variant="outline" disabled={page === 0} onClick={() => setPage((p) => p - 1)}>
            Previous
          </Button>
          <Button
            size="sm"
            variant="outline"
            disabled={(page + 1) * 100 >= total}
            onClick={() => setPage((p) => p + 1)}
          >
            Next
          </Button>
        </div>
      )}
    </section>
  );
}
