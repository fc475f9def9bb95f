"use client";

import { flexRender, getCoreRowModel, useReactTable, type ColumnDef, type VisibilityState } from "@tanstack/react-table";
import { cn } from "@/lib/cn";
import { Skeleton } from "@/components/ui/skeleton";

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
}

/** The results: one row per record, columns chosen by the lead. Paging lives outside. */
export function ResultsTable<T>({ caption, columns, rows, visibility, loading, empty, getRowId, busy, queryKey }: Props<T>) {
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
                  {visible.map((c) => (
                    <td key={c.id} className="px-3 py-2.5">
                      <Skeleton className="h-4 w-full max-w-40" />
                    </td>
                  ))}
                </tr>
              ))
            : table.getRowModel().rows.map((row) => (
                <tr key={row.id} className="border-b last:border-0 hover:bg-accent/40">
                  {row.getVisibleCells().map((cell) => (
                    <td key={cell.id} className="px-3 py-2 align-middle">
                      {flexRender(cell.column.columnDef.cell, cell.getContext())}
                    </td>
                  ))}
                </tr>
              ))}
          {!loading && rows.length === 0 && (
            <tr>
              <td colSpan={visible.length} className="px-3 py-10 text-center">
                {empty}
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
