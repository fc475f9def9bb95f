"use client";

import { Dialog, DialogContent, DialogDescription, DialogTitle } from "@/components/ui/dialog";
import type { SavedView } from "@/lib/views/schemas";
import { LazyViewForm } from "./lazy-view-form";

export function RenameViewDialog({
  view,
  open,
  onOpenChange,
  onRename,
}: {
  view: SavedView;
  open: boolean;
  onOpenChange: (o: boolean) => void;
  onRename: (name: string) => Promise<unknown>;
}) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent>
        <DialogTitle>Rename view</DialogTitle>
        <DialogDescription>
          {view.shared || view.owner === "default"
            ? "Everyone in the workspace sees the new name."
            : "Only you see this view."}
        </DialogDescription>
        {open && (
          <LazyViewForm
            initial={{ name: view.name, shared: view.shared }}
            withShared={false}
            submitLabel="Rename"
            onCancel={() => onOpenChange(false)}
            onSubmit={async ({ name }) => {
              await onRename(name);
              onOpenChange(false);
            }}
          />
        )}
      </DialogContent>
    </Dialog>
  );
}
