"use client";

import { AlarmClock, MoreHorizontal } from "lucide-react";
import type { ComponentProps, ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { LazyControlled, LazyMenu } from "@/components/ui/lazy-menu";
import type { SnoozeMenuProps } from "./snooze-menu";

/** The Snooze button, as the menu's trigger and as its stand-in before the menu loads. */
export function SnoozeButton(props: ComponentProps<"button">) {
  return (
    <Button variant="outline" size="sm" {...props}>
      <AlarmClock aria-hidden="true" /> Snooze
    </Button>
  );
}

/** Snooze presets and a chosen time; loaded when first opened (click or S). */
export function LazySnoozeMenu({ open, onOpenChange, ...props }: SnoozeMenuProps) {
  return (
    <LazyControlled
      load={() => import("./snooze-menu").then((m) => m.SnoozeMenu)}
      open={open}
      onOpenChange={onOpenChange}
      props={props}
      trigger={(handlers) => (
        <SnoozeButton disabled={props.disabled} aria-haspopup="menu" aria-expanded={false} {...handlers} />
      )}
    />
  );
}

export interface MoreItem {
  label: string;
  icon?: ReactNode;
  destructive?: boolean;
  disabled?: boolean;
  onSelect: () => void;
}

/** "More actions": a short menu, loaded when first opened. */
export function MoreActions({ items }: { items: (MoreItem | "separator")[] }) {
  return (
    <LazyMenu
      load={() => import("./more-menu").then((m) => m.MoreMenu)}
      props={{ items }}
      trigger={(handlers) => (
        <Button
          variant="outline"
          size="icon-sm"
          aria-label="More actions"
          aria-haspopup="menu"
          aria-expanded={false}
          {...handlers}
        >
          <MoreHorizontal aria-hidden="true" />
        </Button>
      )}
    />
  );
}
