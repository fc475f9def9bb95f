"use client";

import { useEffect, useEffectEvent, useState } from "react";
import { Dialog, DialogContent, DialogDescription, DialogTitle } from "@/components/ui/dialog";

export interface Shortcut {
  key: string;
  label: string;
  run: () => void;
}

/** Typing in a field, or pressing a modifier, is never a shortcut. */
function ignored(e: KeyboardEvent): boolean {
  if (e.metaKey || e.ctrlKey || e.altKey || e.defaultPrevented || e.repeat) return true;
  const t = e.target as HTMLElement | null;
  if (!t) return false;
  if (t.isContentEditable) return true;
  const tag = t.tagName;
  if (tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT") return true;
  // Inside an open menu, dialog or listbox, keys belong to it.
  return Boolean(t.closest("[role=dialog],[role=menu],[role=listbox],[cmdk-root]"));
}

/** Single-key shortcuts for a page, with "?" listing them. */
export function useShortcuts(shortcuts: Shortcut[]): { helpOpen: boolean; setHelpOpen: (o: boolean) => void } {
  const [helpOpen, setHelpOpen] = useState(false);
  // The listener is added once and always sees this render's shortcuts.
  const onKey = useEffectEvent((e: KeyboardEvent) => {
    if (ignored(e)) return;
    if (e.key === "?") {
      e.preventDefault();
      setHelpOpen(true);
      return;
    }
    const hit = shortcuts.find((s) => s.key === e.key.toLowerCase());
    if (hit) {
      e.preventDefault();
      hit.run();
    }
  });
  useEffect(() => {
    const listener = (e: KeyboardEvent) => onKey(e);
    window.addEventListener("keydown", listener);
    return () => window.removeEventListener("keydown", listener);
  }, []);
  return { helpOpen, setHelpOpen };
}

export function ShortcutsHelp({ open, onOpenChange, shortcuts }: { open: boolean; onOpenChange: (o: boolean) => void; shortcuts: Shortcut[] }) {
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
