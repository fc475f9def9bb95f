"use client";

import { useQuery } from "@tanstack/react-query";
import {
  AlertCircle,
  AlertTriangle,
  ChevronLeft,
  Download,
  Hourglass,
  Pause,
  Play,
  RotateCcw,
  Square,
  Undo2,
} from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "@/lib/notify";
import { useWorkspace } from "@/components/shell/workspace-context";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Skeleton } from "@/components/ui/skeleton";
import type { JobSummary } from "@/lib/bulk/types";
import { formatDateTime } from "@/lib/format/time";
import { isLive, jobQuery, useJobControl, useRefreshWhenJobEnds } from "@/lib/queries/bulk";
import { ApiError } from "@/lib/queries/fetcher";
import { JobItems } from "./job-items";
import { done, duration, JobStateBadge, OUTCOMES, ProgressBar } from "./job-parts";

const numbers = new Intl.NumberFormat("en");
function RateLimit({ job, timezone }: { job: JobSummary; timezone: string }) {
  const r = job.rateLimit;
  if (!r || r.limit === null || r.remaining === null) return null;
  const at = r.resetAt
    ? new Intl.DateTimeFormat("en-GB", {
        timeZone: timezone,
        hour: "2-digit",
        minute: "2-digit",
        second: "2-digit",
      }).format(r.resetAt * 1000)
    : null;
  return (
    <p className="text-xs text-muted-foreground">
      Intercom rate limit: {numbers.format(r.remaining)} of {numbers.format(r.limit)} calls left in the current window
      {at ? `, which resets at ${at}` : ""}. The job paces itself to stay under it.
    </p>
  );
}

/** One job: live progress, its controls, and every ticket's outcome. */
export function JobScreen({ id }: { id: string }) {
  const ws = useWorkspace();
  const router = useRouter();
  const query = useQuery(jobQuery(ws.id, id));
  const control = useJobControl(ws.id, id);
  const [undoing, setUndoing] = useState(false);
  const job = query.data;
  useRefreshWhenJobEnds(ws.id, job);

  if (query.error) {
    const missing = query.error instanceof ApiError && query.error.status === 404;
    return (
      <Alert variant="destructive">
        <AlertCircle aria-hidden="true" />
        <p>
          {missing
            ? "This job was not found in this workspace."
            : `The job could not be loaded: ${query.error.message}`}
        </p>
      </Alert>
    );
  }
  if (!job) return <Skeleton className="h-72" aria-label="Loading the job" />;

  const act = (what: "cancel" | "retry" | "resume") =>
    control.mutate(what, {
      onSuccess: () =>
        toast.success(
          what === "cancel"
            ? "Cancelling: calls in flight finish first"
            : what === "retry"
              ? "Running the failed tickets again"
              : "Job resumed",
        ),
      onError: (e) => toast.error(e.message),
    });
  const live = isLive(job);
  const left = job.counts.pending + job.counts.running;

  return (
    <div className="space-y-5">
      <Link
        href={`/w/${ws.id}/jobs`}
        className="inline-flex items-center gap-1 text-sm text-muted-foreground hover:text-foreground"
      >
        <ChevronLeft className="size-4" aria-hidden="true" /> Jobs
      </Link>
      <header className="flex flex-wrap items-start justify-between gap-3">
        <div className="space-y-1">
          <h1 className="text-xl font-semibold">{job.label}</h1>
          <p className="flex flex-wrap items-center gap-2 text-sm text-muted-foreground">
            <JobStateBadge state={job.state} />
            <span>
              {job.source} · by {job.createdBy.name ?? job.createdBy.email} ·{" "}
              {formatDateTime(job.createdAt, ws.timezone)}
            </span>
          </p>
          {job.undoOf && (
            <p className="text-sm">
              Undoes{" "}
              <Link href={`/w/${ws.id}/jobs/${job.undoOf}`} className="text-primary hover:underline">
                an earlier job
              </Link>
            </p>
          )}
          {job.undoneBy && (
            <p className="text-sm">
              Undone by{" "}
              <Link href={`/w/${ws.id}/jobs/${job.undoneBy}`} className="text-primary hover:underline">
                a later job
              </Link>
            </p>
          )}
        </div>
        <div role="group" aria-label="Job actions" className="flex flex-wrap gap-2">
          {["queued", "running", "paused"].includes(job.state) && (
            <Button variant="outline" size="sm" disabled={control.isPending} onClick={() => act("cancel")}>
              <Square aria-hidden="true" /> Cancel job
            </Button>
          )}
          {(job.state === "paused" || job.resumable) && (
            <Button variant="outline" size="sm" disabled={control.isPending} onClick={() => act("resume")}>
              <Play aria-hidden="true" /> Resume
            </Button>
          )}
          {!live && job.state !== "paused" && job.counts.failed > 0 && (
            <Button variant="outline" size="sm" disabled={control.isPending} onClick={() => act("retry")}>
              <RotateCcw aria-hidden="true" /> Retry {numbers.format(job.counts.failed)} failed
            </Button>
          )}
          {job.undoable && (
            <Button variant="outline" size="sm" disabled={control.isPending} onClick={() => setUndoing(true)}>
              <Undo2 aria-hidden="true" /> Undo
            </Button>
          )}
          <Button variant="outline" size="sm" asChild>
            <a href={`/api/w/${ws.id}/bulk-jobs/${job.id}/export`} download>
              <Download aria-hidden="true" /> Export CSV
            </a>
          </Button>
        </div>
      </header>

      {job.state === "paused" && job.pausedReason && (
        <Alert variant="warning">
          <Pause aria-hidden="true" />
          <p>{job.pausedReason}</p>
        </Alert>
      )}

      <Card>
        <CardContent className="space-y-3 pt-4">
          <ProgressBar job={job} label="Job progress" />
          <dl className="grid grid-cols-2 gap-3 text-sm sm:grid-cols-4 lg:grid-cols-7">
            {OUTCOMES.map(([key, label]) => (
              <div key={key}>
                <dt className="text-xs text-muted-foreground">{label}</dt>
                <dd className="text-lg font-semibold tabular-nums">{numbers.format(job.counts[key])}</dd>
              </div>
            ))}
            <div>
              <dt className="text-xs text-muted-foreground">Left</dt>
              <dd className="text-lg font-semibold tabular-nums">{numbers.format(left)}</dd>
            </div>
            <div>
              <dt className="text-xs text-muted-foreground">{live ? "Rate" : "Took"}</dt>
              <dd className="text-lg font-semibold tabular-nums">
                {live
                  ? job.rate !== null
                    ? `${job.rate.toFixed(1)}/s`
                    : "–"
                  : duration(job, job.finishedAt ?? job.createdAt)}
              </dd>
            </div>
          </dl>
          <p className="text-sm" aria-live="polite">
            {live
              ? `${numbers.format(done(job.counts))} of ${numbers.format(job.total)} tickets done${job.etaSeconds !== null ? `, about ${job.etaSeconds < 90 ? `${job.etaSeconds} s` : `${Math.ceil(job.etaSeconds / 60)} min`} left` : ""}.`
              : job.state === "completed"
                ? `Finished: ${numbers.format(job.counts.succeeded)} changed, ${numbers.format(job.counts.skipped)} skipped, ${numbers.format(job.counts.failed)} failed${job.counts.conflict ? `, ${numbers.format(job.counts.conflict)} conflicts` : ""}.`
                : job.state === "cancelled"
                  ? `Cancelled: ${numbers.format(job.counts.succeeded)} changed before it stopped${job.counts.not_run ? `, ${numbers.format(job.counts.not_run)} not run${job.resumable ? " (Resume runs them)" : ""}` : ""}.`
                  : "Paused."}
          </p>
          {job.waiting && (
            <p className="flex items-center gap-1.5 text-sm text-muted-foreground" role="status">
              <Hourglass className="size-4" aria-hidden="true" /> Waiting for another server to release{" "}
              {numbers.format(job.waiting.tickets)} {job.waiting.tickets === 1 ? "ticket" : "tickets"}, up to{" "}
              {job.waiting.seconds} s.
            </p>
          )}
          <RateLimit job={job} timezone={ws.timezone} />
          {job.counts.conflict > 0 && (
            <p className="flex items-center gap-1.5 text-sm text-warning">
              <AlertTriangle className="size-4" aria-hidden="true" /> {numbers.format(job.counts.conflict)} tickets were
              changed by someone else since the job ran and were left as they are.
            </p>
          )}
        </CardContent>
      </Card>

      <JobItems job={job} />

      <ConfirmDialog
        open={undoing}
        onOpenChange={setUndoing}
        title={`Undo “${job.label}”?`}
        description={
          <p>
            The {numbers.format(job.counts.succeeded)} tickets this job changed go back to how they were before it. A
            ticket someone changed since is left alone and listed as a conflict.
          </p>
        }
        confirmLabel="Start the undo"
        pending={control.isPending}
        onConfirm={() =>
          control.mutate("undo", {
            onSuccess: (undo) => {
              setUndoing(false);
              toast.success("Undo started");
              router.push(`/w/${ws.id}/jobs/${undo.id}`);
            },
            onError: (e) => toast.error(e.message),
          })
        }
      />
    </div>
  );
}
