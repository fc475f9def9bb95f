/**
 * A seeded generator of random VALID builder queries for property tests: random nesting up
 * to Intercom's limits, fields and operators drawn from a catalogue, values of the right
 * type, and (when asked) relative dates and "me".
 */
import type { Catalogue, CatalogueField } from "@/lib/search/catalogue";
import { MAX_FILTERS_PER_GROUP, isListOperator, type Operator } from "@/lib/search/fields";
import {
  filterNode,
  groupNode,
  type FilterNode,
  type FilterValue,
  type Scalar,
  type SearchNode,
  type SearchQuery,
} from "@/lib/search/model";
import { acceptsMe, acceptsNull, acceptsRelative } from "@/lib/search/validate";

export interface Rng {
  next(): number;
  int(lo: number, hi: number): number;
  pick<T>(items: readonly T[]): T;
  chance(p: number): boolean;
}

/** mulberry32: small, fast and the same on every machine. */
export function seeded(seed: number): Rng {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  return { next, int, pick: (items) => items[int(0, items.length - 1)], chance: (p) => next() < p };
}

/** Text that stresses JSON, base64 and URLs: accents, CJK, emoji, quotes, URL syntax, whitespace. */
export const WORDS = [
  "refund",
  "billing issue",
  "café",
  "naïve résumé",
  "日本語のテキスト",
  "party 🎉",
  "a/b?c=d&e=f#g",
  '100% "quoted"',
  "O'Brien",
  "plus+sign",
  "tab\there",
  "x",
  "line\nbreak",
  "back\\slash",
];

export interface GenerateOptions {
  /** Allow `{relative}` on dates. */
  relative?: boolean;
  /** Allow `{me}` on teammate fields. */
  me?: boolean;
}

export function scalarFor(r: Rng, field: CatalogueField): Scalar {
  switch (field.type) {
    case "string":
      if (field.source && typeof field.source === "object" && field.source.enum.length > 0)
        return r.pick(field.source.enum).value;
      return r.chance(0.5) ? r.pick(WORDS) : `${r.pick(WORDS)} ${r.int(0, 9999)}`;
    case "integer":
      return r.int(-1000, 100_000);
    case "float":
      // Never -0: JSON writes it as 0, which would not compare equal after a round trip.
      return r.chance(0.8) ? r.int(0, 1_000_000) / 100 : -(r.int(1, 1_000_000) / 100);
    case "date":
      return r.int(0, 2_000_000_000);
    case "boolean":
      return r.chance(0.5);
  }
}

export function valueFor(
  r: Rng,
  catalogue: Catalogue,
  field: CatalogueField,
  op: Operator,
  opts: GenerateOptions,
): FilterValue {
  if (isListOperator(op)) return Array.from({ length: r.int(1, 4) }, () => scalarFor(r, field));
  if (acceptsNull(catalogue.resource, field, op) && r.chance(0.08)) return null;
  if (opts.relative && acceptsRelative(field, op) && r.chance(0.4))
    return { relative: r.int(-90 * 86_400, 30 * 86_400) };
  if (opts.me && acceptsMe(field, op) && r.chance(0.5)) return { me: true };
  return scalarFor(r, field);
}

export function randomFilter(r: Rng, catalogue: Catalogue, opts: GenerateOptions = {}): FilterNode {
  const field = r.pick(catalogue.fields);
  const op = r.pick(field.operators!);
  return filterNode(field.key, op, valueFor(r, catalogue, field, op, opts));
}

/** Mostly small groups, sometimes exactly at the 15-filter limit. */
function groupSize(r: Rng): number {
  return r.chance(0.05) ? MAX_FILTERS_PER_GROUP : r.int(1, 5);
}

export function randomQuery(r: Rng, catalogue: Catalogue, opts: GenerateOptions = {}): SearchQuery {
  const children: SearchNode[] = Array.from({ length: groupSize(r) }, () =>
    // Level 2 groups hold only filters: a group inside them would be level 3.
    r.chance(0.3)
      ? groupNode(
          r.chance(0.5) ? "AND" : "OR",
          Array.from({ length: groupSize(r) }, () => randomFilter(r, catalogue, opts)),
        )
      : randomFilter(r, catalogue, opts),
  );
  return { resource: catalogue.resource, root: groupNode(r.chance(0.7) ? "AND" : "OR", children) };
}
