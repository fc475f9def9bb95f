"use client";

import { Plus, X } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { LazyOptionPicker as OptionPicker } from "@/components/ui/lazy-option-picker";

/** A record's tags: remove one with its ×, add from the workspace's tags. */
export function TagEditor({
  tags,
  all,
  onAdd,
  onRemove,
}: {
  tags: { id: string; name: string }[];
  all: { id: string; name: string }[];
  onAdd: (id: string) => void;
  onRemove: (id: string) => void;
}) {
  const available = all.filter((t) => !tags.some((x) => x.id === t.id)).map((t) => ({ value: t.id, label: t.name }));
  return (
    <div className="space-y-2">
      <ul aria-label="Tags" className="flex flex-wrap gap-1.5">
        {tags.length === 0 && <li className="text-sm text-muted-foreground">No tags</li>}
        {tags.map((t) => (
          <li key={t.id}>
            <Badge variant="secondary" className="gap-1 pr-1">
              {t.name}
              <button
                type="button"
                className="rounded p-0.5 hover:bg-background"
                aria-label={`Remove tag ${t.name}`}
                onClick={() => onRemove(t.id)}
              >
                <X className="size-3" aria-hidden="true" />
              </button>
            </Badge>
          </li>
        ))}
      </ul>
      <div className="flex items-center gap-1.5">
        <Plus className="size-4 text-muted-foreground" aria-hidden="true" />
        <OptionPicker
          options={available}
          value=""
          onChange={(v) => onAdd(v as string)}
          label="Add a tag"
          placeholder="Add a tag…"
        />
      </div>
    </div>
  );
}
