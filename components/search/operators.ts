/** Operator choices in the builder: Intercom's operators plus "is empty" / "is not empty", which use null. */
import { operatorLabel as describeOperator } from "@/lib/search/describe";
import type { CatalogueField } from "@/lib/search/catalogue";
import type { FieldType, Operator, Resource } from "@/lib/search/fields";
import { acceptsNull } from "@/lib/search/validate";

export type OperatorChoice = Operator | "empty" | "not_empty";

export function operatorLabel(
  op: OperatorChoice,
  type: FieldType,
  resource: Resource,
  opts: { multi?: boolean; wordMatch?: boolean } = {},
): string {
  if (op === "empty") return "is empty";
  if (op === "not_empty") return "is not empty";
  return describeOperator(op, type, resource, opts);
}

/** The choices offered for a field: its operators, plus empty/not empty where Intercom takes null. */
export function operatorChoices(
  resource: Resource,
  field: CatalogueField,
  operators: readonly Operator[],
): OperatorChoice[] {
  const choices: OperatorChoice[] = [...operators];
  if (acceptsNull(resource, field, "=")) choices.push("empty");
  if (acceptsNull(resource, field, "!=")) choices.push("not_empty");
  return choices;
}

export function choiceOf(operator: Operator, value: unknown): OperatorChoice {
  if (value === null && operator === "=") return "empty";
  if (value === null && operator === "!=") return "not_empty";
  return operator;
}
