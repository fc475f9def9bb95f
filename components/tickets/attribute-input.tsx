"use client";

import { useState } from "react";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { Switch } from "@/components/ui/switch";
import { Textarea } from "@/components/ui/textarea";
import { fromLocalInput, toLocalInput } from "@/lib/format/time";
import type { TicketTypeAttribute } from "@/lib/intercom/schemas";
import { activeListOptions, listOptions, type AttrValue } from "@/lib/tickets/attributes";

export interface AttributeInputProps {
  attribute: TicketTypeAttribute;
  id: string;
  value: AttrValue | undefined;
  onChange: (value: AttrValue) => void;
  timezone: string;
  invalid?: boolean;
  describedBy?: string;
  autoFocus?: boolean;
  /** The accessible name when no <label> points at `id`. */
  ariaLabel?: string;
}

/** A number as typed: "" clears, anything not a number stays NaN so the check can say so. */
function parseNumber(text: string): number | null {
  if (text.trim() === "") return null;
  return Number(text.trim().replace(",", "."));
}

/**
 * The input for one ticket attribute, by its data type: text (one line or several), numbers,
 * list items by label (sent as the item's id), Yes/No as a switch, dates in the workspace's
 * timezone. Shared by inline editing, the type-change form and the convert form.
 */
export function AttributeInput({
  attribute,
  id,
  value,
  onChange,
  timezone,
  invalid,
  describedBy,
  autoFocus,
  ariaLabel,
}: AttributeInputProps) {
  const [numberText, setNumberText] = useState(
    typeof value === "number" && Number.isFinite(value) ? String(value) : "",
  );
  const common = {
    id,
    "aria-invalid": invalid || undefined,
    "aria-describedby": describedBy,
    "aria-label": ariaLabel,
    "aria-required": attribute.required_to_create || undefined,
    autoFocus,
  };
  switch (attribute.data_type) {
    case "string":
      return attribute.input_options?.multiline ? (
        <Textarea
          {...common}
          rows={3}
          value={typeof value === "string" ? value : ""}
          onChange={(e) => onChange(e.target.value)}
        />
      ) : (
        <Input {...common} value={typeof value === "string" ? value : ""} onChange={(e) => onChange(e.target.value)} />
      );
    case "integer":
    case "decimal":
      return (
        <Input
          {...common}
          inputMode={attribute.data_type === "integer" ? "numeric" : "decimal"}
          value={numberText}
          onChange={(e) => {
            setNumberText(e.target.value);
            onChange(parseNumber(e.target.value));
          }}
        />
      );
    case "list": {
      const live = activeListOptions(attribute);
      // An archived item a ticket still holds stays visible, so the select shows the truth.
      const held = listOptions(attribute).find((o) => o.archived && o.id === value);
      return (
        <NativeSelect
          {...common}
          className="w-full"
          value={typeof value === "string" ? value : ""}
          onChange={(e) => onChange(e.target.value === "" ? null : e.target.value)}
        >
          <option value="">{attribute.required_to_create ? "Choose…" : "None"}</option>
          {held && (
            <option value={held.id} disabled>
              {held.label} (archived)
            </option>
          )}
          {live.map((o) => (
            <option key={o.id} value={o.id}>
              {o.label}
            </option>
          ))}
        </NativeSelect>
      );
    }
    case "boolean":
      return (
        <span className="flex h-9 items-center gap-2">
          <Switch {...common} checked={value === true} onCheckedChange={(on) => onChange(on)} />
          <span className="text-sm text-muted-foreground">{value === true ? "Yes" : "No"}</span>
        </span>
      );
    case "datetime":
      return (
        <Input
          {...common}
          type="datetime-local"
          value={typeof value === "number" ? toLocalInput(value, timezone) : ""}
          onChange={(e) => onChange(e.target.value === "" ? null : fromLocalInput(e.target.value, timezone))}
        />
      );
    case "files":
      return <p className="text-sm text-muted-foreground">Files are added in Intercom; the API cannot set them.</p>;
  }
}
