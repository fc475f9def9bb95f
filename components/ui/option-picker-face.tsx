import { ChevronsUpDown } from "lucide-react";
import { cn } from "@/lib/cn";

export interface PickerOption {
  value: string;
  label: string;
  hint?: string;
}

/** What a picker's button says and how it is named: shared by the picker and its stand-in. */
export function pickerFace(options: PickerOption[], value: string | string[], label: string, placeholder = "Choose…") {
  const selected = Array.isArray(value) ? value : value ? [value] : [];
  const names = selected.map((v) => options.find((o) => o.value === v)?.label ?? v);
  const summary =
    names.length === 0
      ? placeholder
      : names.length <= 2
        ? names.join(", ")
        : `${names.slice(0, 2).join(", ")} +${names.length - 2}`;
  return {
    selected,
    ariaLabel: `${label}: ${names.length ? names.join(", ") : "none chosen"}`,
    className: cn(
      "flex h-9 w-full min-w-0 items-center justify-between gap-2 rounded-md border border-input bg-background px-3 text-left text-sm shadow-xs hover:bg-accent/50 disabled:cursor-not-allowed disabled:opacity-50 aria-invalid:border-destructive",
      names.length === 0 && "text-muted-foreground",
    ),
    content: (
      <>
        <span className="truncate">{summary}</span>
        <ChevronsUpDown className="size-4 shrink-0 opacity-50" aria-hidden="true" />
      </>
    ),
  };
}
