"use client";

import { useQuery } from "@tanstack/react-query";
import { useQueryStates } from "nuqs";
import { useMemo } from "react";
import { viewsQuery } from "@/lib/queries/views";
import { defaultQuery } from "@/lib/search/convert";
import type { Resource } from "@/lib/search/fields";
import { groupNode, stripIds, type FilterNode, type GroupNode, type SearchQuery } from "@/lib/search/model";
import { withPinned } from "@/lib/search/pin";
import { decodeQuery, encodeQuery } from "@/lib/search/url";
import { searchParams, validSize } from "./search-params";

/**
 * A search screen's state as the URL holds it: the query run (`q`, else the saved view's,
 * else the default), the saved view, rows per page and the cursors of the pages visited.
 * Every change goes through the URL, so back and forward walk through searches.
 */
export function useSearchState(ws: string, resource: Resource, pinned?: { node: FilterNode }) {
  const [params, setParams] = useQueryStates(searchParams(resource), { history: "push" });
  const views = useQuery(viewsQuery(ws));
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

  return {
    viewId: params.view,
    view,
    applied,
    searched,
    appliedKey,
    size: validSize(params.size, resource),
    cursor: params.c.at(-1) ?? null,
    pageNumber: params.c.length + 1,
    /** Runs a tree: a new search from its first page (the view, if any, stays named). */
    run: (root: GroupNode) => void setParams({ q: encodeQuery({ resource, root }), c: null }),
    /** Opens a saved view: its own query, from the first page. */
    openView: (id: string) => setParams({ view: id, q: null, c: null }),
    next: (cursor: string) => void setParams({ c: [...params.c, cursor] }),
    previous: () => void setParams({ c: params.c.slice(0, -1) }),
    setSize: (n: number) => void setParams({ size: n, c: null }),
  };
}
