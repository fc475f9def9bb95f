"use client";

import { NativeCheckbox } from "@/components/ui/native-checkbox";
import { Skeleton } from "@/components/ui/skeleton";
import { cn } from "@/lib/cn";
import type { Column } from "./columns/context";

/** Ticking rows for a bulk action. */
export interface RowSelection<T> {
  isSelected: (id: string) => boolean;
  toggle: (id: string, index: number, shift: boolean) => void;
  page: "none" | "some" | "all";
  togglePage: () => void;
  rowLabel: (row: T) => string;
}

interface Props<T> {
  caption: string;
  columns: Column<T>[];
  rows: T[];
  /** Column ids to show, in the columns' own order. */
  visible: string[];
  loading: boolean;
  /** Shown instead of rows when there are none. */
  empty?: React.ReactNode;
  getRowId: (row: T) => string;
  busy?: boolean;
  /** Identifies the rows' query, so tests and benchmarks can tell one result set from the next. */
  queryKey?: string;
  select?: RowSelection<T>;
}

/** The results: one row per record, columns chosen by the lead. Paging lives outside. */
export function ResultsTable<T>({
  caption,
  columns,
  rows,
  visible: shown,
  loading,
  empty,
  getRowId,
  busy,
  queryKey,
  select,
}: Props<T>) {
  const visible = columns.filter((c) => shown.includes(c.id));
  return (
    <div
      className={cn("overflow-x-auto rounded-lg border bg-card", busy && "opacity-70 transition-opacity")}
      aria-busy={loading || busy || undefined}
    >
      <table className="w-full text-sm" data-query={queryKey}>
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b bg-muted/40 text-left text-xs text-muted-foreground">
          <tr>
            {select && (
              <th scope="col" className="w-8 px-3 py-2">
                <NativeCheckbox
                  aria-label="Select all on this page"
                  checked={select.page === "all"}
                  indeterminate={select.page === "some"}
                  disabled={loading || rows.length === 0}
                  onChange={() => select.togglePage()}
                />
              </th>
            )}
            {visible.map((column) => (
              <th key={column.id} scope="col" className="whitespace-nowrap px-3 py-2 font-medium">
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {loading
            ? Array.from({ length: 8 }, (_, i) => (
                <tr key={i} className="border-b last:border-0">
                  {select && <td data-select="" className="px-3" />}
                  {visible.map((c) => (
                    <td key={c.id} className="px-3 py-2.5">
                      <Skeleton className="h-4 w-full max-w-40" />
                    </td>
                  ))}
                </tr>
              ))
            : rows.map((original, index) => {
                const id = getRowId(original);
                return (
                  <tr
                    key={id}
                    className={cn(
                      "border-b last:border-0 hover:bg-accent/40",
                      select?.isSelected(id) && "bg-primary/5",
                    )}
                  >
                    {select && (
                      <td data-select="" className="w-8 px-3 py-2 align-middle">
                        <NativeCheckbox
                          aria-label={`Select ${select.rowLabel(original)}`}
                          checked={select.isSelected(id)}
                          // The click carries the shift key (ranges); the box follows the selection's state.
                          onClick={(e) => select.toggle(id, index, e.shiftKey)}
                          onChange={() => {}}
                        />
                      </td>
                    )}
                    {visible.map((column) => (
                      <td key={column.id} className="px-3 py-2 align-middle">
                        {column.cell({ row: { original } })}
                      </td>
                    ))}
                  </tr>
                );
              })}
          {!loading && rows.length === 0 && (
            <tr>
              <td colSpan={visible.length + (select ? 1 : 0)} className="px-3 py-10 text-center">
                {empty}
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
