"use client";

import { Save } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { LazyViewForm } from "@/components/views/lazy-view-form";
import type { ViewFormValues } from "@/components/views/view-form";
import type { SavedView } from "@/lib/views/schemas";

/** Names and saves the current search (query and columns) as a personal or shared view. */
export function SaveViewDialog({
  onSave,
  disabled,
  defaultOpen,
}: {
  onSave: (values: ViewFormValues) => Promise<SavedView>;
  disabled?: boolean;
  defaultOpen?: boolean;
}) {
  const [open, setOpen] = useState(Boolean(defaultOpen));
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
