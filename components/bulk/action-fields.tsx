"use client";

import { useId } from "react";
import { AttributeField } from "@/components/tickets/attribute-field";
import { AttributeInput } from "@/components/tickets/attribute-input";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { OptionPicker } from "@/components/ui/option-picker";
import type { WorkspaceCatalog } from "@/lib/catalog/types";
import { fromLocalInput } from "@/lib/format/time";
import type { TicketTypeAttribute } from "@/lib/intercom/schemas";
import { attributeLabel, type AttrValue } from "@/lib/tickets/attributes";
import { stateCategoryLabel } from "@/lib/tickets/labels";

/** The kinds of action a lead picks from; some expand to several API actions (state by id or by category). */
export const ACTION_KINDS = [
  ["assign_admin", "Assign to a teammate"],
  ["assign_team", "Assign to a team"],
  ["unassign", "Unassign"],
  ["state", "Set state"],
  ["close", "Close"],
  ["reopen", "Reopen"],
  ["snooze", "Snooze until…"],
  ["share", "Share with the customer"],
  ["unshare", "Stop sharing with the customer"],
  ["add_tag", "Add a tag"],
  ["remove_tag", "Remove a tag"],
  ["set_attribute", "Set an attribute"],
  ["change_type", "Change type"],
  ["delete", "Delete"],
] as const;
export type ActionKind = (typeof ACTION_KINDS)[number][0];

/** What the form holds while the lead fills it in. */
export interface ActionDraft {
  kind: ActionKind;
  adminId: string;
  teamId: string;
  /** "category:resolved" or "state:123". */
  state: string;
  snoozeUntil: string;
  tagId: string;
  attribute: string;
  value: AttrValue | undefined;
  typeId: string;
  /** "" keeps each ticket's kind of state. */
  typeStateId: string;
  typeAttributes: Record<string, AttrValue | undefined>;
}

export const emptyDraft = (): ActionDraft => ({
  kind: "assign_admin",
  adminId: "",
  teamId: "",
  state: "",
  snoozeUntil: "",
  tagId: "",
  attribute: "",
  value: undefined,
  typeId: "",
  typeStateId: "",
  typeAttributes: {},
});

const CATEGORIES = ["submitted", "in_progress", "waiting_on_customer", "resolved"] as const;

/**
 * An attribute as every live ticket type has it, for setting one value across types: list
 * items by label (each type has its own ids; the server matches labels per ticket).
 */
export function attributeAcrossTypes(catalog: WorkspaceCatalog, name: string): TicketTypeAttribute | null {
  const defs = catalog.ticketTypes
    .filter((t) => !t.archived)
    .flatMap((t) => t.ticket_type_attributes.filter((a) => a.name === name && !a.archived));
  if (defs.length === 0) return null;
  const first = defs[0];
  if (first.data_type !== "list") return { ...first, required_to_create: false };
  const labels = [
    ...new Set(
      defs.flatMap((d) => (d.input_options?.list_options ?? []).filter((o) => !o.archived).map((o) => o.label)),
    ),
  ];
  return {
    ...first,
    required_to_create: false,
    input_options: { list_options: labels.map((l) => ({ id: l, label: l })) },
  };
}

/** Attribute names a bulk action can set: live, settable, on at least one live type. */
export function settableAttributes(catalog: WorkspaceCatalog): { name: string; types: number }[] {
  const count = new Map<string, number>();
  for (const t of catalog.ticketTypes.filter((x) => !x.archived)) {
    for (const a of t.ticket_type_attributes)
      if (!a.archived && a.data_type !== "files") count.set(a.name, (count.get(a.name) ?? 0) + 1);
  }
  return [...count].map(([name, types]) => ({ name, types })).sort((a, b) => a.name.localeCompare(b.name));
}

function FieldError({ id, error }: { id: string; error?: string }) {
  return error ? (
    <p id={id} className="text-xs text-destructive">
      {error}
    </p>
  ) : null;
}

/** The inputs the chosen action needs, each with its label and any error beside it. */
export function ActionFields({
  draft,
  set,
  catalog,
  timezone,
  errors,
}: {
  draft: ActionDraft;
  set: (patch: Partial<ActionDraft>) => void;
  catalog: WorkspaceCatalog;
  timezone: string;
  errors: Record<string, string>;
}) {
  const id = useId();
  const liveTypes = catalog.ticketTypes.filter((t) => !t.archived);
  switch (draft.kind) {
    case "assign_admin":
      return (
        <div className="space-y-1.5">
          <p className="text-sm font-medium">Teammate</p>
          <OptionPicker
            label="Teammate"
            options={catalog.admins.map((a) => ({ value: a.id, label: a.name, hint: a.email }))}
            value={draft.adminId}
            onChange={(v) => set({ adminId: v as string })}
            invalid={Boolean(errors.admin_id)}
          />
          <FieldError id={`${id}-e`} error={errors.admin_id} />
        </div>
      );
    case "assign_team":
      return (
        <div className="space-y-1.5">
          <p className="text-sm font-medium">Team</p>
          <OptionPicker
            label="Team"
            options={catalog.teams.map((t) => ({ value: t.id, label: t.name }))}
            value={draft.teamId}
            onChange={(v) => set({ teamId: v as string })}
            invalid={Boolean(errors.team_id)}
          />
          <FieldError id={`${id}-e`} error={errors.team_id} />
        </div>
      );
    case "state":
      return (
        <div className="space-y-1.5">
          <Label htmlFor={`${id}-state`} className="block">
            New state
          </Label>
          <NativeSelect
            id={`${id}-state`}
            className="w-full"
            value={draft.state}
            onChange={(e) => set({ state: e.target.value })}
            aria-invalid={errors.state_id ? true : undefined}
            aria-describedby={`${id}-hint${errors.state_id ? ` ${id}-e` : ""}`}
          >
            <option value="">Choose a state…</option>
            <optgroup label="Any type: the type's state of this kind">
              {CATEGORIES.map((c) => (
                <option key={c} value={`category:${c}`}>
                  {stateCategoryLabel(c)}
                </option>
              ))}
            </optgroup>
            {liveTypes.map((t) => (
              <optgroup key={t.id} label={`${t.name} tickets only`}>
                {t.ticket_states.map((s) => (
                  <option key={s.id} value={`state:${s.id}`}>
                    {s.internal_label}
                  </option>
                ))}
              </optgroup>
            ))}
          </NativeSelect>
          <p id={`${id}-hint`} className="text-xs text-muted-foreground">
            Tickets of a type without that state are skipped, and the preview says which.
          </p>
          <FieldError id={`${id}-e`} error={errors.state_id} />
        </div>
      );
    case "snooze":
      return (
        <div className="space-y-1.5">
          <Label htmlFor={`${id}-until`} className="block">
            Snooze until ({timezone})
          </Label>
          <Input
            id={`${id}-until`}
            type="datetime-local"
            value={draft.snoozeUntil}
            onChange={(e) => set({ snoozeUntil: e.target.value })}
            aria-invalid={errors.until ? true : undefined}
            aria-describedby={errors.until ? `${id}-e` : undefined}
          />
          <FieldError id={`${id}-e`} error={errors.until} />
        </div>
      );
    case "add_tag":
    case "remove_tag":
      return (
        <div className="space-y-1.5">
          <p className="text-sm font-medium">Tag</p>
          <OptionPicker
            label="Tag"
            options={catalog.tags.map((t) => ({ value: t.id, label: t.name }))}
            value={draft.tagId}
            onChange={(v) => set({ tagId: v as string })}
            invalid={Boolean(errors.tag_id)}
          />
          <FieldError id={`${id}-e`} error={errors.tag_id} />
        </div>
      );
    case "set_attribute": {
      const attr = draft.attribute ? attributeAcrossTypes(catalog, draft.attribute) : null;
      return (
        <div className="space-y-3">
          <div className="space-y-1.5">
            <Label htmlFor={`${id}-attr`} className="block">
              Attribute
            </Label>
            <NativeSelect
              id={`${id}-attr`}
              className="w-full"
              value={draft.attribute}
              onChange={(e) => set({ attribute: e.target.value, value: undefined })}
              aria-invalid={errors.name ? true : undefined}
              aria-describedby={errors.name ? `${id}-e` : undefined}
            >
              <option value="">Choose an attribute…</option>
              {settableAttributes(catalog).map((a) => (
                <option key={a.name} value={a.name}>
                  {attributeLabel(a)} {a.types < liveTypes.length ? `(${a.types} of ${liveTypes.length} types)` : ""}
                </option>
              ))}
            </NativeSelect>
            <FieldError id={`${id}-e`} error={errors.name} />
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
                value={draft.value}
                onChange={(v) => set({ value: v })}
                timezone={timezone}
                invalid={Boolean(errors.value)}
                describedBy={errors.value ? `${id}-ve` : undefined}
              />
              <FieldError id={`${id}-ve`} error={errors.value} />
            </div>
          )}
        </div>
      );
    }
    case "change_type": {
      const target = liveTypes.find((t) => t.id === draft.typeId);
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
              value={draft.typeId}
              onChange={(e) => set({ typeId: e.target.value, typeStateId: "", typeAttributes: {} })}
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
              Tickets of another category are skipped. Attributes with the same name and kind carry over.
            </p>
            <FieldError id={`${id}-e`} error={errors.ticket_type_id} />
          </div>
          {target && (
            <>
              <div className="space-y-1.5">
                <Label htmlFor={`${id}-tstate`} className="block">
                  State
                </Label>
                <NativeSelect
                  id={`${id}-tstate`}
                  className="w-full"
                  value={draft.typeStateId}
                  onChange={(e) => set({ typeStateId: e.target.value })}
                >
                  <option value="">The same kind as each ticket&apos;s state now</option>
                  {target.ticket_states.map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.internal_label}
                    </option>
                  ))}
                </NativeSelect>
              </div>
              {required.map((attr) => {
                const across = attributeAcrossTypes({ ...catalog, ticketTypes: [target] }, attr.name) ?? attr;
                return (
                  <AttributeField
                    key={attr.id}
                    attribute={{ ...across, required_to_create: false }}
                    value={draft.typeAttributes[attr.name]}
                    onChange={(v) => set({ typeAttributes: { ...draft.typeAttributes, [attr.name]: v } })}
                    timezone={timezone}
                    error={errors[attr.name]}
                    hint={`${target.name} needs it: used for tickets that have no value of their own to carry over.`}
                  />
                );
              })}
            </>
          )}
        </div>
      );
    }
    default:
      return null;
  }
}

/** Snooze input back to Unix seconds in the workspace's timezone. */
export const snoozeSeconds = (text: string, timezone: string) => (text ? fromLocalInput(text, timezone) : null);
