"use client";

import { useRouter } from "next/navigation";
import { useForm, useWatch } from "react-hook-form";
import { toast } from "@/lib/notify";
import { AttributeField } from "@/components/tickets/attribute-field";
import { TypeChoiceList } from "@/components/tickets/type-choice-list";
import { TypeFormDialog } from "@/components/tickets/type-form-dialog";
import { applyServerErrors } from "@/lib/forms/server-errors";
import { convertField, convertResolver, type ConvertForm } from "@/lib/forms/type-forms";
import type { TicketType } from "@/lib/intercom/schemas";
import { useConvert } from "@/lib/queries/records";
import type { ConversationDetail } from "@/lib/records/detail-types";
import { DEFAULT_DESCRIPTION, DEFAULT_TITLE, isEmptyValue, type AttrValue } from "@/lib/tickets/attributes";
import { convertChoices, convertDefaults, type ConvertRequest } from "@/lib/tickets/convert";

interface Props {
  conversation: ConversationDetail;
  types: TicketType[];
  timezone: string;
  workspace: string;
  onClose: () => void;
}

/** The attributes a form asks for: the type's live ones, in its order (files cannot be set through the API). */
function formAttributes(type: TicketType | undefined) {
  return (type?.ticket_type_attributes ?? [])
    .filter((a) => !a.archived && a.data_type !== "files")
    .toSorted((a, b) => (a.order ?? 0) - (b.order ?? 0));
}

/** Optional fields left empty are not sent; required ones are, so the check can name them. */
function sentAttributes(types: TicketType[], values: ConvertForm): Record<string, AttrValue> {
  const attributes = formAttributes(types.find((t) => t.id === values.ticket_type_id));
  return Object.fromEntries(
    attributes.flatMap((a) => {
      const v = values.attributes[a.name];
      return v === undefined || (!a.required_to_create && isEmptyValue(v))
        ? []
        : [[a.name, typeof v === "string" ? v.trim() : v]];
    }),
  ) as Record<string, AttrValue>;
}

/**
 * Converting a conversation into a ticket: Customer types only (as Intercom requires), the
 * chosen type's attributes as a form with the title and description prefilled from the
 * conversation, checked before sending; the new ticket opens on success.
 */
export function ConvertDialog({ conversation, types, timezone, workspace, onClose }: Props) {
  const router = useRouter();
  const choices = convertChoices(types);
  const defaults = convertDefaults({
    title: conversation.title,
    subject: conversation.source.subject,
    bodyText: conversation.source.text,
  });
  const only = choices.filter((c) => c.selectable);
  // The route's body schema and the plan its handler runs: the form refuses what the server would.
  const form = useForm<ConvertForm, unknown, ConvertRequest>({
    resolver: convertResolver(types, (values) => sentAttributes(types, values)),
    defaultValues: { ticket_type_id: only.length === 1 ? only[0].type.id : "", attributes: defaults },
  });
  const { control, setValue, getValues, reset, trigger, handleSubmit, formState } = form;
  const [typeId, values] = useWatch({ control, name: ["ticket_type_id", "attributes"] });
  const convert = useConvert(workspace, conversation.id);

  const type = types.find((t) => t.id === typeId);
  const attributes = formAttributes(type);
  const errors = formState.errors;
  const recheck = () => void (formState.isSubmitted && trigger());

  const submit = handleSubmit((request) =>
    convert
      .mutateAsync(request)
      .then(({ ticketId, ticketNumber }) => {
        toast.success(`Ticket #${ticketNumber} created from this conversation`);
        onClose();
        router.push(`/w/${workspace}/tickets/${ticketId}`);
      })
      .catch((e: unknown) => applyServerErrors(form, e, convertField)),
  );

  return (
    <TypeFormDialog
      title="Convert to a ticket"
      description="The conversation stays as it is and links to the new ticket. Title and description start from the conversation; edit them as you like."
      className="w-[min(44rem,calc(100vw-2rem))]"
      refusal={errors.root?.server?.message ?? null}
      pending={formState.isSubmitting}
      submitLabel="Create ticket"
      pendingLabel="Converting…"
      onSubmit={submit}
      onClose={onClose}
    >
      <TypeChoiceList
        legend="Ticket type"
        choices={choices}
        value={typeId}
        onChange={(next) => {
          reset({ ticket_type_id: next, attributes: defaults }, { keepIsSubmitted: true });
          recheck();
        }}
        error={errors.ticket_type_id?.message}
      />
      {type && (
        <section aria-label={`${type.name} attributes`} className="space-y-4">
          {attributes.map((attribute) => (
            <AttributeField
              key={attribute.id}
              attribute={attribute}
              value={values[attribute.name]}
              onChange={(v) => {
                setValue("attributes", { ...getValues("attributes"), [attribute.name]: v });
                recheck();
              }}
              timezone={timezone}
              error={errors.attributes?.[attribute.name]?.message}
              hint={
                attribute.name === DEFAULT_TITLE || attribute.name === DEFAULT_DESCRIPTION
                  ? attribute.name === DEFAULT_TITLE
                    ? "From the conversation's title, subject or first message."
                    : "From the first message."
                  : attribute.description
              }
            />
          ))}
        </section>
      )}
    </TypeFormDialog>
  );
}
