"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "@/lib/notify";
import { AttributeField } from "@/components/tickets/attribute-field";
import { TypeChoiceList } from "@/components/tickets/type-choice-list";
import { showRefusal, TypeFormDialog } from "@/components/tickets/type-form-dialog";
import type { TicketType } from "@/lib/intercom/schemas";
import { useConvert } from "@/lib/queries/records";
import type { ConversationDetail } from "@/lib/records/detail-types";
import { DEFAULT_DESCRIPTION, DEFAULT_TITLE, isEmptyValue, type AttrValue } from "@/lib/tickets/attributes";
import { convertChoices, convertDefaults, planConvert } from "@/lib/tickets/convert";

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

/**
 * Converting a conversation into a ticket: Customer types only (as Intercom requires), the
 * chosen type's attributes as a form with the title and description prefilled from the
 * conversation, checked before sending; the new ticket opens on success.
 */
export function ConvertDialog({ conversation, types, timezone, workspace, onClose }: Props) {
  const router = useRouter();
  const choices = convertChoices(types);
  const [typeId, setTypeId] = useState(() =>
    choices.filter((c) => c.selectable).length === 1 ? choices.find((c) => c.selectable)!.type.id : "",
  );
  const defaults = convertDefaults({
    title: conversation.title,
    subject: conversation.source.subject,
    bodyText: conversation.source.text,
  });
  const [values, setValues] = useState<Record<string, AttrValue | undefined>>(defaults);
  const [submitted, setSubmitted] = useState(false);
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [refusal, setRefusal] = useState<string | null>(null);
  const convert = useConvert(workspace, conversation.id);

  const type = types.find((t) => t.id === typeId);
  const attributes = formAttributes(type);
  // Optional fields left empty are not sent; required ones are, so the check can name them.
  const sent = Object.fromEntries(
    attributes.flatMap((a) => {
      const v = values[a.name];
      return v === undefined || (!a.required_to_create && isEmptyValue(v))
        ? []
        : [[a.name, typeof v === "string" ? v.trim() : v]];
    }),
  ) as Record<string, AttrValue>;
  const plan = planConvert(types, typeId, sent);
  const errors = { ...(submitted ? plan.errors : {}), ...serverErrors };

  const submit = () => {
    setSubmitted(true);
    setRefusal(null);
    if (!plan.request) return;
    convert.mutate(plan.request, {
      onSuccess: ({ ticketId, ticketNumber }) => {
        toast.success(`Ticket #${ticketNumber} created from this conversation`);
        onClose();
        router.push(`/w/${workspace}/tickets/${ticketId}`);
      },
      onError: (e) => showRefusal(e, setServerErrors, setRefusal),
    });
  };

  return (
    <TypeFormDialog
      title="Convert to a ticket"
      description="The conversation stays as it is and links to the new ticket. Title and description start from the conversation; edit them as you like."
      className="w-[min(44rem,calc(100vw-2rem))]"
      refusal={refusal}
      pending={convert.isPending}
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
          setTypeId(next);
          setValues(defaults);
          setServerErrors({});
          setRefusal(null);
        }}
        error={errors.ticket_type_id}
      />
      {type && (
        <section aria-label={`${type.name} attributes`} className="space-y-4">
          {attributes.map((attribute) => (
            <AttributeField
              key={attribute.id}
              attribute={attribute}
              value={values[attribute.name]}
              onChange={(v) => {
                setValues((x) => ({ ...x, [attribute.name]: v }));
                setServerErrors(({ [attribute.name]: _, ...rest }) => rest);
              }}
              timezone={timezone}
              error={errors[attribute.name]}
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
