"use client";

import { Copy, Trash2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import type { WorkspaceCatalog } from "@/lib/queries/catalog";
import type { Catalogue, CatalogueField } from "@/lib/search/catalogue";
import { operatorsFor, type Operator, type Resource } from "@/lib/search/fields";
import type { FilterNode, FilterValue } from "@/lib/search/model";
import type { BuilderAction } from "./edit-tree";
import { FieldCombobox } from "./field-combobox";
import { choiceOf, operatorChoices, operatorLabel, type OperatorChoice } from "./operators";
import { ValueInput } from "./value-input";

interface Props {
  ws: string;
  resource: Resource;
  node: FilterNode;
  /** "Filter 2" or "Filter 3.1": how controls are named for people and tests. */
  name: string;
  catalogue: Catalogue;
  catalog: WorkspaceCatalog;
  me: { name: string };
  timezone: string;
  error?: string;
  canDuplicate: boolean;
  dispatch: (action: BuilderAction) => void;
}

/** A sensible starting value when a filter's field or operator changes. */
export function defaultValue(field: CatalogueField, op: Operator): FilterValue {
  if (op === "IN" || op === "NIN") return [];
  if (field.type === "boolean") return true;
  if (field.type === "date") return { relative: -7 * 86_400 };
  if (field.source && typeof field.source === "object") return field.source.enum[0]?.value ?? "";
  return "";
}

export function FilterRow({
  ws,
  resource,
  node,
  name,
  catalogue,
  catalog,
  me,
  timezone,
  error,
  canDuplicate,
  dispatch,
}: Props) {
  const field = catalogue.get(node.field);
  const operators = field ? operatorsFor(resource, field) : [];
  const choice = choiceOf(node.operator, node.value);
  const errorId = `${node.id}-error`;

  const setField = (key: string) => {
    const next = catalogue.get(key)!;
    const ops = operatorsFor(resource, next);
    // A date is most often "since" something; other fields keep the operator when they can.
    const op = next.type === "date" && ops.includes(">") ? ">" : ops.includes(node.operator) ? node.operator : ops[0];
    dispatch({
      type: "update-filter",
      id: node.id,
      patch: { field: key, operator: op, value: defaultValue(next, op) },
    });
  };
  const setChoice = (c: OperatorChoice) => {
    if (!field) return;
    if (c === "empty" || c === "not_empty") {
      dispatch({ type: "update-filter", id: node.id, patch: { operator: c === "empty" ? "=" : "!=", value: null } });
      return;
    }
    const keepValue = node.value !== null && (c === "IN" || c === "NIN") === Array.isArray(node.value);
    dispatch({
      type: "update-filter",
      id: node.id,
      patch: { operator: c, value: keepValue ? node.value : defaultValue(field, c) },
    });
  };

  return (
    <div role="group" aria-label={name} aria-describedby={error ? errorId : undefined} className="space-y-1">
      <div className="grid grid-cols-1 gap-2 sm:grid-cols-[minmax(10rem,14rem)_minmax(8rem,11rem)_minmax(0,1fr)_auto] sm:items-center">
        <FieldCombobox
          catalogue={catalogue}
          value={node.field}
          onChange={setField}
          label={`${name} field`}
          invalid={Boolean(error) && !field}
        />
        <Select value={choice} onValueChange={(v) => setChoice(v as OperatorChoice)} disabled={!field}>
          <SelectTrigger aria-label={`${name} operator`}>
            <SelectValue placeholder="Operator" />
          </SelectTrigger>
          <SelectContent>
            {field &&
              operatorChoices(resource, field, operators).map((op) => (
                <SelectItem key={op} value={op}>
                  {operatorLabel(op, field!.type, resource, { multi: field!.multi, wordMatch: field!.wordMatch })}
                </SelectItem>
              ))}
          </SelectContent>
        </Select>
        <div className="min-w-0">
          {field ? (
            <ValueInput
              ws={ws}
              resource={resource}
              field={field}
              choice={choice}
              value={node.value}
              onChange={(value) => dispatch({ type: "update-filter", id: node.id, patch: { value } })}
              catalog={catalog}
              me={me}
              timezone={timezone}
              label={`${name} value`}
              invalid={Boolean(error)}
            />
          ) : (
            <span className="text-sm text-muted-foreground">Choose a field first</span>
          )}
        </div>
        <div className="flex items-center gap-1">
          <Button
            variant="ghost"
            size="icon-sm"
            aria-label={`Duplicate ${name.toLowerCase()}`}
            disabled={!canDuplicate}
            onClick={() => dispatch({ type: "duplicate", id: node.id })}
          >
            <Copy aria-hidden="true" />
          </Button>
          <Button
            variant="ghost"
            size="icon-sm"
            aria-label={`Remove ${name.toLowerCase()}`}
            onClick={() => dispatch({ type: "remove", id: node.id })}
          >
            <Trash2 aria-hidden="true" />
          </Button>
        </div>
      </div>
      {error && (
        <p id={errorId} className="text-xs text-destructive">
          {error}
        </p>
      )}
    </div>
  );
}
