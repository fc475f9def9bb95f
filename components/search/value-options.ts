/** The choices a value picker offers for a field, from the workspace's catalogue. */
import type { CatalogueField } from "@/lib/search/catalogue";
import type { WorkspaceCatalog } from "@/lib/queries/catalog";

import type { Option } from "@/components/ui/option-picker";

export type { Option };

export const ME = "__me__";
export const UNASSIGNED = "0";

const ASSIGNEE_FIELDS = new Set(["admin_assignee_id", "team_assignee_id"]);

/** Options for a field, or "contacts" when they must be looked up as the lead types, or null for free input. */
export function optionsFor(
  field: CatalogueField,
  catalog: WorkspaceCatalog,
  me: { name: string },
): Option[] | "contacts" | null {
  const source = field.source;
  if (!source) return null;
  if (typeof source === "object") return source.enum.map((o) => ({ value: o.value, label: o.label }));
  const unassigned = ASSIGNEE_FIELDS.has(field.key) ? [{ value: UNASSIGNED, label: "Unassigned" }] : [];
  switch (source) {
    case "admins":
      return [
        { value: ME, label: `Me (${me.name})` },
        ...unassigned,
        ...catalog.admins.map((a) => ({ value: a.id, label: a.name, hint: a.email })),
      ];
    case "teams":
      return [...unassigned, ...catalog.teams.map((t) => ({ value: t.id, label: t.name }))];
    case "tags":
      return catalog.tags.map((t) => ({ value: t.id, label: t.name }));
    case "ticket_types":
      return catalog.ticketTypes.map((t) => ({
        value: t.id,
        label: `${t.icon ?? ""} ${t.name}`.trim(),
        hint: t.archived ? `${t.category}, archived` : t.category,
      }));
    case "segments":
      return catalog.segments.map((s) => ({ value: s.id, label: s.name }));
    case "companies":
      return catalog.companies.map((c) => ({ value: c.id, label: c.name ?? c.id }));
    case "ticket_states":
      return [];
    case "contacts":
      return "contacts";
  }
}

/** A label for a stored value, for chips and summaries. */
export function labelFor(options: Option[] | "contacts" | null, value: string): string {
  if (!Array.isArray(options)) return value;
  return options.find((o) => o.value === value)?.label ?? value;
}
