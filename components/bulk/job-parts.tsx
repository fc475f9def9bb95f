import { Badge } from "@/components/ui/badge";
import type { ItemCounts, JobState, JobSummary } from "@/lib/bulk/types";

const STATE: Record<JobState, { label: string; variant: "default" | "secondary" | "success" | "warning" | "destructive" | "outline" }> = {
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
        <div key={key} className={`${colour} h-full transition-[width]`} style={{ width: `${job.total ? (job.counts[key] / job.total) * 100 : 0}%` }} />
      ))}
    </div>
  );
}
