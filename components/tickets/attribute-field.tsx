"use client";

import { useId } from "react";
import { Label } from "@/components/ui/label";
import type { TicketTypeAttribute } from "@/lib/intercom/schemas";
import { attributeLabel, type AttrValue } from "@/lib/tickets/attributes";
import { AttributeInput } from "./attribute-input";

/** One attribute in a form: its label (marked when required), the input of its type, a hint and the error beside it. */
export function AttributeField({
  attribute,
  value,
  onChange,
  timezone,
  error,
  hint,
}: {
  attribute: TicketTypeAttribute;
  value: AttrValue | undefined;
  onChange: (value: AttrValue) => void;
  timezone: string;
  error?: string | null;
  hint?: string | null;
}) {
  const id = useId();
  const label = attributeLabel(attribute);
  const described = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="space-y-1.5">
      {attribute.data_type === "boolean" ? (
        <span className="text-sm font-medium" id={`${id}-label`}>
          {label}
        </span>
      ) : (
        <Label htmlFor={id}>
          {label}
          {attribute.required_to_create && (
            <span className="text-destructive">
              {" "}
              *<span className="sr-only">(required)</span>
            </span>
          )}
        </Label>
      )}
      <AttributeInput
        attribute={attribute}
        id={id}
        ariaLabel={attribute.data_type === "boolean" ? label : undefined}
        value={value}
        onChange={onChange}
        timezone={timezone}
        invalid={Boolean(error)}
        describedBy={described}
      />
      {hint && (
        <p id={`${id}-hint`} className="text-xs text-muted-foreground">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="text-xs text-destructive">
          {error}
        </p>
      )}
    </div>
  );
}
