"use client";

import { Columns3, Save } from "lucide-react";
import { Button } from "@/components/ui/button";
import { LazyMenu } from "@/components/ui/lazy-menu";
import type { SavedView } from "@/lib/views/schemas";
import type { ViewFormValues } from "@/components/views/view-form";

/** The column chooser; its menu's code loads when first opened. */
export function ColumnMenuButton(props: {
  columns: { id: string; label: string }[];
  visible: string[];
  onChange: (ids: string[]) => void;
}) {
  return (
    <LazyMenu
      load={() => import("./column-menu").then((m) => m.ColumnMenu)}
      props={props}
      trigger={(handlers) => (
        <Button variant="outline" size="sm" aria-haspopup="menu" aria-expanded={false} {...handlers}>
          <Columns3 aria-hidden="true" /> Columns
        </Button>
      )}
    />
  );
}

/** "Save view"; its dialog's code loads when first opened. */
export function SaveViewButton(props: { onSave: (values: ViewFormValues) => Promise<SavedView>; disabled?: boolean }) {
  return (
    <LazyMenu
      load={() => import("./save-view-dialog").then((m) => m.SaveViewDialog)}
      props={props}
      trigger={(handlers) => (
        <Button variant="outline" size="sm" disabled={props.disabled} aria-haspopup="dialog" {...handlers}>
          <Save aria-hidden="true" /> Save view
        </Button>
      )}
    />
  );
}
