import type { ReactNode } from "react";
import { cn } from "@/lib/cn";
import { Badge } from "@/components/ui/badge";
import type { ItemCounts, JobState, JobSummary } from "@/lib/bulk/types";

const STATE: Record<
  JobState,
  { label: string; variant: "default" | "secondary" | "success" | "warning" | "destructive" | "outline" }
> = {
  creating: { label: "Preparing", variant: "secondary" },
  queued: { label: "Queued", variant: "secondary" },
  running: { label: "Running", variant: "default" },
  cancelling: { label: "Cancelling", variant: "warning" },
  cancelled: { label: "Cancelled", variant: "outline" },
  completed: { label: "Completed", variant: "success" },
  paused: { label: "Paused", variant: "warning" },
};

export function JobStateBadge({ state }: { state: JobState }) {
  return <Badge variant={STATE[state].variant}>{STATE[state].label}</Badge>;
}

/** Tickets the job has finished with (not counting those a cancel left unrun). */
export const done = (c: ItemCounts) => c.succeeded + c.skipped + c.failed + c.conflict;

const numbers = new Intl.NumberFormat("en");

/** "2 min 5 s" */
export function duration(job: Pick<JobSummary, "startedAt" | "finishedAt">, nowSeconds: number): string {
  if (!job.startedAt) return "–";
  const s = Math.max(0, (job.finishedAt ?? nowSeconds) - job.startedAt);
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  return m < 60 ? `${m} min ${s % 60} s` : `${Math.floor(m / 60)} h ${m % 60} min`;
}

/** Counts by outcome, each with its colour, for progress bars and lists. */
export const OUTCOMES = [
  ["succeeded", "Succeeded", "bg-success"],
  ["skipped", "Skipped", "bg-muted-foreground/40"],
  ["failed", "Failed", "bg-destructive"],
  ["conflict", "Conflicts", "bg-warning"],
  ["not_run", "Not run", "bg-muted-foreground/15"],
] as const;

/** A bar split by outcome, with the numbers in words for assistive technology. */
export function ProgressBar({ job, label }: { job: Pick<JobSummary, "total" | "counts">; label: string }) {
  const finished = done(job.counts);
  const text = `${numbers.format(finished)} of ${numbers.format(job.total)} done: ${OUTCOMES.map(([k, l]) => `${numbers.format(job.counts[k])} ${l.toLowerCase()}`).join(", ")}`;
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={job.total}
      aria-valuenow={finished}
      aria-valuetext={text}
      className="flex h-2.5 w-full overflow-hidden rounded-full bg-muted"
    >
      {OUTCOMES.map(([key, , colour]) => (
        <div
          key={key}
          className={`${colour} h-full transition-[width]`}
          style={{ width: `${job.total ? (job.counts[key] / job.total) * 100 : 0}%` }}
        />
      ))}
    </div>
  );
}

/** A column of a jobs table: its heading, and classes for its cells' alignment or width. */
export type JobColumn = string | { label: string; className: string };

/** The bordered table both Jobs pages use: a caption for screen readers, a header row, the rows. */
export function JobTable({
  caption,
  columns,
  children,
}: {
  caption: string;
  columns: JobColumn[];
  children: ReactNode;
}) {
  return (
    <div className="overflow-x-auto rounded-lg border bg-card">
      <table className="w-full text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b bg-muted/40 text-left text-xs text-muted-foreground">
          <tr>
            {columns.map((c) => {
              const { label, className } = typeof c === "string" ? { label: c, className: "" } : c;
              return (
                <th key={label} scope="col" className={cn("px-3 py-2 font-medium", className)}>
                  {label}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
