"use client";

import { useId } from "react";
import { cn } from "@/lib/cn";
import type { TicketType } from "@/lib/intercom/schemas";

export interface Choice {
  type: TicketType;
  selectable: boolean;
  reason: string | null;
}

/**
 * Ticket types as radio buttons: those that cannot be picked stay listed, disabled, with the
 * reason read out beside them. Arrow keys move between the ones that can.
 */
export function TypeChoiceList({
  legend,
  choices,
  value,
  onChange,
  error,
}: {
  legend: string;
  choices: Choice[];
  value: string;
  onChange: (id: string) => void;
  error?: string | null;
}) {
  const id = useId();
  return (
    <fieldset
      aria-describedby={error ? `${id}-error` : undefined}
      aria-invalid={error ? true : undefined}
      className="space-y-2"
    >
      <legend className="mb-1 text-sm font-medium">{legend}</legend>
      <div className="grid gap-1.5 sm:grid-cols-2">
        {choices.map(({ type, selectable, reason }) => (
          <label
            key={type.id}
            className={cn(
              "flex cursor-pointer items-start gap-2 rounded-md border p-2.5 text-sm has-[:checked]:border-primary has-[:checked]:bg-primary/5 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-ring",
              !selectable && "cursor-not-allowed opacity-60",
            )}
          >
            <input
              type="radio"
              name={`${id}-type`}
              value={type.id}
              checked={value === type.id}
              disabled={!selectable}
              onChange={() => onChange(type.id)}
              aria-describedby={reason ? `${id}-${type.id}-reason` : undefined}
              className="mt-0.5 accent-primary focus-visible:outline-none"
            />
            <span className="min-w-0">
              <span className="block font-medium">
                {type.icon && (
                  <span aria-hidden="true" className="mr-1">
                    {type.icon}
                  </span>
                )}
                {type.name}
              </span>
              <span id={reason ? `${id}-${type.id}-reason` : undefined} className="block text-xs text-muted-foreground">
                {reason ?? type.category}
              </span>
            </span>
          </label>
        ))}
      </div>
      {error && (
        <p id={`${id}-error`} className="text-xs text-destructive">
          {error}
        </p>
      )}
    </fieldset>
  );
}
