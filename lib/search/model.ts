/**
 * The search builder's state: a tree of AND/OR groups and filters, independent of React.
 * The root is always a group; `toIntercom` turns the tree into Intercom's search JSON and
 * `fromIntercom` rebuilds it. Ids exist only so a UI can keep track of rows while editing;
 * they never reach the URL or Intercom.
 */
import type { Operator, Resource } from "./fields";

/** A scalar value as Intercom takes it. Dates are Unix seconds. */
export type Scalar = string | number | boolean | null;

/**
 * What a filter compares against:
 * - a scalar, or an array of them for IN/NIN;
 * - `{ relative: seconds }` for a date relative to when the search runs (negative: in the past),
 *   so a saved view like "updated more than 3 days ago" stays true over time;
 * - `{ me: true }` for the signed-in teammate's admin id.
 */
export type FilterValue = Scalar | Scalar[] | { relative: number } | { me: true };

export interface FilterNode {
  kind: "filter";
  id: string;
  field: string;
  operator: Operator;
  value: FilterValue;
}

export interface GroupNode {
  kind: "group";
  id: string;
  operator: "AND" | "OR";
  children: SearchNode[];
}

export type SearchNode = FilterNode | GroupNode;

export interface SearchQuery {
  resource: Resource;
  root: GroupNode;
}

/** Intercom's search JSON: a single filter or an AND/OR group. */
export type IntercomFilter = { field: string; operator: string; value: Scalar | Scalar[] };
export type IntercomGroup = { operator: "AND" | "OR"; value: IntercomQuery[] };
export type IntercomQuery = IntercomFilter | IntercomGroup;

/** Where a node sits: child indexes from the root, e.g. [1, 0] is the first filter of the root's second child. */
export type NodePath = number[];

export interface ValidationError {
  path: NodePath;
  nodeId: string;
  message: string;
}

/** Values the conversion needs from outside: the time the search runs and who runs it. */
export interface ConvertContext {
  /** Unix seconds. */
  now: number;
  /** The signed-in teammate's admin id, for `{ me: true }`. */
  adminId: string;
}

let counter = 0;
/** Short ids, unique within a page's lifetime. */
export function nodeId(): string {
  counter = (counter + 1) % Number.MAX_SAFE_INTEGER;
  return `n${counter.toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
}

export function filterNode(field: string, operator: Operator, value: FilterValue): FilterNode {
  return { kind: "filter", id: nodeId(), field, operator, value };
}

export function groupNode(operator: "AND" | "OR", children: SearchNode[]): GroupNode {
  return { kind: "group", id: nodeId(), operator, children };
}

/** The tree without ids: what two queries are compared by. */
export function stripIds(node: SearchNode): unknown {
  return node.kind === "filter"
    ? { field: node.field, operator: node.operator, value: node.value }
    : { operator: node.operator, children: node.children.map(stripIds) };
}
