"use client";

import { useEffect, useRef, useState, type ComponentType, type ReactNode } from "react";

/**
 * A menu (or dialog) whose code loads the first time it is wanted: until then a stand-in
 * trigger, looking and named the same, is all the page carries. Hovering or focusing the
 * stand-in fetches the code; activating it swaps in the real one, opened.
 */
export function LazyMenu<P extends object>({
  load,
  props,
  trigger,
}: {
  load: () => Promise<ComponentType<P & { defaultOpen?: boolean }>>;
  props: P;
  /** The stand-in, given what to call when it is hovered, focused or activated. */
  trigger: (handlers: { onPointerEnter: () => void; onFocus: () => void; onClick: () => void }) => ReactNode;
}) {
  const [Component, setComponent] = useState<ComponentType<P & { defaultOpen?: boolean }> | null>(null);
  const pending = useRef<Promise<ComponentType<P & { defaultOpen?: boolean }>> | null>(null);
  const prefetch = () => (pending.current ??= load());
  if (Component) return <Component {...props} defaultOpen />;
  return (
    <>
      {trigger({
        onPointerEnter: () => void prefetch(),
        onFocus: () => void prefetch(),
        onClick: () => void prefetch().then((c) => setComponent(() => c)),
      })}
    </>
  );
}

/**
 * Like LazyMenu, for menus and pickers whose open state the page owns (a keyboard shortcut
 * opens them too): the stand-in shows until they are first opened, then the real one, loaded.
 */
export function LazyControlled<P extends object>({
  load,
  open,
  onOpenChange,
  props,
  trigger,
}: {
  load: () => Promise<ComponentType<P & { open: boolean; onOpenChange: (open: boolean) => void }>>;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  props: P;
  trigger: (handlers: { onPointerEnter: () => void; onFocus: () => void; onClick: () => void }) => ReactNode;
}) {
  const [Component, setComponent] = useState<ComponentType<
    P & { open: boolean; onOpenChange: (open: boolean) => void }
  > | null>(null);
  const pending = useRef<Promise<ComponentType<P & { open: boolean; onOpenChange: (open: boolean) => void }>> | null>(
    null,
  );
  const prefetch = () => (pending.current ??= load());
  useEffect(() => {
    if (open && !Component) void (pending.current ??= load()).then((c) => setComponent(() => c));
  }, [open, Component, load]);
  if (Component) return <Component {...props} open={open} onOpenChange={onOpenChange} />;
  return (
    <>
      {trigger({
        onPointerEnter: () => void prefetch(),
        onFocus: () => void prefetch(),
        onClick: () => onOpenChange(true),
      })}
    </>
  );
}
