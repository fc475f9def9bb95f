"use client";

import { ArrowDown, ArrowUp, ArrowUpDown, Search } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { useWorkspace } from "@/components/shell/workspace-context";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { cn } from "@/lib/cn";
import { formatDate, formatDateTime } from "@/lib/format/time";
import { PEOPLE, type SegmentSummary } from "@/lib/segments/types";

type SortKey = "name" | "count" | "personType" | "createdAt" | "updatedAt";
const COLUMNS: { key: SortKey; label: string; numeric?: boolean }[] = [
  { key: "name", label: "Segment" },
  { key: "count", label: "Members", numeric: true },
  { key: "personType", label: "People" },
  { key: "createdAt", label: "Created" },
  { key: "updatedAt", label: "Updated" },
];
const numbers = new Intl.NumberFormat("en");

function compare(a: SegmentSummary, b: SegmentSummary, key: SortKey): number {
  if (key === "name") return a.name.localeCompare(b.name);
  if (key === "personType") return PEOPLE[a.personType].localeCompare(PEOPLE[b.personType]);
  return (a[key] ?? -1) - (b[key] ?? -1);
}

/**
 * Every segment with its size: a bar per segment (each a link to its members), and a table
 * sortable by any column and searchable by name.
 */
export function SegmentsScreen({ segments }: { segments: SegmentSummary[] }) {
  const ws = useWorkspace();
  const [text, setText] = useState("");
  const [sort, setSort] = useState<{ key: SortKey; desc: boolean }>({ key: "count", desc: true });
  const needle = text.trim().toLowerCase();
  const shown = segments
    .filter((s) => s.name.toLowerCase().includes(needle))
    .toSorted((a, b) => compare(a, b, sort.key) * (sort.desc ? -1 : 1));
  const largest = Math.max(1, ...segments.map((s) => s.count ?? 0));
  const bySize = segments.toSorted((a, b) => (b.count ?? 0) - (a.count ?? 0));
  const href = (s: SegmentSummary) => `/w/${ws.id}/segments/${s.id}`;

  return (
    <div className="space-y-6">
      <Card>
        <CardHeader>
          <CardTitle>Segment sizes</CardTitle>
          <CardDescription>Members now. Open a segment from its bar.</CardDescription>
        </CardHeader>
        <CardContent>
          <ol aria-label="Segment sizes" className="space-y-1.5">
            {bySize.map((s) => (
              <li key={s.id}>
                <Link
                  prefetch={false}
                  href={href(s)}
                  aria-label={`${s.name}: ${s.count === null ? "not counted" : `${numbers.format(s.count)} members`}`}
                  className="group grid grid-cols-[minmax(8rem,14rem)_1fr_4rem] items-center gap-3 rounded-md px-1 py-0.5 text-sm hover:bg-accent"
                >
                  <span className="truncate group-hover:underline">{s.name}</span>
                  <span className="h-5 rounded-sm bg-muted">
                    <span
                      className="block h-full rounded-sm bg-chart-1 group-hover:bg-primary"
                      style={{ width: `${((s.count ?? 0) / largest) * 100}%` }}
                    />
                  </span>
                  <span className="text-right tabular-nums text-muted-foreground">
                    {s.count === null ? "–" : numbers.format(s.count)}
                  </span>
                </Link>
              </li>
            ))}
          </ol>
        </CardContent>
      </Card>

      <section aria-labelledby="segments-table" className="space-y-3">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="segments-table" className="text-sm font-semibold">
            {shown.length === segments.length
              ? `${segments.length} segments`
              : `${shown.length} of ${segments.length} segments`}
          </h2>
          <div className="relative w-full sm:w-72">
            <Search
              className="pointer-events-none absolute left-2.5 top-1/2 size-4 -translate-y-1/2 text-muted-foreground"
              aria-hidden="true"
            />
            <Input
              type="search"
              aria-label="Search segments by name"
              placeholder="Search segments…"
              className="pl-8"
              value={text}
              onChange={(e) => setText(e.target.value)}
            />
          </div>
        </div>
        <div className="overflow-x-auto rounded-lg border">
          <table className="w-full text-sm">
            <caption className="sr-only">
              Segments, sorted by {COLUMNS.find((c) => c.key === sort.key)!.label.toLowerCase()}
            </caption>
            <thead className="bg-muted/50 text-left">
              <tr>
                {COLUMNS.map((c) => {
                  const active = sort.key === c.key;
                  const Icon = active ? (sort.desc ? ArrowDown : ArrowUp) : ArrowUpDown;
                  return (
                    <th
                      key={c.key}
                      scope="col"
                      aria-sort={active ? (sort.desc ? "descending" : "ascending") : "none"}
                      className={cn("px-3 py-2 font-medium", c.numeric && "text-right")}
                    >
                      <button
                        type="button"
                        className={cn(
                          "inline-flex items-center gap-1 rounded hover:text-foreground",
                          active ? "text-foreground" : "text-muted-foreground",
                        )}
                        onClick={() =>
                          setSort((s) => ({
                            key: c.key,
                            desc: s.key === c.key ? !s.desc : c.numeric || c.key.endsWith("At"),
                          }))
                        }
                      >
                        {c.label}
                        <Icon className="size-3.5" aria-hidden="true" />
                      </button>
                    </th>
                  );
                })}
              </tr>
            </thead>
            <tbody className="divide-y">
              {shown.map((s) => (
                <tr key={s.id} className="hover:bg-accent/40">
                  <td className="px-3 py-2">
                    <Link prefetch={false} href={href(s)} className="font-medium hover:underline">
                      {s.name}
                    </Link>
                  </td>
                  <td className="px-3 py-2 text-right tabular-nums">
                    {s.count === null ? "–" : numbers.format(s.count)}
                  </td>
                  <td className="px-3 py-2">{PEOPLE[s.personType]}</td>
                  <td className="px-3 py-2 whitespace-nowrap" title={formatDateTime(s.createdAt, ws.timezone)}>
                    {formatDate(s.createdAt, ws.timezone)}
                  </td>
                  <td className="px-3 py-2 whitespace-nowrap" title={formatDateTime(s.updatedAt, ws.timezone)}>
                    {formatDate(s.updatedAt, ws.timezone)}
                  </td>
                </tr>
              ))}
              {shown.length === 0 && (
                <tr>
                  <td colSpan={COLUMNS.length} className="px-3 py-6 text-center text-muted-foreground">
                    No segment is called anything like “{text.trim()}”.
                  </td>
                </tr>
              )}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}
