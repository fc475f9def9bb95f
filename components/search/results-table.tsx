"use client";

import { flexRender, getCoreRowModel, useReactTable, type ColumnDef, type VisibilityState } from "@tanstack/react-table";
import { Checkbox } from "@/components/ui/checkbox";
import { Skeleton } from "@/components/ui/skeleton";
import { cn } from "@/lib/cn";

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
  columns: ColumnDef<T>[];
  rows: T[];
  visibility: VisibilityState;
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
export function ResultsTable<T>({ caption, columns, rows, visibility, loading, empty, getRowId, busy, queryKey, select }: Props<T>) {
  // TanStack Table hands out new functions each render by design; the compiler leaves this component alone.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data: rows,
    columns,
    state: { columnVisibility: visibility },
    getCoreRowModel: getCoreRowModel(),
    getRowId,
    manualPagination: true,
  });
  const visible = table.getVisibleLeafColumns();
  return (
    <div className={cn("overflow-x-auto rounded-lg border bg-card", busy && "opacity-70 transition-opacity")} aria-busy={loading || busy || undefined}>
      <table className="w-full text-sm" data-query={queryKey}>
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b bg-muted/40 text-left text-xs text-muted-foreground">
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {select && (
                <th scope="col" className="w-8 px-3 py-2">
                  <Checkbox
                    aria-label="Select all on this page"
                    checked={select.page === "all" ? true : select.page === "some" ? "indeterminate" : false}
                    disabled={loading || rows.length === 0}
                    onClick={(e) => {
                      e.preventDefault();
                      select.togglePage();
                    }}
                  />
                </th>
              )}
              {group.headers.map((header) => (
                <th key={header.id} scope="col" className="whitespace-nowrap px-3 py-2 font-medium">
                  {flexRender(header.column.columnDef.header, header.getContext())}
                </th>
              ))}
            </tr>
          ))}
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
            : table.getRowModel().rows.map((row, index) => (
                <tr key={row.id} className={cn("border-b last:border-0 hover:bg-accent/40", select?.isSelected(row.id) && "bg-primary/5")}>
                  {select && (
                    <td data-select="" className="w-8 px-3 py-2 align-middle">
                      <Checkbox
                        aria-label={`Select ${select.rowLabel(row.original)}`}
                        checked={select.isSelected(row.id)}
                        onClick={(e) => {
                          e.preventDefault();
                          select.toggle(row.id, index, e.shiftKey);
                        }}
                      />
                    </td>
                  )}
                  {row.getVisibleCells().map((cell) => (
                    <td key={cell.id} className="px-3 py-2 align-middle">
                      {flexRender(cell.column.columnDef.cell, cell.getContext())}
                    </td>
                  ))}
                </tr>
              ))}
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
