import { parseAsArrayOf, parseAsInteger, parseAsString, parseAsStringLiteral } from "nuqs";
import type { Resource } from "@/lib/search/fields";
import { PAGE_SIZE_CHOICES } from "./pagination";

export const DEFAULT_PAGE_SIZE: Record<Resource, number> = { tickets: 20, conversations: 20, contacts: 50 };

/**
 * What the URL holds for a search screen, so a link reproduces the view and back/forward
 * walk through it: the query (compact codec), rows per page, the cursors of the pages
 * visited so far, and the saved view it started from.
 */
export function searchParams(resource: Resource) {
  return {
    q: parseAsString,
    size: parseAsInteger.withDefault(DEFAULT_PAGE_SIZE[resource]),
    c: parseAsArrayOf(parseAsString, "~").withDefault([]),
    view: parseAsString,
  };
}

export function validSize(size: number, resource: Resource): number {
  return (PAGE_SIZE_CHOICES as readonly number[]).includes(size) ? size : DEFAULT_PAGE_SIZE[resource];
}

export const resourceLiteral = parseAsStringLiteral(["tickets", "conversations", "contacts"] as const);
