"use client";

import { MoreHorizontal } from "lucide-react";
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { cn } from "@/lib/cn";

export interface MoreItem {
  label: string;
  icon?: ReactNode;
  destructive?: boolean;
  disabled?: boolean;
  onSelect: () => void;
}

/** A line of text in place of an action the workspace cannot take, saying why. */
export interface MoreNote {
  note: string;
}

/** "More actions": a short menu of a record's less common actions. */
export function MoreMenu({ items }: { items: (MoreItem | MoreNote | "separator")[] }) {
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button variant="outline" size="icon-sm" aria-label="More actions">
          <MoreHorizontal aria-hidden="true" />
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end">
        {items.map((item, i) =>
          item === "separator" ? (
            <DropdownMenuSeparator key={i} />
          ) : "note" in item ? (
            <p key={item.note} role="note" className="max-w-64 px-2 py-1.5 text-xs text-muted-foreground">
              {item.note}
            </p>
          ) : (
            <DropdownMenuItem
              key={item.label}
              disabled={item.disabled}
              className={cn(item.destructive && "text-destructive")}
              onSelect={item.onSelect}
            >
              {item.icon}
              {item.label}
            </DropdownMenuItem>
          ),
        )}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
