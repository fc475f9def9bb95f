"use client";

import { useId, useState } from "react";
import { AttributeField } from "@/components/tickets/attribute-field";
import { AttributeInput } from "@/components/tickets/attribute-input";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { OptionPicker } from "@/components/ui/option-picker";
import type { WorkspaceCatalog } from "@/lib/catalog/types";
import { fromLocalInput } from "@/lib/format/time";
import { attributeLabel } from "@/lib/tickets/attributes";
import type { BulkDraft } from "./action-form";
import { attributeAcrossTypes, settableAttributes, stateLabels, statesWithLabel } from "./attribute-choices";

interface FieldsProps {
  draft: BulkDraft;
  set: (patch: Partial<BulkDraft>) => void;
  catalog: WorkspaceCatalog;
  timezone: string;
  errors: Partial<Record<keyof BulkDraft, string>>;
}

function FieldError({ id, error }: { id: string; error?: string }) {
  return error ? (
    <p id={id} className="text-xs text-destructive">
      {error}
    </p>
  ) : null;
}

function Picker({
  label,
  options,
  value,
  onChange,
  error,
}: {
  label: string;
  options: { value: string; label: string; hint?: string }[];
  value: string | undefined;
  onChange: (v: string) => void;
  error?: string;
}) {
  const id = useId();
  return (
    <div className="space-y-1.5">
      <p className="text-sm font-medium">{label}</p>
      <OptionPicker
        label={label}
        options={options}
        value={value ?? ""}
        onChange={(v) => onChange(v as string)}
        invalid={Boolean(error)}
      />
      <FieldError id={`${id}-e`} error={error} />
    </div>
  );
}

/** Set state: a state by its label; the preview then shows each ticket type's own state for it, to change per type. */
function StateField({ set, catalog, errors }: FieldsProps) {
  const id = useId();
  const [label, setLabel] = useState("");
  return (
    <div className="space-y-1.5">
      <Label htmlFor={`${id}-state`} className="block">
        New state
      </Label>
      <NativeSelect
        id={`${id}-state`}
        className="w-full"
        value={label}
        onChange={(e) => {
          setLabel(e.target.value);
          set({ states: e.target.value ? statesWithLabel(catalog, e.target.value) : {} });
        }}
        aria-invalid={errors.states ? true : undefined}
        aria-describedby={`${id}-hint${errors.states ? ` ${id}-e` : ""}`}
      >
        <option value="">Choose a state…</option>
        {stateLabels(catalog).map((l) => (
          <option key={l} value={l}>
            {l}
          </option>
        ))}
      </NativeSelect>
      <p id={`${id}-hint`} className="text-xs text-muted-foreground">
        Each ticket type has its own states. The preview shows, per type, the state its tickets get; types without a
        state of this name are skipped unless you choose one.
      </p>
      <FieldError id={`${id}-e`} error={errors.states} />
    </div>
  );
}

function SnoozeField({ set, timezone, errors }: FieldsProps) {
  const id = useId();
  const [text, setText] = useState("");
  return (
    <div className="space-y-1.5">
      <Label htmlFor={`${id}-until`} className="block">
        Snooze until ({timezone})
      </Label>
      <Input
        id={`${id}-until`}
        type="datetime-local"
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          set({ until: e.target.value ? (fromLocalInput(e.target.value, timezone) ?? undefined) : undefined });
        }}
        aria-invalid={errors.until ? true : undefined}
        aria-describedby={errors.until ? `${id}-e` : undefined}
      />
      <FieldError id={`${id}-e`} error={errors.until} />
    </div>
  );
}

function AttributeFields({ draft, set, catalog, timezone, errors }: FieldsProps) {
  const id = useId();
  const [name, value] = Object.entries(draft.attributes ?? {})[0] ?? ["", undefined];
  const attr = name ? attributeAcrossTypes(catalog, name) : null;
  const liveTypes = catalog.ticketTypes.filter((t) => !t.archived);
  return (
    <div className="space-y-3">
      <div className="space-y-1.5">
        <Label htmlFor={`${id}-attr`} className="block">
          Attribute
        </Label>
        <NativeSelect
          id={`${id}-attr`}
          className="w-full"
          value={name}
          onChange={(e) => set({ attributes: e.target.value ? { [e.target.value]: undefined } : {} })}
          aria-invalid={errors.attributes && !name ? true : undefined}
          aria-describedby={errors.attributes && !name ? `${id}-e` : undefined}
        >
          <option value="">Choose an attribute…</option>
          {settableAttributes(catalog).map((a) => (
            <option key={a.name} value={a.name}>
              {attributeLabel(a)} {a.types < liveTypes.length ? `(${a.types} of ${liveTypes.length} types)` : ""}
            </option>
          ))}
        </NativeSelect>
        {!name && <FieldError id={`${id}-e`} error={errors.attributes} />}
      </div>
      {attr && (
        <div className="space-y-1.5">
          <Label htmlFor={`${id}-value`} className="block">
            Value
          </Label>
          <AttributeInput
            key={attr.name}
            attribute={attr}
            id={`${id}-value`}
            ariaLabel={attr.data_type === "boolean" ? "Value" : undefined}
            value={value}
            onChange={(v) => set({ attributes: { [attr.name]: v } })}
            timezone={timezone}
            invalid={Boolean(errors.attributes)}
            describedBy={errors.attributes ? `${id}-ve` : undefined}
          />
          <FieldError id={`${id}-ve`} error={errors.attributes} />
        </div>
      )}
    </div>
  );
}

function ChangeTypeFields({ draft, set, catalog, timezone, errors }: FieldsProps) {
  const id = useId();
  const liveTypes = catalog.ticketTypes.filter((t) => !t.archived);
  const target = liveTypes.find((t) => t.id === draft.ticket_type_id);
  const required = (target?.ticket_type_attributes ?? []).filter(
    (a) => a.required_to_create && !a.archived && !a.name.startsWith("_default_") && a.data_type !== "files",
  );
  return (
    <div className="space-y-3">
      <div className="space-y-1.5">
        <Label htmlFor={`${id}-type`} className="block">
          New type
        </Label>
        <NativeSelect
          id={`${id}-type`}
          className="w-full"
          value={draft.ticket_type_id ?? ""}
          onChange={(e) => set({ ticket_type_id: e.target.value, states: undefined, fill: undefined })}
          aria-invalid={errors.ticket_type_id ? true : undefined}
          aria-describedby={`${id}-thint${errors.ticket_type_id ? ` ${id}-e` : ""}`}
        >
          <option value="">Choose a type…</option>
          {liveTypes.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name} ({t.category})
            </option>
          ))}
        </NativeSelect>
        <p id={`${id}-thint`} className="text-xs text-muted-foreground">
          Tickets of another category are skipped. Attributes with the same name and kind carry over. The preview shows
          the new state for each type, to change per type.
        </p>
        <FieldError id={`${id}-e`} error={errors.ticket_type_id} />
      </div>
      {target &&
        required.map((attr) => {
          const across = attributeAcrossTypes({ ...catalog, ticketTypes: [target] }, attr.name) ?? attr;
          return (
            <AttributeField
              key={attr.id}
              attribute={{ ...across, required_to_create: false }}
              value={draft.fill?.[attr.name]}
              onChange={(v) => set({ fill: { ...draft.fill, [attr.name]: v } })}
              timezone={timezone}
              error={errors.fill}
              hint={`${target.name} needs it: used for tickets that have no value of their own to carry over.`}
            />
          );
        })}
    </div>
  );
}

/** The inputs the chosen change needs, each with its label and any error beside it. */
export function ActionFields(props: FieldsProps) {
  const { draft, set, catalog, errors } = props;
  switch (draft.type) {
    case "assign_admin":
      return (
        <Picker
          label="Teammate"
          options={catalog.admins.map((a) => ({ value: a.id, label: a.name, hint: a.email }))}
          value={draft.admin_id}
          onChange={(v) => set({ admin_id: v })}
          error={errors.admin_id}
        />
      );
    case "assign_team":
      return (
        <Picker
          label="Team"
          options={catalog.teams.map((t) => ({ value: t.id, label: t.name }))}
          value={draft.team_id}
          onChange={(v) => set({ team_id: v })}
          error={errors.team_id}
        />
      );
    case "add_tag":
    case "remove_tag":
      return (
        <Picker
          label="Tag"
          options={catalog.tags.map((t) => ({ value: t.id, label: t.name }))}
          value={draft.tag_id}
          onChange={(v) => set({ tag_id: v })}
          error={errors.tag_id}
        />
      );
    case "set_state":
      return <StateField {...props} />;
    case "snooze":
      return <SnoozeField {...props} />;
    case "set_attributes":
      return <AttributeFields {...props} />;
    case "change_type":
      return <ChangeTypeFields {...props} />;
    default:
      return null;
  }
}
