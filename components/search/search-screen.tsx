"use client";

import { useQuery } from "@tanstack/react-query";
import { AlertCircle } from "lucide-react";
import dynamic from "next/dynamic";
import { useMemo } from "react";
import { SelectionBar } from "@/components/bulk/selection-bar";
import { useTicketSelection } from "@/components/bulk/use-selection";
import { PageHeader } from "@/components/shell/page-header";
import { useWorkspace } from "@/components/shell/workspace-context";
import { Alert } from "@/components/ui/alert";
import { Skeleton } from "@/components/ui/skeleton";
import { useWorkspaceCatalog } from "@/lib/queries/catalog";
import { ApiError } from "@/lib/queries/fetcher";
import { searchQuery } from "@/lib/queries/search";
import { buildCatalogue } from "@/lib/search/catalogue";
import { toIntercom } from "@/lib/search/convert";
import type { Resource } from "@/lib/search/fields";
import { stripIds, type FilterNode } from "@/lib/search/model";
import { ViewControls } from "./view-controls";
import { RetryingNotice, SearchFailed, rateLimitedRetry } from "./search-problem";
import { SearchResults } from "./search-results";
import { useColumns } from "./use-columns";
import { useSearchState } from "./use-search-state";

const TITLES: Record<Resource, string> = { tickets: "Tickets", conversations: "Conversations", contacts: "Contacts" };

/**
 * The builder (pickers, validation, the JSON panel) loads beside the first search rather
 * than before it: results do not wait for it, and the page's first download stays small.
 */
const SearchBuilder = dynamic(() => import("./search-builder").then((m) => m.SearchBuilder), {
  ssr: false,
  loading: () => <Skeleton className="h-40" aria-label="Loading the search builder" />,
});

interface Props {
  resource: Resource;
  /** A filter always applied (a segment's members); the URL then holds only the refinement. */
  pinned?: { node: FilterNode; label: string };
  title?: string;
  description?: string;
  /** Extra controls in the page header (a segment's export). */
  actions?: React.ReactNode;
}

/** A search over one resource: the builder, the results, paging and saved views, all owned by the URL. */
export function SearchScreen({ resource, pinned, title, description, actions }: Props) {
  const ws = useWorkspace();
  const state = useSearchState(ws.id, resource, pinned);
  const { view, applied, searched, appliedKey, size } = state;
  const catalog = useWorkspaceCatalog(ws.id);
  const results = useQuery(searchQuery(ws.id, resource, searched, size, state.cursor, ws.adminId));
  const columns = useColumns(ws.id, resource, view);
  // Tickets can be ticked for bulk triage; a new search (or page size) starts a new selection.
  const bulk = resource === "tickets";
  const selection = useTicketSelection(
    JSON.stringify(stripIds(searched.root)),
    bulk ? () => toIntercom(searched, { now: Math.floor(Date.now() / 1000), adminId: ws.adminId }) : null,
    results.data?.total ?? 0,
  );
  const pageIds = (results.data?.rows ?? []).map((r) => r.id);

  const catalogue = useMemo(
    () => (catalog.data ? buildCatalogue(resource, { ...catalog.data, version: ws.intercomVersion }) : null),
    [catalog.data, resource, ws.intercomVersion],
  );
  // Intercom refusing the search: only its words (beside the builder) and Retry, no results or counts.
  const refusal = results.error instanceof ApiError && results.error.status === 400 ? results.error.message : null;
  const waiting = rateLimitedRetry(results.failureReason, results.isFetching);
  const retry = () => void results.refetch();

  return (
    <>
      <PageHeader
        title={title ?? (view ? view.name : TITLES[resource])}
        description={
          description ??
          (view
            ? `Saved view of ${resource}${view.owner === "default" ? ", a workspace default" : view.shared ? ", shared with the workspace" : ""}`
            : `Search ${resource} with any filter Intercom supports.`)
        }
        actions={actions}
      />
      <div className="space-y-4">
        {catalog.error ? (
          <Alert variant="destructive">
            <AlertCircle aria-hidden="true" />
            <p>The workspace&apos;s fields could not be loaded: {catalog.error.message}</p>
          </Alert>
        ) : !catalogue || !catalog.data ? (
          <Skeleton className="h-40" aria-label="Loading the search builder" />
        ) : (
          <SearchBuilder
            key={`${state.viewId ?? ""}:${appliedKey}`}
            resource={resource}
            initial={applied.root}
            catalogue={catalogue}
            catalog={catalog.data}
            perPage={size}
            refusal={refusal}
            onRetry={retry}
            retrying={results.isFetching}
            onRun={state.run}
            pinned={pinned}
            extraActions={(shown) => (
              <ViewControls
                ws={ws.id}
                resource={resource}
                view={view}
                shown={shown}
                pinned={pinned}
                columns={columns}
                onSaved={async (saved, root) => {
                  shown.settle();
                  // A pinned page keeps its own address and runs the saved tree there; the view opens from the sidebar.
                  if (pinned) state.run(root);
                  else await state.openView(saved.id);
                }}
              />
            )}
          />
        )}
        {waiting && <RetryingNotice key={results.failureCount} reason={waiting} failures={results.failureCount} />}
        {refusal ? null : results.error ? (
          <SearchFailed error={results.error} onRetry={retry} retrying={results.isFetching} />
        ) : catalog.data ? (
          <SearchResults
            resource={resource}
            page={results.data ?? null}
            loading={results.isPending}
            fetching={results.isFetching}
            catalog={catalog.data}
            columns={columns}
            pageNumber={state.pageNumber}
            rowsKey={results.data?.requestKey ?? ""}
            size={size}
            onNext={state.next}
            onPrevious={state.previous}
            onSize={state.setSize}
            select={
              bulk
                ? {
                    isSelected: selection.isSelected,
                    toggle: (id, index, shift) => selection.toggle(id, index, shift, pageIds),
                    page: selection.pageState(pageIds),
                    togglePage: () => selection.togglePage(pageIds),
                  }
                : undefined
            }
            selectionNote={
              bulk && results.data ? (
                <SelectAllNote selection={selection} pageIds={pageIds} total={results.data.total} />
              ) : null
            }
          />
        ) : null}
        {bulk && catalog.data && (
          <SelectionBar selection={selection} workspace={ws.id} timezone={ws.timezone} catalog={catalog.data} />
        )}
      </div>
    </>
  );
}

/** After a whole page is ticked: offer every matching ticket (up to a job's limit). */
function SelectAllNote({
  selection,
  pageIds,
  total,
}: {
  selection: ReturnType<typeof useTicketSelection>;
  pageIds: string[];
  total: number;
}) {
  if (selection.allMatching) {
    return (
      <p role="status" className="rounded-md bg-primary/5 px-3 py-2 text-sm">
        All {total.toLocaleString("en")} matching tickets are selected
        {selection.count < total ? `, less ${(total - selection.count).toLocaleString("en")} unticked` : ""}.{" "}
        <button
          type="button"
          className="font-medium text-primary underline-offset-4 hover:underline"
          onClick={selection.clear}
        >
          Clear selection
        </button>
      </p>
    );
  }
  if (selection.pageState(pageIds) !== "all" || total <= pageIds.length) return null;
  return (
    <p role="status" className="rounded-md bg-primary/5 px-3 py-2 text-sm">
      All {pageIds.length} tickets on this page are selected.{" "}
      {selection.selectAllMatching ? (
        <button
          type="button"
          className="font-medium text-primary underline-offset-4 hover:underline"
          onClick={selection.selectAllMatching}
        >
          Select all {total.toLocaleString("en")} matching
        </button>
      ) : (
        <span className="text-muted-foreground">
          A bulk job takes at most 10,000 tickets: narrow the search to select them all.
        </span>
      )}
    </p>
  );
}
