"use client";

import { useQuery } from "@tanstack/react-query";
import { useDeferredValue, useState } from "react";
import { Input } from "@/components/ui/input";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import type { WorkspaceCatalog } from "@/lib/queries/catalog";
import { contactsByIdQuery, contactSearchQuery } from "@/lib/queries/contacts";
import type { CatalogueField } from "@/lib/search/catalogue";
import type { Resource } from "@/lib/search/fields";
import type { FilterValue, Scalar } from "@/lib/search/model";
import { DateValueInput } from "./date-value-input";
import { OptionPicker } from "@/components/ui/option-picker";
import type { OperatorChoice } from "./operators";
import { ME, optionsFor, type Option } from "./value-options";

interface Props {
  ws: string;
  resource: Resource;
  field: CatalogueField;
  choice: OperatorChoice;
  value: FilterValue;
  onChange: (value: FilterValue) => void;
  catalog: WorkspaceCatalog;
  me: { name: string };
  timezone: string;
  label: string;
  invalid?: boolean;
}

const isList = (c: OperatorChoice) => c === "IN" || c === "NIN";

/** Picker values are strings; integer fields (owner_id) store numbers. */
function fromPicked(field: CatalogueField, v: string): Scalar | { me: true } {
  if (v === ME) return { me: true };
  return field.type === "integer" && /^-?\d+$/.test(v) ? Number(v) : v;
}

function toPicked(v: unknown): string {
  if (typeof v === "object" && v !== null && "me" in v) return ME;
  return v === null || v === undefined ? "" : String(v);
}

/** The value control for a filter, chosen by the field's type and where its values come from. */
export function ValueInput({
  ws,
  resource,
  field,
  choice,
  value,
  onChange,
  catalog,
  me,
  timezone,
  label,
  invalid,
}: Props) {
  if (choice === "empty" || choice === "not_empty")
    return <span className="px-1 text-sm text-muted-foreground">(no value needed)</span>;
  const options = optionsFor(field, catalog, me);
  const list = isList(choice);

  if (options === "contacts") {
    const selected = list
      ? Array.isArray(value)
        ? value.map(String)
        : []
      : value === null || typeof value === "object"
        ? []
        : [String(value)];
    return (
      <ContactPicker
        ws={ws}
        selected={selected}
        multiple={list}
        onChange={(ids) => onChange(list ? ids : (ids[0] ?? ""))}
        label={label}
        invalid={invalid}
      />
    );
  }
  if (options) {
    const opts = list ? options.filter((o) => o.value !== ME) : options;
    return list ? (
      <OptionPicker
        options={opts}
        multiple
        value={Array.isArray(value) ? value.map(toPicked) : []}
        onChange={(v) => onChange((v as string[]).map((x) => fromPicked(field, x) as Scalar))}
        label={label}
        invalid={invalid}
      />
    ) : (
      <OptionPicker
        options={opts}
        value={toPicked(value)}
        onChange={(v) => onChange(fromPicked(field, v as string))}
        label={label}
        invalid={invalid}
      />
    );
  }
  if (field.type === "boolean") {
    return (
      <Select
        value={value === true ? "true" : value === false ? "false" : ""}
        onValueChange={(v) => onChange(v === "true")}
      >
        <SelectTrigger aria-label={label} aria-invalid={invalid || undefined}>
          <SelectValue placeholder="Choose…" />
        </SelectTrigger>
        <SelectContent>
          <SelectItem value="true">Yes (true)</SelectItem>
          <SelectItem value="false">No (false)</SelectItem>
        </SelectContent>
      </Select>
    );
  }
  if (field.type === "date" && !list) {
    return (
      <DateValueInput
        value={value}
        onChange={onChange}
        timezone={timezone}
        dayOnly={resource === "contacts"}
        label={label}
        invalid={invalid}
      />
    );
  }
  const numeric = field.type === "integer" || field.type === "float" || field.type === "date";
  if (list) {
    return (
      <ListTextInput
        numeric={numeric}
        value={Array.isArray(value) ? value : []}
        onChange={onChange}
        label={label}
        invalid={invalid}
      />
    );
  }
  return (
    <Input
      type={numeric ? "number" : "text"}
      step={field.type === "float" ? "any" : 1}
      aria-label={label}
      aria-invalid={invalid || undefined}
      placeholder={numeric ? "Number" : "Text"}
      value={value === null || typeof value === "object" ? "" : String(value)}
      onChange={(e) => onChange(numeric ? (e.target.value === "" ? "" : Number(e.target.value)) : e.target.value)}
    />
  );
}

/** IN/NIN without a catalogue: values separated by commas. */
function ListTextInput({
  numeric,
  value,
  onChange,
  label,
  invalid,
}: {
  numeric: boolean;
  value: Scalar[];
  onChange: (v: FilterValue) => void;
  label: string;
  invalid?: boolean;
}) {
  const [text, setText] = useState(value.join(", "));
  return (
    <Input
      aria-label={`${label} (separate values with commas)`}
      aria-invalid={invalid || undefined}
      placeholder="value, value, …"
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        const parts = e.target.value
          .split(",")
          .map((p) => p.trim())
          .filter(Boolean);
        onChange(numeric ? parts.map((p) => (Number.isFinite(Number(p)) ? Number(p) : p)) : parts);
      }}
    />
  );
}

function ContactPicker({
  ws,
  selected,
  multiple,
  onChange,
  label,
  invalid,
}: {
  ws: string;
  selected: string[];
  multiple: boolean;
  onChange: (ids: string[]) => void;
  label: string;
  invalid?: boolean;
}) {
  const [text, setText] = useState("");
  const deferred = useDeferredValue(text);
  const found = useQuery(contactSearchQuery(ws, deferred));
  const known = useQuery(contactsByIdQuery(ws, selected));
  const options: Option[] = [];
  const seen = new Set<string>();
  const add = (id: string, name?: string | null, email?: string | null) => {
    if (seen.has(id)) return;
    seen.add(id);
    options.push({ value: id, label: name || email || id, hint: email ?? undefined });
  };
  for (const id of selected) add(id, known.data?.get(id)?.name, known.data?.get(id)?.email);
  for (const c of found.data ?? []) add(c.id, c.name, c.email);
  return (
    <OptionPicker
      options={options}
      multiple={multiple}
      value={multiple ? selected : (selected[0] ?? "")}
      onChange={(v) => onChange(Array.isArray(v) ? v : [v])}
      label={label}
      invalid={invalid}
      onSearch={setText}
      loading={found.isFetching}
      placeholder="Search contacts…"
      emptyText={deferred.trim().length < 2 ? "Type two or more letters of a name or email." : "No contact matches."}
    />
  );
}
