"use client";

import { Columns3 } from "lucide-react";
import { DropdownMenu as Primitive } from "radix-ui";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";

/** Which columns the table shows; the choice is kept (per workspace and resource, or in a saved view). */
export function ColumnMenu({
  columns,
  visible,
  onChange,
}: {
  columns: { id: string; label: string }[];
  visible: string[];
  onChange: (ids: string[]) => void;
}) {
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button variant="outline" size="sm">
          <Columns3 aria-hidden="true" /> Columns
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end" className="w-52">
        <DropdownMenuLabel>Show columns</DropdownMenuLabel>
        <DropdownMenuSeparator />
        {columns.map((c) => (
          <Primitive.CheckboxItem
            key={c.id}
            checked={visible.includes(c.id)}
            disabled={visible.length === 1 && visible.includes(c.id)}
            onSelect={(e) => e.preventDefault()}
            onCheckedChange={(on) =>
              onChange(
                on
                  ? columns.map((x) => x.id).filter((id) => id === c.id || visible.includes(id))
                  : visible.filter((id) => id !== c.id),
              )
            }
            className="relative flex cursor-default select-none items-center gap-2 rounded-sm py-1.5 pl-7 pr-2 text-sm outline-none data-[highlighted]:bg-accent data-[disabled]:opacity-50"
          >
            <Primitive.ItemIndicator className="absolute left-2 text-xs font-bold">✓</Primitive.ItemIndicator>
            {c.label}
          </Primitive.CheckboxItem>
        ))}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
