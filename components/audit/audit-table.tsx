"use client";

import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { RECORD_TYPE_LABELS, type AuditRecordType } from "@/lib/audit/labels";
import type { AuditView } from "@/lib/audit/types";
import { formatDateTime } from "@/lib/format/time";

type Values = Record<string, unknown> | null;

const asValues = (v: unknown): Values =>
  v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : null;

function show(v: unknown): string {
  if (v === null || v === undefined || v === "") return "–";
  if (Array.isArray(v)) return v.length ? v.map(show).join(", ") : "none";
  if (typeof v === "object") return JSON.stringify(v);
  return String(v);
}

/** Each value that changed, "state: Submitted → Resolved"; values only known on one side show alone. */
export function changeLines(
  before: unknown,
  after: unknown,
): { key: string; before: string | null; after: string | null }[] {
  const b = asValues(before);
  const a = asValues(after);
  const keys = [...new Set([...Object.keys(b ?? {}), ...Object.keys(a ?? {})])];
  return keys.map((key) => ({
    key,
    before: b && key in b ? show(b[key]) : null,
    after: a && key in a ? show(a[key]) : null,
  }));
}

/** Where a record opens, if it still can. */
function recordHref(ws: string, e: AuditView): string | null {
  if (!e.recordId || e.action === "ticket.delete" || e.action === "view.deleted") return null;
  const id = encodeURIComponent(e.recordId);
  if (e.recordType === "ticket") return `/w/${ws}/tickets/${id}`;
  if (e.recordType === "conversation") return `/w/${ws}/conversations/${id}`;
  if (e.recordType === "bulk_job") return `/w/${ws}/jobs/${id}`;
  if (e.recordType === "view") {
    const resource = asValues(e.after)?.resource ?? asValues(e.before)?.resource;
    return typeof resource === "string" ? `/w/${ws}/${resource}?view=${id}` : null;
  }
  return null;
}

function Change({ e }: { e: AuditView }) {
  const lines = changeLines(e.before, e.after);
  if (lines.length === 0) return <span className="text-muted-foreground">–</span>;
  return (
    <ul className="space-y-0.5">
      {lines.map((l) => (
        <li key={l.key} className="[overflow-wrap:anywhere]">
          <span className="text-muted-foreground">{l.key}: </span>
          {l.before !== null && <span>{l.before}</span>}
          {l.before !== null && l.after !== null && <span aria-label="changed to"> → </span>}
          {l.after !== null && <span className="font-medium">{l.after}</span>}
        </li>
      ))}
    </ul>
  );
}

/** The log's rows: when (in the workspace's timezone), who, what, which record, and the values it changed. */
const shortId = (type: string | null, id: string) => (type === "bulk_job" ? id.slice(0, 8) : id);

/**
 * The log's rows: when (in the workspace's timezone) and who, what and to which record, the
 * summary, and the values it changed. Paired columns keep the summary in view at 1024 px.
 */
export function AuditTable({ ws, timeZone, entries }: { ws: string; timeZone: string; entries: AuditView[] }) {
  return (
    <div className="overflow-x-auto rounded-lg border bg-card">
      <table className="w-full min-w-[44rem] text-sm">
        <caption className="sr-only">Audit log, newest first</caption>
        <thead className="border-b bg-muted/40 text-left text-xs text-muted-foreground">
          <tr>
            {["Time and who", "Action and record", "Summary", "Before → after"].map((h) => (
              <th key={h} scope="col" className="px-3 py-2 font-medium">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => {
            const href = recordHref(ws, e);
            const kind = RECORD_TYPE_LABELS[e.recordType as AuditRecordType] ?? e.recordType;
            const record = e.recordId ? `${kind} ${shortId(e.recordType, e.recordId)}` : null;
            return (
              <tr key={e.id} className="border-b align-top last:border-0">
                <td className="w-44 max-w-52 px-3 py-2">
                  <time dateTime={new Date(e.at).toISOString()} className="block whitespace-nowrap tabular-nums">
                    {formatDateTime(Math.floor(e.at / 1000), timeZone)}
                  </time>
                  <p className="truncate text-xs text-muted-foreground" title={e.actorEmail}>
                    {e.actorName ? `${e.actorName} · ${e.actorEmail}` : e.actorEmail}
                  </p>
                </td>
                <td className="w-44 px-3 py-2">
                  <p>
                    <code className="text-xs whitespace-nowrap">{e.action}</code>
                    {e.outcome === "failed" && (
                      <Badge variant="destructive" className="ml-1">
                        Failed
                      </Badge>
                    )}
                  </p>
                  {record &&
                    (href ? (
                      <Link
                        href={href}
                        title={e.recordId ?? undefined}
                        className="font-medium whitespace-nowrap text-primary hover:underline"
                      >
                        {record}
                      </Link>
                    ) : (
                      <span className="whitespace-nowrap">{record}</span>
                    ))}
                  {e.jobId && e.recordType !== "bulk_job" && (
                    <Link
                      href={`/w/${ws}/jobs/${e.jobId}`}
                      className="block text-xs text-muted-foreground hover:underline"
                    >
                      Bulk job {e.jobId.slice(0, 8)}
                    </Link>
                  )}
                </td>
                <td className="min-w-52 px-3 py-2 [overflow-wrap:anywhere]">{e.summary}</td>
                <td className="min-w-48 px-3 py-2 text-xs">
                  <Change e={e} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
