/**
 * A workspace's searchable fields for one resource: the static fields of fields.ts plus the
 * fields that depend on the workspace (ticket type attributes, custom data attributes).
 *
 * The builder offers exactly these fields and `validate` accepts exactly these, so a field
 * the workspace does not have can never reach Intercom.
 */
import type { DataAttribute, TicketType } from "@/lib/intercom/schemas";
import { featuresOf, whyUnavailable, type IntercomVersion } from "@/lib/intercom/versions";
import {
  DYNAMIC_PREFIX,
  PRIORITY_LEVEL_TERMS,
  STATIC_FIELDS,
  operatorsFor,
  searchTypeForDataAttribute,
  searchTypeForTicketAttribute,
  type EnumOption,
  type FieldDef,
  type Resource,
} from "./fields";

export interface CatalogueSource {
  ticketTypes?: TicketType[];
  dataAttributes?: DataAttribute[];
  /** The Intercom version in use: which priority values and custom attributes it has. */
  version?: IntercomVersion;
}

export interface CatalogueField extends FieldDef {
  dynamic?: "ticket_attribute" | "custom_attribute";
  /** For ticket attributes: the type the attribute belongs to. */
  ticketTypeName?: string;
  /** The attribute's ticket type (or the data attribute itself) is archived: still searchable, offered last. */
  archived?: boolean;
}

export interface Catalogue {
  resource: Resource;
  /** Grouped by topic, topics in `topics` order. */
  fields: CatalogueField[];
  get(key: string): CatalogueField | undefined;
  /** Topic headings in display order. */
  topics: string[];
  /** Why fields the version cannot list are missing ("Conversation attributes can't be listed with …"). */
  missing: string[];
}

export const TICKET_ATTRIBUTES_TOPIC = "Ticket attributes";
export const CUSTOM_ATTRIBUTES_TOPIC = "Custom attributes";

/** Every ticket type has these two; the static default_title / default_description fields already search them. */
const DEFAULT_TICKET_ATTRIBUTES = new Set(["_default_title_", "_default_description_"]);

const DATA_ATTRIBUTE_MODEL: Partial<Record<Resource, DataAttribute["model"]>> = {
  contacts: "contact",
  conversations: "conversation",
};

function ticketAttributeFields(types: TicketType[]): CatalogueField[] {
  // Archived types stay searchable (old tickets keep their attributes) but come after the live ones.
  const ordered = [...types.filter((t) => !t.archived), ...types.filter((t) => t.archived)];
  const fields: CatalogueField[] = [];
  for (const type of ordered) {
    for (const attr of type.ticket_type_attributes) {
      if (attr.default || attr.archived || DEFAULT_TICKET_ATTRIBUTES.has(attr.name)) continue;
      const searchType = searchTypeForTicketAttribute(attr.data_type);
      if (!searchType) continue; // files cannot be searched
      const field: CatalogueField = {
        key: DYNAMIC_PREFIX.ticketAttribute + attr.id,
        label: `${type.name} · ${attr.name}${type.archived ? " (archived type)" : ""}`,
        type: searchType,
        topic: TICKET_ATTRIBUTES_TOPIC,
        dynamic: "ticket_attribute",
        ticketTypeName: type.name,
      };
      if (attr.data_type === "list") {
        // Intercom matches list attributes on the item's id; archived items are no longer offered.
        const items = attr.input_options?.list_options ?? [];
        field.source = {
          enum: items.filter((o) => !o.archived).map((o): EnumOption => ({ value: o.id, label: o.label })),
        };
      }
      if (type.archived) field.archived = true;
      fields.push(field);
    }
  }
  return fields;
}

function customAttributeFields(model: DataAttribute["model"], attributes: DataAttribute[]): CatalogueField[] {
  const ours = attributes.filter((a) => a.model === model && a.custom);
  const ordered = [...ours.filter((a) => !a.archived), ...ours.filter((a) => a.archived)];
  const fields: CatalogueField[] = [];
  for (const attr of ordered) {
    const searchType = searchTypeForDataAttribute(attr.data_type);
    if (!searchType) continue;
    const field: CatalogueField = {
      key: DYNAMIC_PREFIX.customAttribute + attr.name,
      label: attr.archived ? `${attr.label} (archived)` : attr.label,
      type: searchType,
      topic: CUSTOM_ATTRIBUTES_TOPIC,
      dynamic: "custom_attribute",
    };
    if (attr.options && attr.options.length > 0)
      field.source = { enum: attr.options.map((o) => ({ value: o, label: o })) };
    if (attr.archived) field.archived = true;
    fields.push(field);
  }
  return fields;
}

/** Builds the catalogue; `source` may be empty (static fields only), e.g. before the workspace's lists have loaded. */
export function buildCatalogue(resource: Resource, source: CatalogueSource = {}): Catalogue {
  const dynamic: CatalogueField[] = [];
  if (resource === "tickets") dynamic.push(...ticketAttributeFields(source.ticketTypes ?? []));
  const model = DATA_ATTRIBUTE_MODEL[resource];
  if (model) dynamic.push(...customAttributeFields(model, source.dataAttributes ?? []));
  const missing: string[] = [];
  const version = source.version;
  if (version && model === "conversation") {
    const why = whyUnavailable("conversationAttributes", version);
    if (why) missing.push(why);
  }
  // With levels, a conversation's priority is searched by level (or "priority", any level but none).
  const statics =
    version && featuresOf(version).priorityLevels && resource === "conversations"
      ? STATIC_FIELDS[resource].map((f) => (f.key === "priority" ? { ...f, source: PRIORITY_LEVEL_TERMS } : f))
      : STATIC_FIELDS[resource];

  const byKey = new Map<string, CatalogueField>();
  // Static fields win a key clash; dynamic keys carry a prefix, so a clash means duplicate input.
  for (const def of [...statics, ...dynamic]) {
    if (byKey.has(def.key)) continue;
    // Resolve operators once so the builder and validate read the same list off the field.
    byKey.set(def.key, { ...def, operators: operatorsFor(resource, def) });
  }

  // Topics in order of first appearance; fields regrouped under them (fields.ts interleaves some).
  const topics: string[] = [];
  for (const field of byKey.values()) if (!topics.includes(field.topic)) topics.push(field.topic);
  const fields = topics.flatMap((topic) => [...byKey.values()].filter((f) => f.topic === topic));

  return { resource, fields, topics, missing, get: (key) => byKey.get(key) };
}
