"use client";

import { ChevronsUpDown } from "lucide-react";
import { useState } from "react";
import { Command, CommandEmpty, CommandGroup, CommandInput, CommandItem, CommandList } from "@/components/ui/command";
import { Popover, PopoverContent, PopoverTrigger } from "@/components/ui/popover";
import { cn } from "@/lib/cn";
import type { Catalogue } from "@/lib/search/catalogue";

/** The field of a filter: a searchable list grouped by topic. */
export function FieldCombobox({
  catalogue,
  value,
  onChange,
  label,
  invalid,
}: {
  catalogue: Catalogue;
  value: string;
  onChange: (key: string) => void;
  label: string;
  invalid?: boolean;
}) {
  const [open, setOpen] = useState(false);
  const current = catalogue.get(value);
  return (
    <Popover open={open} onOpenChange={setOpen}>
      <PopoverTrigger
        aria-label={`${label}: ${current?.label ?? "none chosen"}`}
        aria-invalid={invalid || undefined}
        className={cn(
          "flex h-9 w-full min-w-0 items-center justify-between gap-2 rounded-md border border-input bg-background px-3 text-left text-sm shadow-xs hover:bg-accent/50 aria-invalid:border-destructive",
          !current && "text-muted-foreground",
        )}
      >
        <span className="truncate">{current?.label ?? (value ? value : "Choose a field…")}</span>
        <ChevronsUpDown className="size-4 shrink-0 opacity-50" aria-hidden="true" />
      </PopoverTrigger>
      <PopoverContent className="w-96 p-0">
        <Command loop>
          <CommandInput placeholder="Search fields…" aria-label="Search fields" />
          <CommandList label="Fields" className="max-h-96">
            <CommandEmpty>No field matches.</CommandEmpty>
            {catalogue.topics.map((topic) => (
              <CommandGroup key={topic} heading={topic}>
                {catalogue.fields
                  .filter((f) => f.topic === topic)
                  .map((f) => (
                    <CommandItem
                      key={f.key}
                      value={`${f.label} ${f.key} ${topic}`}
                      onSelect={() => {
                        onChange(f.key);
                        setOpen(false);
                      }}
                    >
                      <span className="min-w-0 flex-1 truncate">{f.label}</span>
                      <span aria-hidden="true" className="shrink-0 font-mono text-[11px] text-muted-foreground">
                        {f.type}
                      </span>
                    </CommandItem>
                  ))}
              </CommandGroup>
            ))}
            {catalogue.missing.map((why) => (
              <p key={why} role="note" className="border-t px-3 py-2 text-xs text-muted-foreground">
                {why}
              </p>
            ))}
          </CommandList>
        </Command>
      </PopoverContent>
    </Popover>
  );
}
