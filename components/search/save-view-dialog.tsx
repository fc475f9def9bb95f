"use client";

import { Info, Save } from "lucide-react";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { LazyViewForm } from "@/components/views/lazy-view-form";
import type { ViewFormValues } from "@/components/views/view-form";
import type { SavedView } from "@/lib/views/schemas";

/** Names and saves the search the builder shows (query and columns) as a personal or shared view. */
export function SaveViewDialog({
  onSave,
  disabled,
  note,
}: {
  onSave: (values: ViewFormValues) => Promise<SavedView>;
  disabled?: boolean;
  /** Why what is saved is not what the results show (filters edited since the last search). */
  note?: string;
}) {
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="outline" size="sm" disabled={disabled}>
          <Save aria-hidden="true" /> Save view
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogTitle>Save this view</DialogTitle>
        <DialogDescription>Keeps the search and the columns shown. It appears in the sidebar.</DialogDescription>
        {note && (
          <Alert role="note" variant="warning">
            <Info aria-hidden="true" />
            <p>{note}</p>
          </Alert>
        )}
        {open && (
          <LazyViewForm
            initial={{ name: "", shared: false }}
            withShared
            submitLabel="Save view"
            onCancel={() => setOpen(false)}
            onSubmit={async (values) => {
              await onSave(values);
              setOpen(false);
            }}
          />
        )}
      </DialogContent>
    </Dialog>
  );
}
