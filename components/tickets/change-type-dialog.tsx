"use client";

import { AlertTriangle } from "lucide-react";
import { useId, useMemo } from "react";
import { useForm, useWatch } from "react-hook-form";
import { toast } from "@/lib/notify";
import { Alert } from "@/components/ui/alert";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { applyServerErrors } from "@/lib/forms/server-errors";
import { changeTypeField, changeTypeResolver, type ChangeTypeForm } from "@/lib/forms/type-forms";
import type { TicketType } from "@/lib/intercom/schemas";
import { useChangeType } from "@/lib/queries/records";
import type { TicketDetail } from "@/lib/records/detail-types";
import { attributeLabel, displayValue, type AttrValue } from "@/lib/tickets/attributes";
import { stateCategoryLabel } from "@/lib/tickets/labels";
import { planTypeChange, typeChoices, type DroppedAttribute, type TypeChangeRequest } from "@/lib/tickets/type-change";
import { OutcomeRow } from "./outcome-row";
import { TypeChoiceList } from "./type-choice-list";
import { TypeFormDialog } from "./type-form-dialog";

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
  const change = useChangeType(workspace, ticket.id);
  const id = useId();
  const forPlan = useMemo(
    () => ({ typeId: ticket.type.id, stateCategory: ticket.state.category, attributes: ticket.attributes }),
    [ticket.type.id, ticket.state.category, ticket.attributes],
  );
  // The route's body schema and the plan its handler runs: the form refuses what the server would.
  const form = useForm<ChangeTypeForm, unknown, TypeChangeRequest>({
    resolver: changeTypeResolver(forPlan, types),
    defaultValues: { ticket_type_id: "", ticket_state_id: null, ticket_attributes: {} },
  });
  const { control, setValue, getValues, reset, trigger, handleSubmit, formState } = form;
  const [typeId, stateId, overrides] = useWatch({
    control,
    name: ["ticket_type_id", "ticket_state_id", "ticket_attributes"],
  });

  const choices = typeChoices(ticket.type.id, types);
  const plan = typeId ? planTypeChange(forPlan, types, typeId, stateId, overrides) : null;
  const errors = formState.errors;
  const attributeError = (name: string) => errors.ticket_attributes?.[name]?.message;
  const refusal = errors.root?.server?.message ?? null;
  const target = plan?.target;

  // Once the lead has tried to submit, every change shows what is still wrong (and drops the server's answer).
  const recheck = () => void (formState.isSubmitted && trigger());
  const pickType = (next: string) => {
    reset({ ticket_type_id: next, ticket_state_id: null, ticket_attributes: {} }, { keepIsSubmitted: true });
    recheck();
  };
  const setOverride = (name: string, value: AttrValue | undefined) => {
    setValue("ticket_attributes", { ...getValues("ticket_attributes"), [name]: value });
    recheck();
  };

  const submit = handleSubmit((request) =>
    change
      .mutateAsync(request)
      .then((detail) => {
        toast.success(`Ticket #${detail.ticketNumber} is now ${detail.type.name} (${detail.state.internal_label})`);
        onClose();
      })
      .catch((e: unknown) => applyServerErrors(form, e, changeTypeField)),
  );

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
      pending={formState.isSubmitting}
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
        error={errors.ticket_type_id?.message}
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
              onChange={(e) => {
                setValue("ticket_state_id", e.target.value || null);
                recheck();
              }}
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
                {errors.ticket_state_id.message}
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
                  error={attributeError(outcome.attribute.name)}
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
