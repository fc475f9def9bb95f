"use client";

import { Check, ChevronsUpDown } from "lucide-react";
import { useState } from "react";
import { Command, CommandEmpty, CommandInput, CommandItem, CommandList } from "@/components/ui/command";
import { Popover, PopoverContent, PopoverTrigger } from "@/components/ui/popover";
import { cn } from "@/lib/cn";

export interface Option {
  value: string;
  label: string;
  hint?: string;
}

export interface OptionPickerProps {
  options: Option[];
  /** One value, or several when `multiple`. */
  value: string | string[];
  multiple?: boolean;
  onChange: (value: string | string[]) => void;
  label: string;
  placeholder?: string;
  invalid?: boolean;
  /** Extra options found by searching (contacts); merged into the list. */
  onSearch?: (text: string) => void;
  loading?: boolean;
  emptyText?: string;
  /** Controlled open state, for pages that open the picker from a shortcut. */
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
  disabled?: boolean;
}

/** A searchable picker (one or many) for admins, teams, tags, types, segments, enums and contacts. */
export function OptionPicker({
  options,
  value,
  multiple,
  onChange,
  label,
  placeholder = "Choose…",
  invalid,
  onSearch,
  loading,
  emptyText = "Nothing matches.",
  open: openProp,
  onOpenChange,
  disabled,
}: OptionPickerProps) {
  const [openState, setOpenState] = useState(false);
  const open = openProp ?? openState;
  const setOpen = (next: boolean) => {
    setOpenState(next);
    onOpenChange?.(next);
  };
  const selected = Array.isArray(value) ? value : value ? [value] : [];
  const names = selected.map((v) => options.find((o) => o.value === v)?.label ?? v);
  const summary =
    names.length === 0
      ? placeholder
      : names.length <= 2
        ? names.join(", ")
        : `${names.slice(0, 2).join(", ")} +${names.length - 2}`;
  const toggle = (v: string) => {
    if (!multiple) {
      onChange(v);
      setOpen(false);
      return;
    }
    onChange(selected.includes(v) ? selected.filter((x) => x !== v) : [...selected, v]);
  };
  return (
    <Popover open={open} onOpenChange={setOpen}>
      <PopoverTrigger
        aria-label={`${label}: ${names.length ? names.join(", ") : "none chosen"}`}
        aria-invalid={invalid || undefined}
        disabled={disabled}
        className={cn(
          "flex h-9 w-full min-w-0 items-center justify-between gap-2 rounded-md border border-input bg-background px-3 text-left text-sm shadow-xs hover:bg-accent/50 disabled:cursor-not-allowed disabled:opacity-50 aria-invalid:border-destructive",
          names.length === 0 && "text-muted-foreground",
        )}
      >
        <span className="truncate">{summary}</span>
        <ChevronsUpDown className="size-4 shrink-0 opacity-50" aria-hidden="true" />
      </PopoverTrigger>
      <PopoverContent className="w-80 p-0">
        <Command shouldFilter={!onSearch} loop>
          <CommandInput placeholder="Search…" aria-label={`Search ${label}`} onValueChange={onSearch} />
          <CommandList label={label}>
            <CommandEmpty>{loading ? "Searching…" : emptyText}</CommandEmpty>
            {options.map((o) => {
              const isOn = selected.includes(o.value);
              return (
                <CommandItem
                  key={o.value}
                  value={`${o.label} ${o.hint ?? ""} ${o.value}`}
                  onSelect={() => toggle(o.value)}
                  aria-selected={isOn}
                >
                  <Check className={cn("size-4", isOn ? "opacity-100" : "opacity-0")} aria-hidden="true" />
                  <span className="min-w-0 flex-1 truncate">{o.label}</span>
                  {o.hint && <span className="truncate text-xs text-muted-foreground">{o.hint}</span>}
                </CommandItem>
              );
            })}
          </CommandList>
        </Command>
      </PopoverContent>
    </Popover>
  );
}
