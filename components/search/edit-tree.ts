/** Pure edits of a builder tree, by node id. The builder's reducer is built from these. */
import type { FilterNode, GroupNode, SearchNode } from "@/lib/search/model";
import { nodeId } from "@/lib/search/model";

function mapNode(node: SearchNode, id: string, fn: (n: SearchNode) => SearchNode | null): SearchNode | null {
  if (node.id === id) return fn(node);
  if (node.kind === "filter") return node;
  const children = node.children.map((c) => mapNode(c, id, fn)).filter((c): c is SearchNode => c !== null);
  return { ...node, children };
}

export function updateNode(root: GroupNode, id: string, fn: (n: SearchNode) => SearchNode): GroupNode {
  return mapNode(root, id, fn) as GroupNode;
}

export function removeNode(root: GroupNode, id: string): GroupNode {
  return mapNode(root, id, () => null) as GroupNode;
}

export function appendChild(root: GroupNode, groupId: string, child: SearchNode): GroupNode {
  return updateNode(root, groupId, (n) => (n.kind === "group" ? { ...n, children: [...n.children, child] } : n));
}

/** A deep copy with fresh ids, inserted right after the original. */
export function duplicateNode(root: GroupNode, id: string): GroupNode {
  const copy = (n: SearchNode): SearchNode =>
    n.kind === "filter" ? { ...n, id: nodeId() } : { ...n, id: nodeId(), children: n.children.map(copy) };
  const visit = (node: GroupNode): GroupNode => ({
    ...node,
    children: node.children.flatMap((c) => (c.id === id ? [c, copy(c)] : [c.kind === "group" ? visit(c) : c])),
  });
  return visit(root);
}

export function findNode(root: GroupNode, id: string): SearchNode | undefined {
  if (root.id === id) return root;
  for (const c of root.children) {
    if (c.id === id) return c;
    if (c.kind === "group") {
      const hit = findNode(c, id);
      if (hit) return hit;
    }
  }
  return undefined;
}

export function countFilters(node: SearchNode): number {
  return node.kind === "filter" ? 1 : node.children.reduce((n, c) => n + countFilters(c), 0);
}

export type BuilderAction =
  | { type: "replace"; root: GroupNode }
  | { type: "set-operator"; groupId: string; operator: "AND" | "OR" }
  | { type: "add"; groupId: string; node: SearchNode }
  | { type: "remove"; id: string }
  | { type: "duplicate"; id: string }
  | { type: "update-filter"; id: string; patch: Partial<Omit<FilterNode, "id" | "kind">> };

export function builderReducer(root: GroupNode, action: BuilderAction): GroupNode {
  switch (action.type) {
    case "replace":
      return action.root;
    case "set-operator":
      return updateNode(root, action.groupId, (n) => (n.kind === "group" ? { ...n, operator: action.operator } : n));
    case "add":
      return appendChild(root, action.groupId, action.node);
    case "remove":
      return action.id === root.id ? root : removeNode(root, action.id);
    case "duplicate":
      return duplicateNode(root, action.id);
    case "update-filter":
      return updateNode(root, action.id, (n) => (n.kind === "filter" ? { ...n, ...action.patch } : n));
  }
}
