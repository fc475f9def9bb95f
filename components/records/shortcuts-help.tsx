"use client";

import { Dialog, DialogContent, DialogDescription, DialogTitle } from "@/components/ui/dialog";
import type { Shortcut } from "./shortcuts";

export function ShortcutsHelp({
  open,
  onOpenChange,
  shortcuts,
}: {
  open: boolean;
  onOpenChange: (o: boolean) => void;
  shortcuts: Shortcut[];
}) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent>
        <DialogTitle>Keyboard shortcuts</DialogTitle>
        <DialogDescription>They work anywhere on this page except while typing in a field.</DialogDescription>
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
          {[...shortcuts, { key: "?", label: "Show these shortcuts" }].map((s) => (
            <div key={s.key} className="contents">
              <dt>
                <kbd className="rounded border bg-muted px-1.5 py-0.5 font-mono text-xs uppercase">{s.key}</kbd>
              </dt>
              <dd>{s.label}</dd>
            </div>
          ))}
        </dl>
      </DialogContent>
    </Dialog>
  );
}
