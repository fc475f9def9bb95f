"use client";

import { useQuery } from "@tanstack/react-query";
import { AlertCircle, ListChecks } from "lucide-react";
import Link from "next/link";
import { useWorkspace } from "@/components/shell/workspace-context";
import { Alert } from "@/components/ui/alert";
import { Skeleton } from "@/components/ui/skeleton";
import { cn } from "@/lib/cn";
import { formatDateTime } from "@/lib/format/time";
import { jobsQuery } from "@/lib/queries/bulk";
import { done, duration, JobStateBadge, JobTable, ProgressBar } from "./job-parts";
import { RelativeTime } from "@/components/ui/relative-time";

const numbers = new Intl.NumberFormat("en");
/** The outcomes every row counts, even at zero. */
const COUNTED = [
  ["succeeded", "succeeded"],
  ["skipped", "skipped"],
  ["failed", "failed"],
  ["not_run", "not run"],
] as const;

/** Every bulk job of the workspace: who ran what, how far it got, how long it took. */
export function JobsScreen() {
  const ws = useWorkspace();
  const jobs = useQuery(jobsQuery(ws.id));
  if (jobs.isPending) return <Skeleton className="h-64" aria-label="Loading jobs" />;
  if (jobs.error)
    return (
      <Alert variant="destructive">
        <AlertCircle aria-hidden="true" />
        <p>The jobs could not be loaded: {jobs.error.message}</p>
      </Alert>
    );
  const list = jobs.data.jobs;
  if (list.length === 0) {
    return (
      <div className="mx-auto mt-10 flex max-w-md flex-col items-center gap-2 text-center text-sm text-muted-foreground">
        <ListChecks className="size-6" aria-hidden="true" />
        <p>
          No bulk jobs yet. Tick tickets on a ticket list (or select all matching a search), then choose a bulk action.
        </p>
        <Link href={`/w/${ws.id}/tickets`} className="font-medium text-primary hover:underline">
          Go to tickets
        </Link>
      </div>
    );
  }
  const now = jobs.dataUpdatedAt / 1000;
  return (
    <JobTable
      caption="Bulk jobs, newest first"
      columns={["Job", "By", "Started", { label: "Progress", className: "w-56" }, "Took", "State"]}
    >
      {list.map((job) => (
        <tr key={job.id} className="border-b last:border-0 hover:bg-accent/40">
          <td className="px-3 py-2">
            <Link href={`/w/${ws.id}/jobs/${job.id}`} className="font-medium hover:underline">
              {job.label}
            </Link>
            <p className="text-xs text-muted-foreground">{job.source}</p>
          </td>
          <td className="px-3 py-2 whitespace-nowrap">{job.createdBy.name ?? job.createdBy.email}</td>
          <td className="px-3 py-2 whitespace-nowrap" title={formatDateTime(job.createdAt, ws.timezone)}>
            <RelativeTime ts={job.createdAt} />
          </td>
          <td className="px-3 py-2">
            <ProgressBar job={job} label={`Progress of ${job.label}`} />
            <p className="mt-1 text-xs text-muted-foreground">
              {numbers.format(done(job.counts))} of {numbers.format(job.total)}
            </p>
            <ul
              aria-label={`Outcomes of ${job.label}`}
              className="flex flex-wrap gap-x-2 text-xs text-muted-foreground"
            >
              {COUNTED.map(([key, label]) => (
                <li key={key} className={cn(key === "failed" && job.counts.failed > 0 && "text-destructive")}>
                  <span className="tabular-nums">{numbers.format(job.counts[key])}</span> {label}
                </li>
              ))}
              {job.counts.conflict > 0 && (
                <li>
                  <span className="tabular-nums">{numbers.format(job.counts.conflict)}</span> conflicts
                </li>
              )}
            </ul>
          </td>
          <td className="px-3 py-2 whitespace-nowrap tabular-nums">{duration(job, now)}</td>
          <td className="px-3 py-2">
            <JobStateBadge state={job.state} />
          </td>
        </tr>
      ))}
    </JobTable>
  );
}
