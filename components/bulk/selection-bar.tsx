"use client";

import { Layers, X } from "lucide-react";
import dynamic from "next/dynamic";
import { useEffect, useEffectEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import type { WorkspaceCatalog } from "@/lib/catalog/types";
import { typingIn } from "@/lib/keyboard";
import type { TicketSelection } from "./use-selection";

/** The dialog loads when first opened: lists do not pay for it until a lead acts. */
const BulkDialog = dynamic(() => import("./bulk-dialog").then((m) => m.BulkDialog), { ssr: false });

const numbers = new Intl.NumberFormat("en");

/** Escape clears a selection, unless it belongs to a field, a menu or a dialog. */
function clears(e: KeyboardEvent): boolean {
  if (e.key !== "Escape" || e.defaultPrevented) return false;
  if (typingIn(e.target)) return false;
  return !document.querySelector("[role=dialog],[role=menu],[role=listbox]");
}

/** Pinned under the list while tickets are ticked: how many, the bulk action, and clear (Esc). */
export function SelectionBar({
  selection,
  workspace,
  timezone,
  catalog,
}: {
  selection: TicketSelection;
  workspace: string;
  timezone: string;
  catalog: WorkspaceCatalog;
}) {
  const [open, setOpen] = useState(false);
  const onKey = useEffectEvent((e: KeyboardEvent) => {
    if (selection.count > 0 && !open && clears(e)) selection.clear();
  });
  useEffect(() => {
    const listener = (e: KeyboardEvent) => onKey(e);
    window.addEventListener("keydown", listener);
    return () => window.removeEventListener("keydown", listener);
  }, []);
  if (selection.count === 0) return null;
  return (
    <>
      <div
        role="region"
        aria-label="Selection"
        className="sticky bottom-4 z-30 mx-auto flex w-fit flex-wrap items-center gap-3 rounded-lg border bg-popover px-4 py-2.5 text-popover-foreground shadow-lg"
      >
        <p className="text-sm font-medium" aria-live="polite">
          {numbers.format(selection.count)} {selection.count === 1 ? "ticket" : "tickets"} selected
          {selection.allMatching ? " (all matching)" : ""}
        </p>
        <Button size="sm" onClick={() => setOpen(true)}>
          <Layers aria-hidden="true" /> Bulk action…
        </Button>
        <Button size="sm" variant="ghost" onClick={selection.clear} aria-keyshortcuts="Escape">
          <X aria-hidden="true" /> Clear <kbd className="ml-1 rounded border px-1 font-mono text-[10px]">Esc</kbd>
        </Button>
      </div>
      {open && (
        <BulkDialog
          workspace={workspace}
          timezone={timezone}
          catalog={catalog}
          count={selection.count}
          selection={selection.toSelection}
          onClose={() => setOpen(false)}
          onStarted={() => {
            setOpen(false);
            selection.clear();
          }}
        />
      )}
    </>
  );
}
