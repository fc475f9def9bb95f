import { keepPreviousData, queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import type { Selection } from "@/lib/bulk/schemas";
import type { ItemState, JobItemView, JobSummary, PreviewResult } from "@/lib/bulk/types";
import type { BulkTicketChange } from "@/lib/changes/schema";
import { fetchJson } from "./fetcher";
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
    queryKey: keys.jobItems(ws, id, state, page),
    queryFn: ({ signal }) =>
      fetchJson<{ items: JobItemView[]; total: number }>(`${base(ws)}/${encodeURIComponent(id)}/items?${params}`, {
        signal,
      }),
    placeholderData: keepPreviousData,
    refetchInterval: live ? 2_000 : false,
  });
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
    },
  });
}
