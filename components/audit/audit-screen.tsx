"use client";

import { useQuery } from "@tanstack/react-query";
import { AlertCircle, Download, ScrollText } from "lucide-react";
import dynamic from "next/dynamic";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useMemo } from "react";
import { useWorkspace } from "@/components/shell/workspace-context";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { activeFilters } from "@/lib/audit/labels";
import type { AuditFilterValues } from "@/lib/audit/schema";
import { ApiError } from "@/lib/queries/fetcher";
import { auditExportUrl, auditQuery } from "@/lib/queries/audit";
import { AuditTable } from "./audit-table";

/** The filter form (react-hook-form and its schema) loads after the page, behind a face of its size. */
const AuditFilters = dynamic(() => import("./audit-filters").then((m) => m.AuditFilters), {
  ssr: false,
  loading: () => <Skeleton className="h-56 sm:h-40 lg:h-32 2xl:h-20" aria-label="Loading the filters" />,
});

/**
 * The workspace's audit log. The URL owns the filters and the pages visited (`c`, the
 * cursors in order), so a copied link opens the same filtered log.
 */
export function AuditScreen() {
  const ws = useWorkspace();
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const filters = useMemo(() => activeFilters(Object.fromEntries(params.entries())), [params]);
  const cursors = useMemo(() => (params.get("c") ?? "").split(",").filter(Boolean), [params]);
  const cursor = cursors.at(-1) ?? null;
  const log = useQuery(auditQuery(ws.id, filters, cursor));

  const go = (next: Record<string, string>, pages: string[]) => {
    const q = new URLSearchParams(next);
    if (pages.length) q.set("c", pages.join(","));
    const s = q.toString();
    router.push(s ? `${pathname}?${s}` : pathname, { scroll: false });
  };
  const apply = (values: AuditFilterValues) => go(activeFilters(values), []);
  const serverErrors = log.error instanceof ApiError && log.error.status === 400 ? log.error.fields : undefined;
  const filtered = Object.keys(filters).length > 0;

  return (
    <div className="space-y-4">
      <AuditFilters key={JSON.stringify(filters)} initial={filters} onApply={apply} serverErrors={serverErrors} />
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm text-muted-foreground" aria-live="polite">
          {log.isPending
            ? "Loading…"
            : log.data
              ? `${log.data.entries.length} entries on this page${cursors.length ? `, page ${cursors.length + 1}` : ""}`
              : ""}
        </p>
        <Button variant="outline" size="sm" asChild>
          <a href={auditExportUrl(ws.id, filters)} download>
            <Download className="size-4" aria-hidden="true" />
            Export CSV
          </a>
        </Button>
      </div>
      {log.isPending ? (
        <Skeleton className="h-64" aria-label="Loading the audit log" />
      ) : log.error && !serverErrors ? (
        <Alert variant="destructive">
          <AlertCircle aria-hidden="true" />
          <div className="flex flex-wrap items-center gap-3">
            <p>The audit log could not be loaded: {log.error.message}</p>
            <Button size="sm" variant="outline" onClick={() => void log.refetch()}>
              Try again
            </Button>
          </div>
        </Alert>
      ) : !log.data || log.data.entries.length === 0 ? (
        <div className="mx-auto mt-10 flex max-w-md flex-col items-center gap-2 text-center text-sm text-muted-foreground">
          <ScrollText className="size-6" aria-hidden="true" />
          <p>
            {serverErrors
              ? "Fix the filters above to see the log."
              : filtered
                ? "No entry matches these filters."
                : "Nothing recorded yet. Every change made through the dashboard in this workspace will be listed here."}
          </p>
        </div>
      ) : (
        <>
          <AuditTable ws={ws.id} timeZone={ws.timezone} entries={log.data.entries} />
          <nav aria-label="Audit log pages" className="flex items-center justify-end gap-2">
            <Button
              variant="outline"
              size="sm"
              disabled={cursors.length === 0}
              onClick={() => go(filters, cursors.slice(0, -1))}
            >
              Newer
            </Button>
            <Button
              variant="outline"
              size="sm"
              disabled={!log.data.nextCursor}
              onClick={() => log.data?.nextCursor && go(filters, [...cursors, log.data.nextCursor])}
            >
              Older
            </Button>
          </nav>
        </>
      )}
    </div>
  );
}
