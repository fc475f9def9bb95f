/**
 * A query in a URL: `?q=1.<base64url>` that can be bookmarked and shared.
 *
 * The tree is written in a short array form without ids, then base64url'd, so the same tree
 * always gives the same text (links compare equal, caches key on it) and the text needs no
 * escaping in a query string. The `1.` tag lets the form change later without breaking old links.
 *
 *   group  → ["&" | "|", ...children]
 *   filter → [field, operator, value]        (a filter's second element is a string, a group's never is)
 *   value  → scalar | [scalars] | {"r": seconds} (relative date) | {"m": 1} (me)
 */
import { MAX_NESTING, type Resource } from "./fields";
import type { FilterValue, SearchNode, SearchQuery } from "./model";
import { checkTree } from "./structure";
import { isMeValue, isRelativeValue } from "./validate";

export { describeQuery } from "./describe";

export const URL_VERSION = "1";
const PREFIX = `${URL_VERSION}.`;
/** Far above any query the limits allow; refuses absurd input before decoding it. */
const MAX_TEXT = 64_000;

type Compact = unknown;

function compactValue(value: FilterValue): Compact {
  if (isRelativeValue(value)) return { r: value.relative };
  if (isMeValue(value)) return { m: 1 };
  return value;
}

function compact(node: SearchNode): Compact {
  if (node.kind === "filter") return [node.field, node.operator, compactValue(node.value)];
  return [node.operator === "AND" ? "&" : "|", ...node.children.map(compact)];
}

function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = "";
  // In slices: spreading a long array into fromCharCode can overflow the call stack.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(text: string): string | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return null;
  const padded = text.replace(/-/g, "+").replace(/_/g, "/") + "=".repeat((4 - (text.length % 4)) % 4);
  try {
    const binary = atob(padded);
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** The URL text for a query: stable (no ids, fixed layout) and URL-safe ([A-Za-z0-9._-]). */
export function encodeQuery(query: SearchQuery): string {
  return PREFIX + toBase64Url(JSON.stringify(compact(query.root)));
}

const BAD = Symbol("bad");

function expandValue(value: unknown): unknown {
  if (value !== null && typeof value === "object" && !Array.isArray(value)) {
    const keys = Object.keys(value);
    const obj = value as Record<string, unknown>;
    if (keys.length === 1 && keys[0] === "r") return { relative: obj.r };
    if (keys.length === 1 && keys[0] === "m" && obj.m === 1) return { me: true };
    return BAD;
  }
  return value;
}

/** The compact form back to the tree's shape, or BAD; `checkTree` checks the rest. */
function expand(node: unknown, level: number): unknown {
  if (!Array.isArray(node)) return BAD;
  if (node.length === 3 && typeof node[0] === "string" && typeof node[1] === "string") {
    const value = expandValue(node[2]);
    return value === BAD ? BAD : { kind: "filter", field: node[0], operator: node[1], value };
  }
  if ((node[0] !== "&" && node[0] !== "|") || level > MAX_NESTING) return BAD;
  const children = node.slice(1).map((child) => expand(child, level + 1));
  if (children.includes(BAD)) return BAD;
  return { kind: "group", operator: node[0] === "&" ? "AND" : "OR", children };
}

/** A query from URL text, with fresh ids; null for anything malformed or beyond Intercom's limits. */
export function decodeQuery(text: string, resource: Resource): SearchQuery | null {
  if (typeof text !== "string" || !text.startsWith(PREFIX) || text.length > MAX_TEXT) return null;
  const json = fromBase64Url(text.slice(PREFIX.length));
  if (json === null) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return null;
  }
  const root = expand(parsed, 1);
  if (root === BAD || (root as { kind: string }).kind !== "group") return null;
  const checked = checkTree(root);
  return checked ? { resource, root: checked } : null;
}
