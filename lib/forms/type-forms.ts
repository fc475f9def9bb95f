/**
 * The type-change and convert forms' resolvers: the route's body schema and the plan the route
 * handler runs (lib/tickets), so the form refuses what the server would, field by field.
 */
import type { FieldError, FieldErrors, Resolver } from "react-hook-form";
import * as z from "zod/mini";
import type { TicketType } from "@/lib/intercom/schemas";
import { changeTypeBody, convertBody } from "@/lib/records/actions";
import type { AttrValue } from "@/lib/tickets/attributes";
import { planConvert, type ConvertRequest } from "@/lib/tickets/convert";
import { planTypeChange, type TicketForPlan, type TypeChangeRequest } from "@/lib/tickets/type-change";

export interface ChangeTypeForm {
  ticket_type_id: string;
  ticket_state_id: string | null;
  /** The values the lead gave, by attribute name; undefined: none given (carried or empty). */
  ticket_attributes: Record<string, AttrValue | undefined>;
}

export interface ConvertForm {
  ticket_type_id: string;
  attributes: Record<string, AttrValue | undefined>;
}

/** Server and plan field names: the form's own fields, or an attribute inside `group`. */
export function fieldOf(key: string, top: readonly string[], group: string): string {
  return top.includes(key) ? key : `${group}.${key}`;
}

function toErrors<T extends object>(errors: Record<string, string>, top: readonly string[], group: string) {
  const out: Record<string, FieldError | Record<string, FieldError>> = {};
  const inGroup: Record<string, FieldError> = {};
  for (const [key, message] of Object.entries(errors)) {
    if (top.includes(key)) out[key] = { type: "validate", message };
    else inGroup[key] = { type: "validate", message };
  }
  if (Object.keys(inGroup).length > 0) out[group] = inGroup;
  return out as FieldErrors<T>;
}

/** The route's own shape check on a planned request (ids, value sizes); its first problem, if any. */
function shapeProblem(schema: z.ZodMiniType, request: unknown): string | null {
  const parsed = z.safeParse(schema, request);
  return parsed.success ? null : (parsed.error.issues[0]?.message ?? "The request is not valid");
}

const CHANGE_TOP = ["ticket_type_id", "ticket_state_id"] as const;

export function changeTypeResolver(
  ticket: TicketForPlan,
  types: TicketType[],
): Resolver<ChangeTypeForm, unknown, TypeChangeRequest> {
  return async (values) => {
    const plan = planTypeChange(ticket, types, values.ticket_type_id, values.ticket_state_id, values.ticket_attributes);
    const problem = plan.request && shapeProblem(changeTypeBody, plan.request);
    if (plan.request && !problem) return { values: plan.request, errors: {} };
    const errors = problem ? { ticket_type_id: problem } : plan.errors;
    return { values: {}, errors: toErrors<ChangeTypeForm>(errors, CHANGE_TOP, "ticket_attributes") };
  };
}
export const changeTypeField = (key: string) => fieldOf(key, CHANGE_TOP, "ticket_attributes");

const CONVERT_TOP = ["ticket_type_id"] as const;

export function convertResolver(
  types: TicketType[],
  sent: (values: ConvertForm) => Record<string, AttrValue>,
): Resolver<ConvertForm, unknown, ConvertRequest> {
  return async (values) => {
    const plan = planConvert(types, values.ticket_type_id, sent(values));
    const problem = plan.request && shapeProblem(convertBody, plan.request);
    if (plan.request && !problem) return { values: plan.request, errors: {} };
    const errors = problem ? { ticket_type_id: problem } : plan.errors;
    return { values: {}, errors: toErrors<ConvertForm>(errors, CONVERT_TOP, "attributes") };
  };
}
export const convertField = (key: string) => fieldOf(key, CONVERT_TOP, "attributes");
