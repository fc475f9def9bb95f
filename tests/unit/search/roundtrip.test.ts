/**
 * Property tests over random valid queries from a seeded generator (so a failure replays):
 * Intercom JSON and URL text both give back the same tree.
 */
import { describe, expect, it } from "vitest";
import { fromIntercom, resolveQuery, toIntercom } from "@/lib/search/convert";
import { MAX_FILTERS_PER_GROUP, RESOURCES } from "@/lib/search/fields";
import { stripIds, type SearchNode, type SearchQuery } from "@/lib/search/model";
import { decodeQuery, encodeQuery } from "@/lib/search/url";
import { validate } from "@/lib/search/validate";
import { CATALOGUES, CTX } from "./fixtures";
import { randomQuery, seeded, type GenerateOptions } from "./generate";

const PER_RESOURCE = 600;

function sample(seed: number, resource: (typeof RESOURCES)[number], opts: GenerateOptions): SearchQuery[] {
  const r = seeded(seed);
  return Array.from({ length: PER_RESOURCE }, () => randomQuery(r, CATALOGUES[resource], opts));
}

function stats(queries: SearchQuery[]) {
  const all = (n: SearchNode): SearchNode[] => (n.kind === "group" ? [n, ...n.children.flatMap(all)] : [n]);
  const nodes = queries.flatMap((q) => all(q.root));
  const values = nodes.flatMap((n) => (n.kind === "filter" ? [n.value] : []));
  return {
    nested: nodes.filter((n) => n.kind === "group").length - queries.length,
    full: nodes.filter((n) => n.kind === "group" && n.children.length === MAX_FILTERS_PER_GROUP).length,
    relative: values.filter((v) => v !== null && typeof v === "object" && "relative" in v).length,
    me: values.filter((v) => v !== null && typeof v === "object" && "me" in v).length,
    nulls: values.filter((v) => v === null).length,
    lists: values.filter(Array.isArray).length,
    fields: new Set(nodes.flatMap((n) => (n.kind === "filter" ? [n.field] : []))).size,
  };
}

describe.each(RESOURCES.map((resource, i) => [resource, 1000 + i] as const))("%s (seed %i)", (resource, seed) => {
  const catalogue = CATALOGUES[resource];
  const absolute = sample(seed, resource, {});
  const withRelativeAndMe = sample(seed + 500, resource, { relative: true, me: true });

  it("generates valid, varied queries that reach the limits", () => {
    for (const q of [...absolute, ...withRelativeAndMe]) expect(validate(q, catalogue)).toEqual([]);
    const s = stats(withRelativeAndMe);
    expect(s.nested).toBeGreaterThan(100);
    expect(s.full).toBeGreaterThan(10);
    expect(s.relative).toBeGreaterThan(50);
    expect(s.nulls).toBeGreaterThan(20);
    expect(s.lists).toBeGreaterThan(100);
    expect(s.fields).toBe(catalogue.fields.length);
    expect(s.me).toBeGreaterThan(10);
  });

  it(`fromIntercom(toIntercom(q)) is q, for ${PER_RESOURCE} queries with absolute values`, () => {
    for (const q of absolute) {
      const back = fromIntercom(toIntercom(q, CTX), resource, catalogue);
      expect(back.ok ? stripIds(back.query.root) : back).toEqual(stripIds(q.root));
    }
  });

  it(`fromIntercom(toIntercom(q)) is q resolved, for ${PER_RESOURCE} queries with relative dates and me`, () => {
    for (const q of withRelativeAndMe) {
      const json = toIntercom(q, CTX);
      // Through the wire as text, as the JSON panel and the API see it.
      const back = fromIntercom(JSON.parse(JSON.stringify({ query: json })), resource, catalogue);
      expect(back.ok ? stripIds(back.query.root) : back).toEqual(stripIds(resolveQuery(q, CTX).root));
    }
  });

  it(`decodeQuery(encodeQuery(q)) is q, relative dates and me included, for ${PER_RESOURCE * 2} queries`, () => {
    for (const q of [...absolute, ...withRelativeAndMe]) {
      const text = encodeQuery(q);
      const back = decodeQuery(text, resource);
      expect(back && stripIds(back.root), text).toEqual(stripIds(q.root));
      expect(back?.resource).toBe(resource);
    }
  });

  it("encodeQuery is deterministic and URL-safe", () => {
    for (const q of withRelativeAndMe) {
      const text = encodeQuery(q);
      expect(encodeQuery(q)).toBe(text);
      expect(encodeQuery(structuredClone(q))).toBe(text);
      expect(encodeQuery(decodeQuery(text, resource)!)).toBe(text);
      expect(text).toMatch(/^1\.[A-Za-z0-9_-]+$/);
      expect(encodeURIComponent(text)).toBe(text);
    }
  });

  it("different trees give different text", () => {
    const texts = new Map<string, string>();
    for (const q of withRelativeAndMe) {
      const text = encodeQuery(q);
      const shape = JSON.stringify(stripIds(q.root));
      if (texts.has(text)) expect(texts.get(text)).toBe(shape);
      texts.set(text, shape);
    }
    expect(texts.size).toBeGreaterThan(PER_RESOURCE * 0.95);
  });
});
