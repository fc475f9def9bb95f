"use client";

import { AlertTriangle, ArrowRight, Undo2 } from "lucide-react";
import { useId, useState } from "react";
import { toast } from "@/lib/notify";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import type { TicketType } from "@/lib/intercom/schemas";
import { useChangeType } from "@/lib/queries/records";
import type { TicketDetail } from "@/lib/records/detail-types";
import { attributeLabel, displayValue, type AttrValue } from "@/lib/tickets/attributes";
import { stateCategoryLabel } from "@/lib/tickets/labels";
import { planTypeChange, typeChoices, type AttributeOutcome, type DroppedAttribute } from "@/lib/tickets/type-change";
import { AttributeInput } from "./attribute-input";
import { TypeChoiceList } from "./type-choice-list";
import { showRefusal, TypeFormDialog } from "./type-form-dialog";

const OUTCOME: Record<
  AttributeOutcome["kind"],
  { label: string; variant: "success" | "default" | "destructive" | "secondary" }
> = {
  carried: { label: "Carries over", variant: "success" },
  override: { label: "New value", variant: "default" },
  needs_value: { label: "Needs a value", variant: "destructive" },
  empty: { label: "Starts empty", variant: "secondary" },
};

function droppedReason(d: DroppedAttribute, target: string): string {
  if (d.reason === "different_data_type") return `${target} has it as another kind of value`;
  if (d.reason === "no_matching_list_item") return `${target} has no option with this label`;
  return `not on ${target}`;
}

interface Props {
  ticket: TicketDetail;
  types: TicketType[];
  timezone: string;
  workspace: string;
  onClose: () => void;
}

/**
 * Changing a ticket's type: pick a type of the same category, a state of it (defaulting to
 * the one in the same state category), see per attribute what carries over, needs a value or
 * starts empty, override any of them, and what will be lost, before anything is sent.
 */
export function ChangeTypeDialog({ ticket, types, timezone, workspace, onClose }: Props) {
  const [typeId, setTypeId] = useState("");
  const [stateId, setStateId] = useState<string | null>(null);
  const [overrides, setOverrides] = useState<Record<string, AttrValue | undefined>>({});
  const [submitted, setSubmitted] = useState(false);
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [refusal, setRefusal] = useState<string | null>(null);
  const change = useChangeType(workspace, ticket.id);
  const id = useId();

  const choices = typeChoices(ticket.type.id, types);
  const plan = typeId
    ? planTypeChange(
        { typeId: ticket.type.id, stateCategory: ticket.state.category, attributes: ticket.attributes },
        types,
        typeId,
        stateId,
        overrides,
      )
    : null;
  const errors = {
    ...(submitted ? (plan?.errors ?? { ticket_type_id: "Choose a ticket type" }) : {}),
    ...serverErrors,
  };
  const target = plan?.target;

  const pickType = (next: string) => {
    setTypeId(next);
    setStateId(null);
    setOverrides({});
    setServerErrors({});
    setRefusal(null);
  };
  const setOverride = (name: string, value: AttrValue | undefined) => {
    setOverrides((o) => ({ ...o, [name]: value }));
    setServerErrors(({ [name]: _, ...rest }) => rest);
  };

  const submit = () => {
    setSubmitted(true);
    setRefusal(null);
    if (!plan?.request) return;
    change.mutate(plan.request, {
      onSuccess: (detail) => {
        toast.success(`Ticket #${detail.ticketNumber} is now ${detail.type.name} (${detail.state.internal_label})`);
        onClose();
      },
      onError: (e) => showRefusal(e, setServerErrors, setRefusal),
    });
  };

  return (
    <TypeFormDialog
      title={`Change the type of ticket #${ticket.ticketNumber}`}
      description={
        <>
          Now {ticket.type.name} ({ticket.category}), {ticket.state.internal_label}. A {ticket.category} ticket can
          change to another {ticket.category} type; nothing changes until you confirm.
        </>
      }
      className="w-[min(48rem,calc(100vw-2rem))]"
      refusal={refusal}
      pending={change.isPending}
      submitLabel="Change type"
      pendingLabel="Changing…"
      onSubmit={submit}
      onClose={onClose}
    >
      <TypeChoiceList
        legend="New type"
        choices={choices}
        value={typeId}
        onChange={pickType}
        error={errors.ticket_type_id}
      />

      {target && (
        <>
          <div className="space-y-1.5">
            <Label htmlFor={`${id}-state`} className="block">
              State
            </Label>
            <NativeSelect
              id={`${id}-state`}
              className="w-full sm:w-72"
              value={plan?.stateId ?? ""}
              aria-invalid={errors.ticket_state_id ? true : undefined}
              aria-describedby={`${id}-state-hint${errors.ticket_state_id ? ` ${id}-state-error` : ""}`}
              onChange={(e) => setStateId(e.target.value || null)}
            >
              <option value="">Choose a state…</option>
              {target.ticket_states.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.internal_label === stateCategoryLabel(s.category)
                    ? s.internal_label
                    : `${s.internal_label} (${stateCategoryLabel(s.category)})`}
                </option>
              ))}
            </NativeSelect>
            <p id={`${id}-state-hint`} className="text-xs text-muted-foreground">
              Now {ticket.state.internal_label}
              {ticket.state.internal_label === stateCategoryLabel(ticket.state.category)
                ? ""
                : ` (${stateCategoryLabel(ticket.state.category)})`}
              ; the new type&apos;s state of the same kind is chosen when it has one.
            </p>
            {errors.ticket_state_id && (
              <p id={`${id}-state-error`} className="text-xs text-destructive">
                {errors.ticket_state_id}
              </p>
            )}
          </div>

          <section aria-labelledby={`${id}-attrs`} className="space-y-2">
            <h3 id={`${id}-attrs`} className="text-sm font-medium">
              Attributes on {target.name}
            </h3>
            <ul className="divide-y rounded-md border">
              {plan.attributes.map((outcome) => (
                <OutcomeRow
                  key={outcome.attribute.id}
                  outcome={outcome}
                  timezone={timezone}
                  error={errors[outcome.attribute.name]}
                  onOverride={(v) => setOverride(outcome.attribute.name, v)}
                />
              ))}
            </ul>
          </section>

          {plan.dropped.length > 0 && (
            <Alert variant="warning" role="status">
              <AlertTriangle className="text-warning" aria-hidden="true" />
              <div>
                <p className="font-medium">These values will be lost</p>
                <ul className="mt-1 list-disc space-y-0.5 pl-4">
                  {plan.dropped.map((d) => (
                    <li key={d.attribute.id}>
                      {attributeLabel(d.attribute)}:{" "}
                      {d.value === null ? "a file" : displayValue(d.attribute, d.value, timezone)} —{" "}
                      {droppedReason(d, target.name)}
                    </li>
                  ))}
                </ul>
              </div>
            </Alert>
          )}
        </>
      )}
    </TypeFormDialog>
  );
}

function OutcomeRow({
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
