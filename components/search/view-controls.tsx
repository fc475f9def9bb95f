"use client";

import { Save } from "lucide-react";
import dynamic from "next/dynamic";
import { Button } from "@/components/ui/button";
import { useViewMutations } from "@/lib/queries/views";
import type { Resource } from "@/lib/search/fields";
import { stripIds, type FilterNode, type GroupNode } from "@/lib/search/model";
import { withPinned } from "@/lib/search/pin";
import type { SavedView } from "@/lib/views/schemas";
import type { BuilderShown } from "./search-builder";
import type { ColumnsState } from "./use-columns";

/** The dialog's code (and the view form's) loads beside the builder, not with the page's first download. */
const SaveViewDialog = dynamic(() => import("./save-view-dialog").then((m) => m.SaveViewDialog), {
  ssr: false,
  loading: () => (
    <Button variant="outline" size="sm" disabled>
      <Save aria-hidden="true" /> Save view
    </Button>
  ),
});

export const UNSEARCHED_NOTE =
  "What the builder shows differs from the last search run: the view keeps what is shown, and runs it once saved.";

/**
 * "Update view" and "Save view", both from what the builder shows (not the last search run):
 * a lead who edits and saves keeps what they see.
 */
export function ViewControls({
  ws,
  resource,
  view,
  shown,
  pinned,
  columns,
  onSaved,
}: {
  ws: string;
  resource: Resource;
  view: SavedView | null;
  shown: BuilderShown;
  pinned?: { node: FilterNode };
  columns: ColumnsState;
  /** After saving or updating: run the saved tree (the lead's part, without the pinned filter). */
  onSaved: (saved: SavedView, root: GroupNode) => Promise<void> | void;
}) {
  const mutations = useViewMutations(ws);
  const { root } = shown;
  const full = root && (pinned ? withPinned(pinned.node, root) : root);
  const changed =
    view !== null &&
    full !== null &&
    (JSON.stringify(stripIds(view.query.root)) !== JSON.stringify(stripIds(full)) || columns.dirty);
  return (
    <>
      {view?.editable && changed && full && root && (
        <Button
          variant="outline"
          size="sm"
          disabled={mutations.update.isPending}
          onClick={() =>
            mutations.update.mutate(
              { id: view.id, patch: { query: { resource, root: full }, columns: columns.visible } },
              { onSuccess: (saved) => void onSaved(saved, root) },
            )
          }
        >
          Update “{view.name}”
        </Button>
      )}
      <SaveViewDialog
        disabled={!full}
        note={shown.dirty ? UNSEARCHED_NOTE : undefined}
        onSave={async (values) => {
          if (!full || !root) throw new Error("Some filters need attention before the view can be saved.");
          const saved = await mutations.create.mutateAsync({
            ...values,
            resource,
            query: { resource, root: full },
            columns: columns.visible,
          });
          await onSaved(saved, root);
          return saved;
        }}
      />
    </>
  );
}
