"use client";

import { useEffect, useEffectEvent, useState } from "react";
import { typingIn } from "@/lib/keyboard";

export interface Shortcut {
  key: string;
  label: string;
  run: () => void;
}

/** Typing in a field, or pressing a modifier, is never a shortcut. */
function ignored(e: KeyboardEvent): boolean {
  if (e.metaKey || e.ctrlKey || e.altKey || e.defaultPrevented || e.repeat) return true;
  if (typingIn(e.target)) return true;
  const t = e.target as HTMLElement | null;
  if (!t?.closest) return false;
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
