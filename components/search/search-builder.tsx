"use client";

import { useQuery } from "@tanstack/react-query";
import { AlertCircle, Lock, Play, RotateCcw, RotateCw } from "lucide-react";
import { useDeferredValue, useEffect, useId, useMemo, useReducer, useState } from "react";
import { useWorkspace } from "@/components/shell/workspace-context";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { clearDraft, clearReturn, isReturning, loadDraft, saveDraft } from "@/lib/drafts";
import type { WorkspaceCatalog } from "@/lib/queries/catalog";
import { countQuery } from "@/lib/queries/search";
import type { Catalogue } from "@/lib/search/catalogue";
import { toIntercom } from "@/lib/search/convert";
import type { Resource } from "@/lib/search/fields";
import { stripIds, type FilterNode, type GroupNode } from "@/lib/search/model";
import { withoutPinned, withPinned } from "@/lib/search/pin";
import { validate } from "@/lib/search/validate";
import { builderReducer, countFilters } from "./edit-tree";
import { GroupEditor } from "./group-editor";
import { JsonPanel } from "./json-panel";

interface Props {
  resource: Resource;
  initial: GroupNode;
  catalogue: Catalogue;
  catalog: WorkspaceCatalog;
  perPage: number;
  /** Intercom's refusal of the last search run, shown beside the builder (and nothing else about it). */
  refusal: string | null;
  /** Runs the refused search again. */
  onRetry?: () => void;
  retrying?: boolean;
  onRun: (root: GroupNode) => void;
  /** More controls beside Search, given what the builder shows now. */
  extraActions?: (shown: BuilderShown) => React.ReactNode;
  /** A filter always ANDed with the lead's, shown locked (a segment page's segment). */
  pinned?: { node: FilterNode; label: string };
}

/** What the builder shows: its tree (null while a filter needs attention), and whether it differs from the last search run. */
export interface BuilderShown {
  root: GroupNode | null;
  dirty: boolean;
  /** Forgets the kept draft: call once the shown tree has been saved and run. */
  settle: () => void;
}

/** Waits until the value has been still for `ms`, so the live count does not fire on every keystroke. */
function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return settled;
}

const numberFormat = new Intl.NumberFormat();

/** The visual builder: edits a draft, shows a live match count, and runs only valid searches. */
export function SearchBuilder({
  resource,
  initial,
  catalogue,
  catalog,
  perPage,
  refusal,
  onRetry,
  retrying,
  onRun,
  extraActions,
  pinned,
}: Props) {
  const ws = useWorkspace();
  const formId = useId();
  const [draft, dispatch] = useReducer(builderReducer, initial);
  // What is searched: the draft, with the pinned filter when there is one.
  const searched = useMemo(() => (pinned ? withPinned(pinned.node, draft) : draft), [pinned, draft]);
  const errors = useMemo(() => validate({ resource, root: searched }, catalogue), [searched, resource, catalogue]);
  const errorMap = useMemo(() => new Map(errors.map((e) => [e.nodeId, e.message])), [errors]);
  const valid = errors.length === 0;
  const query = useMemo(() => (valid ? ({ resource, root: searched } as const) : null), [valid, searched, resource]);
  const settled = useDebounced(query, 400);
  const count = useQuery(countQuery(ws.id, resource, useDeferredValue(settled), ws.adminId));
  // The JSON panel shows the query as it would be sent now.
  const [openedAt, setOpenedAt] = useState(() => Math.floor(Date.now() / 1000));
  const sent = useMemo(
    () => (query ? toIntercom(query, { now: openedAt, adminId: ws.adminId }) : null),
    [query, openedAt, ws.adminId],
  );
  const dirty = JSON.stringify(stripIds(draft)) !== JSON.stringify(stripIds(initial));
  const me = { name: ws.adminName };
  // Edits not yet searched are kept in this tab, per search, and come back after a reload or a new sign-in.
  const draftKey = `builder:${ws.id}:${resource}:${JSON.stringify(stripIds(initial))}`;
  useEffect(() => {
    // Only when coming back (a reload, or signing in again after the session ended): a page opened afresh starts clean.
    if (!isReturning(window.location.pathname)) return;
    const kept = loadDraft(draftKey, isDraftGroup);
    if (kept) dispatch({ type: "replace", root: kept });
    clearReturn();
  }, [draftKey]);
  useEffect(() => {
    if (dirty) saveDraft(draftKey, draft);
    else clearDraft(draftKey);
  }, [draftKey, dirty, draft]);

  // A refused search shows only the refusal: no count beside it until the lead edits again.
  const refusedAsShown = refusal !== null && !dirty;
  const status = !valid
    ? `${errors.length} ${errors.length === 1 ? "filter needs" : "filters need"} attention before searching`
    : refusedAsShown
      ? ""
      : count.isFetching || settled !== query
        ? "Counting matches…"
        : count.error
          ? `Could not count matches: ${count.error.message}`
          : count.data !== undefined
            ? `${numberFormat.format(count.data)} ${count.data === 1 ? "match" : "matches"}${dirty ? " (not searched yet)" : ""}`
            : "";

  return (
    <section aria-label="Search builder" className="space-y-4 rounded-lg border bg-card p-4">
      {/* The form holds the filters only: dialogs opened from the toolbar (JSON, Save view) are forms of
          their own, and a submit inside their portals must never reach this one. */}
      <form
        id={formId}
        onSubmit={(e) => {
          e.preventDefault();
          if (e.target !== e.currentTarget || !valid) return;
          clearDraft(draftKey);
          onRun(draft);
        }}
        className="space-y-4"
      >
        {pinned && (
          <p
            role="group"
            aria-label="Pinned filter"
            className="flex items-center gap-2 rounded-md border border-dashed bg-muted/40 px-3 py-2 text-sm"
          >
            <Lock className="size-4 text-muted-foreground" aria-hidden="true" />
            <span>{pinned.label}</span>
            <span className="ml-auto text-xs text-muted-foreground">always applied</span>
          </p>
        )}
        <GroupEditor
          ws={ws.id}
          resource={resource}
          node={draft}
          level={1}
          parentFull={false}
          catalogue={catalogue}
          catalog={catalog}
          me={me}
          timezone={ws.timezone}
          errors={errorMap}
          dispatch={dispatch}
        />
      </form>
      {refusal && (
        <Alert variant="destructive">
          <AlertCircle aria-hidden="true" />
          <div className="flex flex-1 flex-wrap items-center justify-between gap-2">
            <p>
              <span className="font-medium">Intercom refused this search:</span> {refusal}
            </p>
            {onRetry && (
              <Button size="sm" variant="outline" onClick={onRetry} disabled={retrying}>
                <RotateCw aria-hidden="true" /> Retry
              </Button>
            )}
          </div>
        </Alert>
      )}
      <div className="flex flex-wrap items-center gap-3 border-t pt-3">
        <Button type="submit" form={formId} disabled={!valid} aria-describedby="builder-status">
          <Play aria-hidden="true" /> Search
        </Button>
        <p id="builder-status" className="text-sm text-muted-foreground" aria-live="polite">
          {status}
        </p>
        <span className="ml-auto flex flex-wrap items-center gap-2">
          <span className="text-xs text-muted-foreground">
            {countFilters(draft)} {countFilters(draft) === 1 ? "filter" : "filters"}
          </span>
          {dirty && (
            <Button variant="ghost" size="sm" onClick={() => dispatch({ type: "replace", root: initial })}>
              <RotateCcw aria-hidden="true" /> Undo changes
            </Button>
          )}
          <JsonPanel
            resource={resource}
            query={sent}
            onOpen={() => setOpenedAt(Math.floor(Date.now() / 1000))}
            perPage={perPage}
            apiBase={ws.apiBase}
            version={ws.intercomVersion}
            catalogue={catalogue}
            onImport={(root) => dispatch({ type: "replace", root: pinned ? withoutPinned(pinned.node, root) : root })}
          />
          {extraActions?.({ root: valid ? draft : null, dirty, settle: () => clearDraft(draftKey) })}
        </span>
      </div>
    </section>
  );
}

/** A kept draft's shape: groups and filters as the builder holds them, unfinished filters included. */
function isDraftGroup(v: unknown, depth = 0): v is GroupNode {
  if (depth > 4 || typeof v !== "object" || v === null) return false;
  const g = v as Partial<GroupNode>;
  return (
    g.kind === "group" &&
    typeof g.id === "string" &&
    (g.operator === "AND" || g.operator === "OR") &&
    Array.isArray(g.children) &&
    g.children.every((c) => isDraftNode(c, depth + 1))
  );
}

function isDraftNode(v: unknown, depth: number): boolean {
  if (typeof v !== "object" || v === null) return false;
  const f = v as Partial<FilterNode>;
  if (f.kind === "filter")
    return typeof f.id === "string" && typeof f.field === "string" && typeof f.operator === "string" && "value" in f;
  return isDraftGroup(v, depth);
}
