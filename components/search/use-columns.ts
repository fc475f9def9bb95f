"use client";

import { useState, useSyncExternalStore } from "react";
import type { Resource } from "@/lib/search/fields";
import { DEFAULT_COLUMNS } from "@/lib/views/defaults";
import type { SavedView } from "@/lib/views/schemas";

export interface ColumnsState {
  visible: string[];
  setVisible: (ids: string[]) => void;
  /** The view's columns were changed and not saved. */
  dirty: boolean;
}

const storageKey = (ws: string, resource: Resource) => `triage:columns:${ws}:${resource}`;
const listeners = new Set<() => void>();

function subscribe(listener: () => void) {
  listeners.add(listener);
  window.addEventListener("storage", listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("storage", listener);
  };
}

function readStored(ws: string, resource: Resource): string[] | null {
  try {
    const stored: unknown = JSON.parse(window.localStorage.getItem(storageKey(ws, resource)) ?? "null");
    return Array.isArray(stored) && stored.length > 0 && stored.every((s) => typeof s === "string") ? stored : null;
  } catch {
    return null;
  }
}

/**
 * Columns come from the saved view when there is one (changes stay unsaved until the lead
 * updates the view), otherwise from this browser's last choice for the resource.
 */
export function useColumns(ws: string, resource: Resource, view: SavedView | null): ColumnsState {
  const storedText = useSyncExternalStore(
    subscribe,
    () => window.localStorage.getItem(storageKey(ws, resource)),
    () => null,
  );
  const [edit, setEdit] = useState<{ viewId: string; columns: string[] } | null>(null);
  const stored = storedText === null ? null : readStored(ws, resource);
  const viewEdit = view && edit?.viewId === view.id ? edit.columns : null;
  const visible = view ? (viewEdit ?? view.columns) : (stored ?? DEFAULT_COLUMNS[resource]);
  return {
    visible,
    setVisible: (ids) => {
      if (view) {
        setEdit({ viewId: view.id, columns: ids });
        return;
      }
      window.localStorage.setItem(storageKey(ws, resource), JSON.stringify(ids));
      for (const l of listeners) l();
    },
    dirty: viewEdit !== null && JSON.stringify(viewEdit) !== JSON.stringify(view?.columns),
  };
}
