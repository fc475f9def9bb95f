"use client";

import { Check } from "lucide-react";
import { useState } from "react";
import { Command, CommandEmpty, CommandInput, CommandItem, CommandList } from "@/components/ui/command";
import { Popover, PopoverContent, PopoverTrigger } from "@/components/ui/popover";
import { cn } from "@/lib/cn";
import { pickerFace, type PickerOption } from "./option-picker-face";
export type Option = PickerOption;

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
  const face = pickerFace(options, value, label, placeholder);
  const selected = face.selected;
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
        aria-label={face.ariaLabel}
        aria-invalid={invalid || undefined}
        disabled={disabled}
        className={face.className}
      >
        {face.content}
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
