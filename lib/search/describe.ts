/**
 * Words for queries: operator labels and a one-line summary of a whole query, for tooltips,
 * saved-view subtitles and validation messages. The wording follows the builder's operator
 * menu so a lead sees the same phrase in the row and in the summary.
 */
import type { Catalogue, CatalogueField } from "./catalogue";
import type { FieldType, Operator, Resource } from "./fields";
import type { FilterNode, FilterValue, Scalar, SearchNode, SearchQuery } from "./model";

export interface OperatorLabelOptions {
  multi?: boolean;
  wordMatch?: boolean;
}

/** A lead's word for an operator on a field of this type. */
export function operatorLabel(
  op: Operator,
  type: FieldType,
  resource: Resource,
  opts: OperatorLabelOptions = {},
): string {
  const dated = type === "date";
  const number = type === "integer" || type === "float";
  // Tickets and conversations compare > and < inclusively; contacts strictly (and by day for dates).
  const inclusive = resource !== "contacts";
  switch (op) {
    case "=":
      if (opts.wordMatch) return "has the word";
      if (opts.multi) return "includes";
      return dated ? (resource === "contacts" ? "is on" : "is exactly") : number ? "equals" : "is";
    case "!=":
      if (opts.multi) return "does not include";
      return number ? "does not equal" : "is not";
    case "IN":
      return opts.multi ? "includes any of" : "is any of";
    case "NIN":
      return opts.multi ? "includes none of" : "is none of";
    case ">":
      return dated ? (inclusive ? "is on or after" : "is after") : inclusive ? "is at least" : "is greater than";
    case "<":
      return dated ? (inclusive ? "is on or before" : "is before") : inclusive ? "is at most" : "is less than";
    case ">=":
      return dated ? "is on or after" : "is at least";
    case "<=":
      return dated ? "is on or before" : "is at most";
    case "~":
      return "contains";
    case "!~":
      return "does not contain";
    case "^":
      return "starts with";
    case "$":
      return "ends with";
    default:
      return String(op);
  }
}

export interface DescribeOptions {
  /** A display name for an id-valued field (admins, teams, tags…); the raw id is shown otherwise. */
  nameOf?: (field: CatalogueField, value: string) => string | undefined;
}

const UNITS: [number, string][] = [
  [86_400 * 7, "week"],
  [86_400, "day"],
  [3_600, "hour"],
  [60, "minute"],
];

/** "3 days ago", "in 2 hours": the largest unit that divides the offset, else seconds. */
export function describeRelative(seconds: number): string {
  if (seconds === 0) return "now";
  const abs = Math.abs(seconds);
  const [size, unit] = UNITS.find(([s]) => abs % s === 0) ?? [1, "second"];
  const n = abs / size;
  const amount = `${n} ${unit}${n === 1 ? "" : "s"}`;
  return seconds < 0 ? `${amount} ago` : `in ${amount}`;
}

/** A Unix time as a date, with the time only when it is not midnight UTC. */
export function describeDate(seconds: number): string {
  const iso = new Date(seconds * 1000).toISOString();
  const [day, time] = [iso.slice(0, 10), iso.slice(11, 16)];
  return time === "00:00" && seconds % 60 === 0 ? day : `${day} ${time} UTC`;
}

function describeScalar(value: Scalar, field: CatalogueField | undefined, opts: DescribeOptions): string {
  if (value === null) return "empty";
  if (typeof value === "boolean") return String(value);
  if (typeof value === "number") return field?.type === "date" ? describeDate(value) : String(value);
  if (field?.source && typeof field.source === "object") {
    const option = field.source.enum.find((o) => o.value === value);
    if (option) return option.label;
  }
  const named = field && opts.nameOf?.(field, value);
  if (named) return named;
  // Free text is quoted so "Title contains refund request" reads as one value.
  return field?.source ? value : JSON.stringify(value);
}

function describeValue(value: FilterValue, field: CatalogueField | undefined, opts: DescribeOptions): string {
  if (Array.isArray(value)) return value.map((v) => describeScalar(v, field, opts)).join(", ");
  if (value !== null && typeof value === "object") return "relative" in value ? describeRelative(value.relative) : "me";
  return describeScalar(value, field, opts);
}

function describeFilter(node: FilterNode, catalogue: Catalogue, opts: DescribeOptions): string {
  const field = catalogue.get(node.field);
  const label = field?.label ?? (node.field || "(no field)");
  if (node.value === null && (node.operator === "=" || node.operator === "!=")) {
    return `${label} ${node.operator === "=" ? "is empty" : "is not empty"}`;
  }
  const op = field ? operatorLabel(node.operator, field.type, catalogue.resource, field) : node.operator;
  return `${label} ${op} ${describeValue(node.value, field, opts)}`;
}

function describeNode(node: SearchNode, catalogue: Catalogue, opts: DescribeOptions, nested: boolean): string {
  if (node.kind === "filter") return describeFilter(node, catalogue, opts);
  const parts = node.children.map((child) => describeNode(child, catalogue, opts, true));
  const text = parts.join(node.operator === "AND" ? " and " : " or ");
  // A lone child needs no brackets; the root's brackets are implied.
  return nested && parts.length > 1 ? `(${text})` : text;
}

/** One line a lead can read: "Open is true and (Category is Customer or Category is Back-office)". */
export function describeQuery(query: SearchQuery, catalogue: Catalogue, opts: DescribeOptions = {}): string {
  if (query.root.children.length === 0) return `All ${query.resource}`;
  return describeNode(query.root, catalogue, opts, false);
}
