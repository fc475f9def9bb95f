"use client";

import { AlertCircle, Download, X } from "lucide-react";
import { useSearchParams } from "next/navigation";
import { useRef, useState } from "react";
import { toast } from "@/lib/notify";
import { Button } from "@/components/ui/button";
import { ApiError } from "@/lib/queries/fetcher";

type State =
  | { kind: "idle" }
  /** `total` is null until the first page has arrived. */
  | { kind: "running"; done: number; total: number | null; startedAt: number }
  | { kind: "cancelled"; done: number; total: number | null }
  | { kind: "failed"; message: string };

const numbers = new Intl.NumberFormat("en");

/** The file name the server chose, from Content-Disposition. */
function fileName(res: Response): string {
  return /filename="([^"]+)"/.exec(res.headers.get("Content-Disposition") ?? "")?.[1] ?? "members.csv";
}

async function failure(res: Response): Promise<ApiError> {
  const body = (await res.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
  return new ApiError(
    res.status,
    body?.error?.code ?? `http_${res.status}`,
    body?.error?.message ?? `The export failed (${res.status}).`,
  );
}

/**
 * Exports a segment's members (refined by the page's search, if any) as CSV. The server
 * streams one page of members after another; the bar counts rows as they arrive, and
 * cancelling stops the server's paging too.
 */
export function ExportMembers({ workspace, segmentId }: { workspace: string; segmentId: string }) {
  const q = useSearchParams().get("q");
  const [state, setState] = useState<State>({ kind: "idle" });
  const abort = useRef<{ controller: AbortController; id: string } | null>(null);

  const base = `/api/w/${encodeURIComponent(workspace)}/segments/${encodeURIComponent(segmentId)}/export`;
  /** Stops the download, and tells the server to stop paging now rather than when it notices. */
  const cancel = () => {
    const running = abort.current;
    if (!running) return;
    running.controller.abort();
    void fetch(`${base}?export_id=${running.id}`, { method: "DELETE", credentials: "same-origin" }).catch(
      () => undefined,
    );
  };

  const start = async () => {
    const ctl = new AbortController();
    const id = crypto.randomUUID();
    abort.current = { controller: ctl, id };
    const startedAt = Date.now();
    setState({ kind: "running", done: 0, total: null, startedAt });
    let done = 0;
    let total = 0;
    let reading = false;
    try {
      const url = `${base}?export_id=${id}${q ? `&q=${encodeURIComponent(q)}` : ""}`;
      const res = await fetch(url, { signal: ctl.signal, credentials: "same-origin" });
      if (!res.ok || !res.body) throw await failure(res);
      total = Number(res.headers.get("X-Total-Count") ?? 0);
      setState({ kind: "running", done: 0, total, startedAt });
      const reader = res.body.getReader();
      reading = true;
      const chunks: Uint8Array<ArrayBuffer>[] = [];
      let lines = 0;
      for (;;) {
        const { done: finished, value } = await reader.read();
        if (finished) break;
        chunks.push(value as Uint8Array<ArrayBuffer>);
        for (const byte of value) if (byte === 10) lines++;
        // The first line is the header; each line after it is one member.
        done = Math.max(0, lines - 1);
        setState({ kind: "running", done, total, startedAt });
      }
      const link = document.createElement("a");
      link.href = URL.createObjectURL(new Blob(chunks, { type: "text/csv" }));
      link.download = fileName(res);
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
      setState({ kind: "idle" });
      toast.success(`Exported ${numbers.format(done)} ${done === 1 ? "member" : "members"}`);
    } catch (e) {
      if (ctl.signal.aborted) setState({ kind: "cancelled", done, total: reading ? total : null });
      // The server errors the download when the export stops before its last member: what came is not the file.
      else if (reading)
        setState({
          kind: "failed",
          message: `The export stopped after ${numbers.format(done)} of ${numbers.format(total)} members. No file was saved; try again.`,
        });
      else setState({ kind: "failed", message: (e as Error).message });
    } finally {
      abort.current = null;
    }
  };

  if (state.kind === "running") {
    const total = state.total;
    const share = total ? Math.min(1, state.done / total) : 0;
    const seconds = (Date.now() - state.startedAt) / 1000;
    const rate = seconds > 0.5 ? state.done / seconds : 0;
    const eta = rate > 0 && total !== null && total > state.done ? Math.ceil((total - state.done) / rate) : null;
    const progress = total === null ? "Starting…" : `${numbers.format(state.done)} of ${numbers.format(total)} members`;
    return (
      <div className="flex w-full min-w-64 items-center gap-3 sm:w-auto">
        <div className="min-w-48 flex-1 space-y-1">
          <div
            role="progressbar"
            aria-label="Export progress"
            aria-valuemin={0}
            aria-valuemax={total ?? undefined}
            aria-valuenow={total === null ? undefined : state.done}
            aria-valuetext={progress}
            className="h-2 overflow-hidden rounded-full bg-muted"
          >
            <div className="h-full bg-primary transition-[width]" style={{ width: `${share * 100}%` }} />
          </div>
          <p className="text-xs text-muted-foreground" aria-live="polite">
            {progress}
            {eta !== null ? ` · about ${eta} s left` : ""}
          </p>
        </div>
        <Button variant="outline" size="sm" onClick={cancel}>
          <X aria-hidden="true" /> Cancel export
        </Button>
      </div>
    );
  }
  return (
    <div className="flex flex-wrap items-center gap-2">
      {state.kind === "cancelled" && (
        <p role="status" className="text-xs text-muted-foreground">
          {state.total === null
            ? "Export cancelled before it began."
            : `Export cancelled after ${numbers.format(state.done)} of ${numbers.format(state.total)} members.`}
        </p>
      )}
      {state.kind === "failed" && (
        <p role="alert" className="flex items-center gap-1 text-xs text-destructive">
          <AlertCircle className="size-3.5" aria-hidden="true" /> {state.message}
        </p>
      )}
      <Button variant="outline" size="sm" onClick={() => void start()}>
        <Download aria-hidden="true" /> Export CSV
      </Button>
    </div>
  );
}
