/**
 * A filter pinned to a search, such as a segment page's `segment_id`: always ANDed with what
 * the lead builds, never shown as editable, never part of the refining tree in the URL.
 */
import { groupNode, stripIds, type FilterNode, type GroupNode } from "./model";

/** The query actually searched: the pinned filter AND the lead's tree (folded into the root when it is an AND). */
export function withPinned(pinned: FilterNode, root: GroupNode): GroupNode {
  if (root.children.length === 0) return { ...root, operator: "AND", children: [pinned] };
  if (root.operator === "AND") return { ...root, children: [pinned, ...root.children] };
  return groupNode("AND", [pinned, root]);
}

/** A tree without the pinned filter at its root (for JSON pasted with it): the part the lead edits. */
export function withoutPinned(pinned: FilterNode, root: GroupNode): GroupNode {
  const same = JSON.stringify(stripIds(pinned));
  const children =
    root.operator === "AND" ? root.children.filter((c) => JSON.stringify(stripIds(c)) !== same) : root.children;
  // AND(pinned, OR(…)) as composed above comes back as the OR group itself.
  if (
    root.operator === "AND" &&
    children.length === 1 &&
    children[0].kind === "group" &&
    children.length !== root.children.length
  )
    return children[0];
  return { ...root, children };
}
