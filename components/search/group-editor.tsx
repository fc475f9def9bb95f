"use client";

import { Copy, FolderPlus, Plus, Trash2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Tooltip } from "@/components/ui/tooltip";
import { cn } from "@/lib/cn";
import type { WorkspaceCatalog } from "@/lib/queries/catalog";
import type { Catalogue } from "@/lib/search/catalogue";
import { MAX_FILTERS_PER_GROUP, MAX_NESTING, type Resource } from "@/lib/search/fields";
import { filterNode, groupNode, type GroupNode } from "@/lib/search/model";
import type { BuilderAction } from "./edit-tree";
import { FilterRow } from "./filter-row";

export interface GroupEditorProps {
  ws: string;
  resource: Resource;
  node: GroupNode;
  level: number;
  /** The parent's child count, so duplicating is refused when the parent is full. */
  parentFull: boolean;
  catalogue: Catalogue;
  catalog: WorkspaceCatalog;
  me: { name: string };
  timezone: string;
  errors: Map<string, string>;
  dispatch: (action: BuilderAction) => void;
  /** Position in the tree for names: "" for the root, "2" for the root's second child. */
  position?: string;
}

const newFilter = () => filterNode("", "=", "");

/** Why an add control is disabled, in words; null when it is enabled. */
function addLimits(node: GroupNode, level: number): { filter: string | null; group: string | null } {
  const full =
    node.children.length >= MAX_FILTERS_PER_GROUP
      ? `A group holds at most ${MAX_FILTERS_PER_GROUP} filters; this one is full.`
      : null;
  return {
    filter: full,
    group: full ?? (level >= MAX_NESTING ? `Groups can be nested at most ${MAX_NESTING} levels deep.` : null),
  };
}

function AddButton({
  reason,
  label,
  onClick,
  icon,
}: {
  reason: string | null;
  label: string;
  onClick: () => void;
  icon: React.ReactNode;
}) {
  const button = (
    <Button
      variant="outline"
      size="sm"
      onClick={reason ? undefined : onClick}
      aria-disabled={reason ? true : undefined}
      className={cn(reason && "cursor-not-allowed opacity-50")}
      aria-describedby={undefined}
    >
      {icon}
      {label}
      {reason && <span className="sr-only"> (unavailable: {reason})</span>}
    </Button>
  );
  return reason ? <Tooltip content={reason}>{button}</Tooltip> : button;
}

export function GroupEditor(props: GroupEditorProps) {
  const { node, level, dispatch, errors } = props;
  const limits = addLimits(node, level);
  const isRoot = level === 1;
  const groupError = errors.get(node.id);
  const position = props.position ?? "";
  const childName = (i: number) => (position ? `${position}.${i + 1}` : String(i + 1));
  return (
    <div
      role="group"
      aria-label={isRoot ? "Search filters" : `Group ${position}`}
      className={cn("space-y-3", !isRoot && "rounded-md border border-dashed bg-muted/30 p-3")}
    >
      <div className="flex flex-wrap items-center gap-2">
        <span className="text-sm text-muted-foreground">{isRoot ? "Match" : "Group: match"}</span>
        <div
          role="radiogroup"
          aria-label={isRoot ? "Join the filters with" : "Join this group's filters with"}
          className="inline-flex rounded-md border p-0.5"
        >
          {(["AND", "OR"] as const).map((op) => (
            <button
              key={op}
              type="button"
              role="radio"
              aria-checked={node.operator === op}
              onClick={() => dispatch({ type: "set-operator", groupId: node.id, operator: op })}
              className={cn(
                "rounded px-2.5 py-0.5 text-xs font-semibold",
                node.operator === op ? "bg-primary text-primary-foreground" : "text-muted-foreground hover:bg-accent",
              )}
            >
              {op === "AND" ? "all (AND)" : "any (OR)"}
            </button>
          ))}
        </div>
        <span className="text-sm text-muted-foreground">of these</span>
        {!isRoot && (
          <span className="ml-auto flex gap-1">
            <Button
              variant="ghost"
              size="icon-sm"
              aria-label={`Duplicate group ${position}`}
              disabled={props.parentFull}
              onClick={() => dispatch({ type: "duplicate", id: node.id })}
            >
              <Copy aria-hidden="true" />
            </Button>
            <Button
              variant="ghost"
              size="icon-sm"
              aria-label={`Remove group ${position}`}
              onClick={() => dispatch({ type: "remove", id: node.id })}
            >
              <Trash2 aria-hidden="true" />
            </Button>
          </span>
        )}
      </div>
      {groupError && <p className="text-xs text-destructive">{groupError}</p>}
      <div className="space-y-3">
        {node.children.map((child, i) =>
          child.kind === "filter" ? (
            <FilterRow
              key={child.id}
              {...props}
              node={child}
              name={`Filter ${childName(i)}`}
              error={errors.get(child.id)}
              canDuplicate={node.children.length < MAX_FILTERS_PER_GROUP}
            />
          ) : (
            <GroupEditor
              key={child.id}
              {...props}
              node={child}
              level={level + 1}
              position={childName(i)}
              parentFull={node.children.length >= MAX_FILTERS_PER_GROUP}
            />
          ),
        )}
      </div>
      <div className="flex flex-wrap gap-2">
        <AddButton
          reason={limits.filter}
          label={isRoot ? "Add filter" : `Add filter to group ${position}`}
          icon={<Plus aria-hidden="true" />}
          onClick={() => dispatch({ type: "add", groupId: node.id, node: newFilter() })}
        />
        <AddButton
          reason={limits.group}
          label={isRoot ? "Add group" : `Add group inside group ${position}`}
          icon={<FolderPlus aria-hidden="true" />}
          onClick={() =>
            dispatch({
              type: "add",
              groupId: node.id,
              node: groupNode(node.operator === "AND" ? "OR" : "AND", [newFilter()]),
            })
          }
        />
      </div>
    </div>
  );
}
