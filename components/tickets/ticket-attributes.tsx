"use client";

import { Pencil } from "lucide-react";
import { useId, useMemo, useState } from "react";
import { Controller, useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Switch } from "@/components/ui/switch";
import type { TicketTypeAttribute } from "@/lib/intercom/schemas";
import { applyServerErrors } from "@/lib/forms/server-errors";
import { lazyResolver } from "@/lib/forms/lazy-resolver";
import type { AttributeEdit } from "@/lib/forms/schemas";
import { ApiError } from "@/lib/queries/fetcher";
import type { AttrValue } from "@/lib/records/detail-types";
import { attributeLabel, displayValue, isEmptyValue } from "@/lib/tickets/attributes";
import { AttributeInput } from "./attribute-input";

interface Props {
  attributes: TicketTypeAttribute[];
  values: Record<string, AttrValue>;
  timezone: string;
  /** Saves one attribute; rejects with the server's error, shown beside the field. */
  onSave: (name: string, value: AttrValue) => Promise<unknown>;
}

/** The attributes a ticket shows: its type's live ones in order, and archived ones still holding a value. */
export function shownAttributes(
  attributes: TicketTypeAttribute[],
  values: Record<string, AttrValue>,
): TicketTypeAttribute[] {
  return attributes
    .filter((a) => !a.archived || !isEmptyValue(values[a.name]))
    .toSorted((a, b) => (a.order ?? 0) - (b.order ?? 0));
}

function errorOf(e: unknown, name: string): string {
  if (e instanceof ApiError) return e.fields?.[name] ?? e.message;
  return (e as Error).message;
}

function Editor({
  attribute,
  value,
  timezone,
  onSave,
  onDone,
}: {
  attribute: TicketTypeAttribute;
  value: AttrValue;
  timezone: string;
  onSave: Props["onSave"];
  onDone: () => void;
}) {
  const resolver = useMemo(
    () =>
      lazyResolver<AttributeEdit>(() => import("@/lib/forms/resolvers").then((m) => m.attributeResolver(attribute))),
    [attribute],
  );
  const form = useForm<AttributeEdit>({ resolver, defaultValues: { value } });
  const { control, handleSubmit, formState, clearErrors } = form;
  const id = useId();
  const label = attributeLabel(attribute);
  const error = formState.errors.value?.message ?? formState.errors.root?.server?.message ?? null;
  return (
    <form
      noValidate
      className="space-y-2"
      onSubmit={(e) => {
        // Inline editors sit inside the page's other forms' React tree: this submit is theirs alone.
        e.stopPropagation();
        void handleSubmit(async ({ value: draft }) => {
          try {
            await onSave(attribute.name, typeof draft === "string" ? draft.trim() : draft);
            onDone();
          } catch (e) {
            applyServerErrors(form, e, (key) => (key === attribute.name ? "value" : null));
          }
        })(e);
      }}
      onKeyDown={(e) => {
        if (e.key === "Escape") {
          e.stopPropagation();
          onDone();
        }
      }}
    >
      <Controller
        control={control}
        name="value"
        render={({ field }) => (
          <AttributeInput
            attribute={attribute}
            id={id}
            ariaLabel={label}
            value={field.value}
            onChange={(v) => {
              field.onChange(v);
              clearErrors("root.server");
            }}
            timezone={timezone}
            invalid={Boolean(error)}
            describedBy={error ? `${id}-error` : undefined}
            autoFocus
          />
        )}
      />
      {error && (
        <p id={`${id}-error`} className="text-xs text-destructive">
          {error}
        </p>
      )}
      <div className="flex gap-2">
        <Button type="submit" size="sm" disabled={formState.isSubmitting}>
          {formState.isSubmitting ? "Saving…" : `Save ${label}`}
        </Button>
        <Button size="sm" variant="ghost" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

function BooleanRow({
  attribute,
  value,
  onSave,
}: {
  attribute: TicketTypeAttribute;
  value: AttrValue;
  onSave: Props["onSave"];
}) {
  const [error, setError] = useState<string | null>(null);
  const id = useId();
  const label = attributeLabel(attribute);
  return (
    <div className="space-y-1">
      <div className="flex items-center gap-2">
        <Switch
          id={id}
          aria-label={label}
          checked={value === true}
          disabled={attribute.archived}
          aria-describedby={error ? `${id}-error` : undefined}
          onCheckedChange={(on) => {
            setError(null);
            onSave(attribute.name, on).catch((e: unknown) => setError(errorOf(e, attribute.name)));
          }}
        />
        <span className="text-sm">{value === true ? "Yes" : "No"}</span>
      </div>
      {error && (
        <p id={`${id}-error`} className="text-xs text-destructive">
          {error}
        </p>
      )}
    </div>
  );
}

/**
 * A ticket's attributes as its type defines them, each editable in place with the input of
 * its data type; required ones refuse to be emptied. Booleans are toggles that save at once.
 */
export function TicketAttributes({ attributes, values, timezone, onSave }: Props) {
  // Several editors can be open at once; each save or cancel closes only its own.
  const [editing, setEditing] = useState<ReadonlySet<string>>(() => new Set());
  const open = (name: string) => setEditing((now) => new Set(now).add(name));
  const close = (name: string) =>
    setEditing((now) => {
      const next = new Set(now);
      next.delete(name);
      return next;
    });
  const shown = shownAttributes(attributes, values);
  if (shown.length === 0) return <p className="text-sm text-muted-foreground">This ticket type has no attributes.</p>;
  return (
    <dl className="divide-y">
      {shown.map((attribute) => {
        const label = attributeLabel(attribute);
        const value = values[attribute.name] ?? null;
        const editable = !attribute.archived && attribute.data_type !== "files";
        return (
          <div key={attribute.id} className="grid gap-1 py-2.5 sm:grid-cols-[10rem_1fr] sm:gap-3">
            <dt className="text-sm text-muted-foreground">
              {label}
              {attribute.required_to_create && (
                <span className="text-destructive" title="Required">
                  {" "}
                  *<span className="sr-only">(required)</span>
                </span>
              )}
              {attribute.archived && <span className="ml-1 text-xs">(archived)</span>}
            </dt>
            <dd className="min-w-0">
              {attribute.data_type === "boolean" ? (
                <BooleanRow attribute={attribute} value={value} onSave={onSave} />
              ) : editing.has(attribute.name) ? (
                <Editor
                  attribute={attribute}
                  value={value}
                  timezone={timezone}
                  onSave={onSave}
                  onDone={() => close(attribute.name)}
                />
              ) : (
                <div className="group flex items-start gap-2">
                  <span
                    className={
                      isEmptyValue(value) ? "text-sm text-muted-foreground" : "whitespace-pre-wrap break-words text-sm"
                    }
                  >
                    {isEmptyValue(value) ? "Empty" : displayValue(attribute, value, timezone)}
                  </span>
                  {editable && (
                    <Button
                      variant="ghost"
                      size="icon-sm"
                      className="-my-1.5 ml-auto shrink-0"
                      aria-label={`Edit ${label}`}
                      onClick={() => open(attribute.name)}
                    >
                      <Pencil aria-hidden="true" />
                    </Button>
                  )}
                </div>
              )}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}
