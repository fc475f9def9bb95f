"use client";

import { useQuery } from "@tanstack/react-query";
import { SearchX } from "lucide-react";
import { useMemo } from "react";
import { useWorkspace } from "@/components/shell/workspace-context";
import type { WorkspaceCatalog } from "@/lib/queries/catalog";
import { everythingCountQuery, type RowOf, type SearchPage } from "@/lib/queries/search";
import type { Resource } from "@/lib/search/fields";
import { ColumnMenuButton } from "./lazy-controls";
import { contactColumns } from "./columns/contacts";
import { makeCellContext, type CellContext, type Column } from "./columns/context";
import { conversationColumns } from "./columns/conversations";
import { ticketColumns } from "./columns/tickets";
import { Pagination } from "./pagination";
import { ResultsTable, type RowSelection } from "./results-table";
import type { ColumnsState } from "./use-columns";

type AnyColumns = Column<RowOf[Resource]>[];

/** How a row's checkbox names it: "ticket #123", or the record's title. */
function rowLabel(resource: Resource) {
  return (row: RowOf[Resource]) => {
    if (resource === "tickets") return `ticket #${(row as RowOf["tickets"]).ticketNumber}`;
    if (resource === "conversations") return (row as RowOf["conversations"]).subject;
    const c = row as RowOf["contacts"];
    return c.name ?? c.email ?? "contact";
  };
}

export function columnsFor(resource: Resource, ctx: CellContext): AnyColumns {
  if (resource === "tickets") return ticketColumns(ctx) as AnyColumns;
  if (resource === "conversations") return conversationColumns(ctx) as AnyColumns;
  return contactColumns(ctx) as AnyColumns;
}

interface Props {
  resource: Resource;
  page: SearchPage<Resource> | null;
  loading: boolean;
  fetching: boolean;
  catalog: WorkspaceCatalog;
  columns: ColumnsState;
  pageNumber: number;
  /** Identifies the request the rows answer. */
  rowsKey: string;
  size: number;
  onNext: (cursor: string) => void;
  onPrevious: () => void;
  onSize: (size: number) => void;
  /** Row checkboxes (tickets), with what to show above the table once a whole page is ticked. */
  select?: Omit<RowSelection<RowOf[Resource]>, "rowLabel">;
  selectionNote?: React.ReactNode;
}

const NOUN: Record<Resource, string> = { tickets: "tickets", conversations: "conversations", contacts: "contacts" };

export function SearchResults({
  resource,
  page,
  loading,
  fetching,
  catalog,
  columns,
  pageNumber,
  rowsKey,
  size,
  onNext,
  onPrevious,
  onSize,
  select,
  selectionNote,
}: Props) {
  const ws = useWorkspace();
  const rows = page?.rows ?? [];
  const ctx = useMemo(() => makeCellContext(ws.id, ws.timezone, catalog), [ws.id, ws.timezone, catalog]);
  const defs = useMemo(() => columnsFor(resource, ctx), [resource, ctx]);
  const all = defs.map((d) => ({ id: d.id, label: d.header }));
  const noun = NOUN[resource];
  const everything = useQuery(everythingCountQuery(ws.id, resource, page !== null && page.total === 0));
  const nothingYet = everything.data === 0;

  return (
    <section aria-label="Results" className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 className="text-sm font-semibold">
          {page ? `${page.total.toLocaleString()} ${page.total === 1 ? noun.slice(0, -1) : noun}` : "Results"}
          {fetching && !loading && <span className="ml-2 text-xs font-normal text-muted-foreground">Updating…</span>}
        </h2>
        <ColumnMenuButton columns={all} visible={columns.visible} onChange={columns.setVisible} />
      </div>
      {selectionNote}
      <ResultsTable
        caption={`Matching ${noun}`}
        columns={defs}
        rows={rows}
        visible={columns.visible}
        loading={loading}
        busy={fetching && !loading}
        getRowId={(r) => r.id}
        queryKey={rowsKey}
        select={select && { ...select, rowLabel: rowLabel(resource) }}
        empty={
          <div className="mx-auto flex max-w-sm flex-col items-center gap-2 text-muted-foreground">
            <SearchX className="size-6" aria-hidden="true" />
            {nothingYet ? (
              <p>There are no {noun} here yet. When Intercom has some, they show up here.</p>
            ) : (
              <p>Nothing matches this search. Loosen a filter, or switch a group from AND to OR.</p>
            )}
          </div>
        }
      />
      {page && (
        <Pagination
          page={pageNumber}
          size={size}
          total={page.total}
          shown={rows.length}
          hasNext={page.next !== null}
          onNext={() => page.next && onNext(page.next)}
          onPrevious={onPrevious}
          onSize={onSize}
        />
      )}
    </section>
  );
}
