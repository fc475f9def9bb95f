"use client";

import { useState } from "react";
import type { Selection } from "@/lib/bulk/schemas";
import { MAX_SELECTION } from "@/lib/bulk/types";
import type { IntercomQuery } from "@/lib/search/model";

type State = { all: false; ids: Set<string> } | { all: true; exclude: Set<string> };

export interface TicketSelection {
  count: number;
  /** Every ticket the search matches (less the unticked ones), rather than a list of ids. */
  allMatching: boolean;
  isSelected: (id: string) => boolean;
  /** Ticks or unticks one row; with shift, every row from the last one clicked takes the same state. */
  toggle: (id: string, index: number, shift: boolean, pageIds: string[]) => void;
  pageState: (pageIds: string[]) => "none" | "some" | "all";
  togglePage: (pageIds: string[]) => void;
  /** null when the search matches more than a job takes. */
  selectAllMatching: (() => void) | null;
  clear: () => void;
  /** The selection as the server takes it. */
  toSelection: () => Selection;
}

/**
 * What the lead has ticked on a ticket list: single rows, shift-click ranges, whole pages,
 * or every ticket the search matches (up to the job limit). A new search starts afresh.
 */
export function useTicketSelection(
  queryKey: string,
  resolveQuery: (() => IntercomQuery) | null,
  total: number,
): TicketSelection {
  const [state, setState] = useState<{ key: string; sel: State; last: number | null }>({
    key: queryKey,
    sel: { all: false, ids: new Set() },
    last: null,
  });
  // A different search: the old ticks mean nothing any more.
  const current =
    state.key === queryKey
      ? state
      : { key: queryKey, sel: { all: false, ids: new Set<string>() } as State, last: null };
  const { sel } = current;
  const set = (next: State, last: number | null = current.last) => setState({ key: queryKey, sel: next, last });
  const isSelected = (id: string) => (sel.all ? !sel.exclude.has(id) : sel.ids.has(id));
  const mark = (ids: string[], on: boolean): State => {
    if (sel.all) {
      const exclude = new Set(sel.exclude);
      for (const id of ids) {
        if (on) exclude.delete(id);
        else exclude.add(id);
      }
      return { all: true, exclude };
    }
    const next = new Set(sel.ids);
    for (const id of ids) {
      if (on) next.add(id);
      else next.delete(id);
    }
    return { all: false, ids: next };
  };
  const count = sel.all ? Math.max(0, total - sel.exclude.size) : sel.ids.size;
  return {
    count,
    allMatching: sel.all,
    isSelected,
    toggle: (id, index, shift, pageIds) => {
      const on = !isSelected(id);
      const ids =
        shift && current.last !== null
          ? pageIds.slice(Math.min(current.last, index), Math.max(current.last, index) + 1)
          : [id];
      set(mark(ids, on), index);
    },
    pageState: (pageIds) => {
      const n = pageIds.filter(isSelected).length;
      return n === 0 ? "none" : n === pageIds.length ? "all" : "some";
    },
    togglePage: (pageIds) => {
      const all = pageIds.length > 0 && pageIds.every(isSelected);
      set(mark(pageIds, !all), null);
    },
    selectAllMatching:
      resolveQuery && total <= MAX_SELECTION ? () => set({ all: true, exclude: new Set() }, null) : null,
    clear: () => set({ all: false, ids: new Set() }, null),
    // Relative dates in the search are read now, when the job is about to be made.
    toSelection: () =>
      sel.all
        ? { kind: "query", query: resolveQuery!(), ...(sel.exclude.size ? { exclude: [...sel.exclude] } : {}) }
        : { kind: "ids", ids: [...sel.ids] },
  };
}
