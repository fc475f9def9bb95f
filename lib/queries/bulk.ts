import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import type { Selection } from "@/lib/bulk/schemas";
import type { ItemState, JobItemView, JobSummary, PreviewResult } from "@/lib/bulk/types";
import type { BulkTicketChange } from "@/lib/changes/schema";
import { fetchJson } from "./fetcher";
import { invalidateAfterChange } from "./invalidate";
import { keys } from "./keys";

const base = (ws: string) => `/api/w/${encodeURIComponent(ws)}/bulk-jobs`;
const LIVE: JobSummary["state"][] = ["queued", "running", "cancelling"];

/** Whether a job still changes on its own (so its page polls). */
export const isLive = (job: Pick<JobSummary, "state"> | undefined) => Boolean(job && LIVE.includes(job.state));

export function jobsQuery(ws: string) {
  return queryOptions({
    queryKey: keys.jobs(ws),
    queryFn: ({ signal }) => fetchJson<{ jobs: JobSummary[] }>(base(ws), { signal }),
    refetchInterval: (q) => (q.state.data?.jobs.some(isLive) ? 2_000 : false),
  });
}

/** A job's progress, polled every second while it runs (and after a reload: the server holds it). */
export function jobQuery(ws: string, id: string) {
  return queryOptions({
    queryKey: keys.job(ws, id),
    queryFn: ({ signal }) => fetchJson<JobSummary>(`${base(ws)}/${encodeURIComponent(id)}`, { signal }),
    refetchInterval: (q) => (isLive(q.state.data) ? 1_000 : false),
    staleTime: 0,
  });
}

export function jobItemsQuery(ws: string, id: string, state: ItemState | null, page: number, live: boolean) {
  const params = new URLSearchParams({ offset: String(page * 100), limit: "100", ...(state ? { state } : {}) });
  return queryOptions({
    queryKey: keys.jobItemsPage(ws, id, state, page),
    queryFn: ({ signal }) =>
      fetchJson<{ items: JobItemView[]; total: number }>(`${base(ws)}/${encodeURIComponent(id)}/items?${params}`, {
        signal,
      }),
    placeholderData: keepPreviousData,
    refetchInterval: live ? 2_000 : false,
  });
}

interface JobActivity {
  live: number;
  lastFinishedAt: number | null;
}

function jobActivityQuery(ws: string) {
  return queryOptions({
    queryKey: keys.jobActivity(ws),
    queryFn: ({ signal }) => fetchJson<JobActivity>(`${base(ws)}?activity=1`, { signal }),
    // Polled only while a job runs, so an idle page sends nothing (and its session can time out);
    // a job started elsewhere is noticed when the tab is shown again, or at once from this browser.
    refetchInterval: (q) => ((q.state.data?.live ?? 0) > 0 ? 2_000 : false),
    refetchOnWindowFocus: "always",
    staleTime: 0,
  });
}

/** Tabs of this browser tell each other when they start or control a job. */
const CHANNEL = "triage-bulk-jobs";

function announce(ws: string): void {
  if (typeof BroadcastChannel === "undefined") return;
  const channel = new BroadcastChannel(CHANNEL);
  channel.postMessage({ ws });
  channel.close();
}

/**
 * Keeps every open page true to what bulk jobs did, wherever they were started (another tab,
 * another lead, the API): when a job ends or is cancelled, ticket lists, counts, records and
 * the overview are read again, and so is the Jobs list.
 */
export function useJobActivityWatcher(ws: string): void {
  const client = useQueryClient();
  const { data } = useQuery(jobActivityQuery(ws));
  const seen = useRef<JobActivity | null>(null);
  useEffect(() => {
    if (typeof BroadcastChannel === "undefined") return;
    const channel = new BroadcastChannel(CHANNEL);
    channel.onmessage = (event: MessageEvent<{ ws?: string }>) => {
      if (event.data?.ws === ws) void client.invalidateQueries({ queryKey: keys.jobActivity(ws) });
    };
    return () => channel.close();
  }, [client, ws]);
  useEffect(() => {
    if (!data) return;
    const before = seen.current;
    seen.current = data;
    if (!before) return;
    if (data.lastFinishedAt !== before.lastFinishedAt || data.live < before.live) {
      void invalidateAfterChange(client, ws, "tickets");
      void client.invalidateQueries({ queryKey: keys.jobs(ws) });
    } else if (data.live !== before.live) {
      void client.invalidateQueries({ queryKey: keys.jobs(ws) });
    }
  }, [client, ws, data]);
}

/** When the job on screen ends, its tickets' outcomes are read once more, and so is everything it changed. */
export function useRefreshWhenJobEnds(ws: string, job: JobSummary | undefined): void {
  const client = useQueryClient();
  const wasLive = useRef<boolean | null>(null);
  const live = job ? isLive(job) : null;
  useEffect(() => {
    if (live === null || !job) return;
    const before = wasLive.current;
    wasLive.current = live;
    if (before === true && !live) {
      void client.invalidateQueries({ queryKey: keys.jobItems(ws, job.id) });
      void invalidateAfterChange(client, ws, "tickets");
      void client.invalidateQueries({ queryKey: keys.jobs(ws), exact: true });
    }
  }, [client, ws, job, live]);
}

export function usePreview(ws: string) {
  return useMutation({
    mutationFn: (body: { selection: Selection; action: BulkTicketChange }) =>
      fetchJson<PreviewResult>(`${base(ws)}/preview`, { method: "POST", body }),
  });
}

export function useCreateJob(ws: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { selection: Selection; action: BulkTicketChange; confirm?: string }) =>
      fetchJson<JobSummary>(base(ws), { method: "POST", body }),
    onSuccess: (job) => {
      client.setQueryData(keys.job(ws, job.id), job);
      void client.invalidateQueries({ queryKey: keys.jobs(ws), exact: true });
      void client.invalidateQueries({ queryKey: keys.jobActivity(ws) });
      announce(ws);
    },
  });
}

/** Cancel, retry failed, resume and undo: each answers a job to show. */
export function useJobControl(ws: string, id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (what: "cancel" | "retry" | "resume" | "undo") =>
      fetchJson<JobSummary>(`${base(ws)}/${encodeURIComponent(id)}/${what}`, { method: "POST", body: {} }),
    onSuccess: (job) => {
      client.setQueryData(keys.job(ws, job.id), job);
      void client.invalidateQueries({ queryKey: keys.job(ws, id) });
      void client.invalidateQueries({ queryKey: keys.jobs(ws), exact: true });
      void client.invalidateQueries({ queryKey: keys.jobActivity(ws) });
      announce(ws);
    },
  });
}
