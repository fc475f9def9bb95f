/** Which attributes a bulk job can set, and each as every live ticket type has it. */
import type { WorkspaceCatalog } from "@/lib/catalog/types";
import type { TicketTypeAttribute } from "@/lib/intercom/schemas";

/**
 * An attribute as every live ticket type has it, for setting one value across types: list
 * items by label (each type has its own ids; the server matches labels per ticket).
 */
export function attributeAcrossTypes(catalog: WorkspaceCatalog, name: string): TicketTypeAttribute | null {
  const defs = catalog.ticketTypes
    .filter((t) => !t.archived)
    .flatMap((t) => t.ticket_type_attributes.filter((a) => a.name === name && !a.archived));
  if (defs.length === 0) return null;
  const first = defs[0];
  if (first.data_type !== "list") return { ...first, required_to_create: false };
  const labels = [
    ...new Set(
      defs.flatMap((d) => (d.input_options?.list_options ?? []).filter((o) => !o.archived).map((o) => o.label)),
    ),
  ];
  return {
    ...first,
    required_to_create: false,
    input_options: { list_options: labels.map((l) => ({ id: l, label: l })) },
  };
}

/** Attribute names a bulk action can set: live, settable, on at least one live type. */
export function settableAttributes(catalog: WorkspaceCatalog): { name: string; types: number }[] {
  const count = new Map<string, number>();
  for (const t of catalog.ticketTypes.filter((x) => !x.archived)) {
    for (const a of t.ticket_type_attributes)
      if (!a.archived && a.data_type !== "files") count.set(a.name, (count.get(a.name) ?? 0) + 1);
  }
  return [...count].map(([name, types]) => ({ name, types })).sort((a, b) => a.name.localeCompare(b.name));
}

/** Every state label of the live types, once each, in the order the types list them. */
export function stateLabels(catalog: WorkspaceCatalog): string[] {
  return [
    ...new Set(
      catalog.ticketTypes.filter((t) => !t.archived).flatMap((t) => t.ticket_states.map((s) => s.internal_label)),
    ),
  ];
}

/** Each live type's state with that label; types without one get none (their tickets are skipped unless chosen). */
export function statesWithLabel(catalog: WorkspaceCatalog, label: string): Record<string, string> {
  return Object.fromEntries(
    catalog.ticketTypes.flatMap((t) => {
      const s = !t.archived && t.ticket_states.find((x) => x.internal_label === label);
      return s ? [[t.id, s.id]] : [];
    }),
  );
}
