"use client";

import { useQuery } from "@tanstack/react-query";
import { AlertCircle, RotateCw } from "lucide-react";
import dynamic from "next/dynamic";
import { useQueryStates } from "nuqs";
import { useMemo } from "react";
import { PageHeader } from "@/components/shell/page-header";
import { useWorkspace } from "@/components/shell/workspace-context";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { useWorkspaceCatalog } from "@/lib/queries/catalog";
import { ApiError } from "@/lib/queries/fetcher";
import { searchQuery } from "@/lib/queries/search";
import { useViewMutations, viewsQuery } from "@/lib/queries/views";
import { buildCatalogue } from "@/lib/search/catalogue";
import { defaultQuery } from "@/lib/search/convert";
import type { Resource } from "@/lib/search/fields";
import { groupNode, stripIds, type FilterNode, type GroupNode, type SearchQuery } from "@/lib/search/model";
import { withPinned } from "@/lib/search/pin";
import { decodeQuery, encodeQuery } from "@/lib/search/url";
import { SelectionBar } from "@/components/bulk/selection-bar";
import { useTicketSelection } from "@/components/bulk/use-selection";
import { toIntercom } from "@/lib/search/convert";
import { SaveViewButton } from "./lazy-controls";
import { searchParams, validSize } from "./search-params";
import { SearchResults } from "./search-results";
import { useColumns } from "./use-columns";

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
  const [params, setParams] = useQueryStates(searchParams(resource), { history: "push" });
  const catalog = useWorkspaceCatalog(ws.id);
  const views = useQuery(viewsQuery(ws.id));
  const mutations = useViewMutations(ws.id);
  const view = params.view ? (views.data?.find((v) => v.id === params.view && v.resource === resource) ?? null) : null;

  const applied: SearchQuery = useMemo(() => {
    const fromUrl = params.q ? decodeQuery(params.q, resource) : null;
    return fromUrl ?? view?.query ?? (pinned ? { resource, root: groupNode("AND", []) } : defaultQuery(resource));
  }, [params.q, resource, view, pinned]);
  // What is searched: the pinned filter joins the lead's tree here, never in the URL.
  const searched: SearchQuery = useMemo(
    () => (pinned ? { resource, root: withPinned(pinned.node, applied.root) } : applied),
    [pinned, applied, resource],
  );
  const appliedKey = useMemo(() => JSON.stringify(stripIds(applied.root)), [applied]);
  const size = validSize(params.size, resource);
  const cursor = params.c.at(-1) ?? null;
  const results = useQuery(searchQuery(ws.id, resource, searched, size, cursor, ws.adminId));
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
    () => (catalog.data ? buildCatalogue(resource, catalog.data) : null),
    [catalog.data, resource],
  );
  const run = (root: GroupNode) => void setParams({ q: encodeQuery({ resource, root }), c: null });
  const refusal = results.error instanceof ApiError && results.error.status === 400 ? results.error.message : null;
  const viewChanged = view !== null && (JSON.stringify(stripIds(view.query.root)) !== appliedKey || columns.dirty);

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
            key={`${params.view ?? ""}:${appliedKey}`}
            resource={resource}
            initial={applied.root}
            catalogue={catalogue}
            catalog={catalog.data}
            perPage={size}
            refusal={refusal}
            onRun={run}
            pinned={pinned}
            extraActions={
              <>
                {view?.editable && viewChanged && (
                  <Button
                    variant="outline"
                    size="sm"
                    disabled={mutations.update.isPending}
                    onClick={() =>
                      mutations.update.mutate({
                        id: view.id,
                        patch: { query: { resource, root: applied.root }, columns: columns.visible },
                      })
                    }
                  >
                    Update “{view.name}”
                  </Button>
                )}
                <SaveViewButton
                  onSave={async (values) => {
                    const saved = await mutations.create.mutateAsync({
                      ...values,
                      resource,
                      query: { resource, root: searched.root },
                      columns: columns.visible,
                    });
                    // A pinned page keeps its own address; the view (with the pinned filter in it) opens from the sidebar.
                    if (!pinned) await setParams({ view: saved.id, q: null, c: null });
                    return saved;
                  }}
                />
              </>
            }
          />
        )}
        {results.error && !refusal ? (
          <Alert variant="destructive">
            <AlertCircle aria-hidden="true" />
            <div className="flex flex-1 flex-wrap items-center justify-between gap-2">
              <p>
                {results.error instanceof ApiError && results.error.isRateLimited
                  ? "Intercom's rate limit for this workspace was reached. It resets within seconds; try again shortly."
                  : `The search could not be run: ${results.error.message}`}
              </p>
              <Button size="sm" variant="outline" onClick={() => void results.refetch()} disabled={results.isFetching}>
                <RotateCw aria-hidden="true" /> Retry
              </Button>
            </div>
          </Alert>
        ) : catalog.data ? (
          <SearchResults
            resource={resource}
            page={results.data ?? null}
            loading={results.isPending && !refusal}
            fetching={results.isFetching}
            catalog={catalog.data}
            columns={columns}
            pageNumber={params.c.length + 1}
            rowsKey={results.data?.requestKey ?? ""}
            size={size}
            onNext={(next) => void setParams({ c: [...params.c, next] })}
            onPrevious={() => void setParams({ c: params.c.slice(0, -1) })}
            onSize={(n) => void setParams({ size: n, c: null })}
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
