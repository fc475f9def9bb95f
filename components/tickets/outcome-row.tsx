"use client";

import { ArrowRight, Undo2 } from "lucide-react";
import { useId } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { attributeLabel, displayValue, type AttrValue } from "@/lib/tickets/attributes";
import type { AttributeOutcome } from "@/lib/tickets/type-change";
import { AttributeInput } from "./attribute-input";

const OUTCOME: Record<
  AttributeOutcome["kind"],
  { label: string; variant: "success" | "default" | "destructive" | "secondary" }
> = {
  carried: { label: "Carries over", variant: "success" },
  override: { label: "New value", variant: "default" },
  needs_value: { label: "Needs a value", variant: "destructive" },
  empty: { label: "Starts empty", variant: "secondary" },
};

/** One attribute of the new type: what happens to it (carried, new value, needs one, empty), and its input when given a value. */
export function OutcomeRow({
  outcome,
  timezone,
  error,
  onOverride,
}: {
  outcome: AttributeOutcome;
  timezone: string;
  error?: string;
  onOverride: (v: AttrValue | undefined) => void;
}) {
  const id = useId();
  const { attribute } = outcome;
  const label = attributeLabel(attribute);
  const badge =
    outcome.kind === "override" && outcome.carried !== undefined
      ? { label: "Replaces the carried value", variant: "default" as const }
      : OUTCOME[outcome.kind];
  const editing = outcome.kind === "override" || outcome.kind === "needs_value";
  return (
    <li aria-label={label} className="grid gap-2 p-3 sm:grid-cols-[11rem_9rem_1fr] sm:items-start">
      <span className="text-sm font-medium" id={`${id}-label`}>
        {label}
        {attribute.required_to_create && (
          <span className="text-destructive">
            {" "}
            *<span className="sr-only">(required)</span>
          </span>
        )}
      </span>
      <span>
        <Badge variant={badge.variant}>{badge.label}</Badge>
      </span>
      <div className="min-w-0 space-y-1">
        {editing ? (
          <div className="flex items-start gap-2">
            <div className="min-w-0 flex-1">
              <AttributeInput
                attribute={attribute}
                id={`${id}-input`}
                ariaLabel={label}
                value={outcome.kind === "override" ? outcome.value : undefined}
                onChange={onOverride}
                timezone={timezone}
                invalid={Boolean(error)}
                describedBy={error ? `${id}-error` : undefined}
                autoFocus={outcome.kind === "override"}
              />
            </div>
            {outcome.kind === "override" && (
              <Button
                variant="ghost"
                size="icon-sm"
                aria-label={`Undo the new value of ${label}`}
                onClick={() => onOverride(undefined)}
              >
                <Undo2 aria-hidden="true" />
              </Button>
            )}
          </div>
        ) : (
          <div className="flex items-center gap-2">
            <span
              className={
                outcome.kind === "carried"
                  ? "min-w-0 flex-1 truncate text-sm"
                  : "min-w-0 flex-1 text-sm text-muted-foreground"
              }
            >
              {outcome.kind === "carried" ? (
                <>
                  {displayValue(attribute, outcome.value, timezone)}
                  {outcome.from.name !== attribute.name && (
                    <span className="text-muted-foreground">
                      {" "}
                      <ArrowRight className="inline size-3" aria-hidden="true" /> from {attributeLabel(outcome.from)}
                    </span>
                  )}
                </>
              ) : (
                "Empty"
              )}
            </span>
            {attribute.data_type !== "files" && (
              <Button
                variant="outline"
                size="sm"
                onClick={() => onOverride(outcome.kind === "carried" ? outcome.value : null)}
              >
                {outcome.kind === "carried" ? `Change ${label}` : `Set ${label}`}
              </Button>
            )}
          </div>
        )}
        {error && (
          <p id={`${id}-error`} className="text-xs text-destructive">
            {error}
          </p>
        )}
      </div>
    </li>
  );
}
