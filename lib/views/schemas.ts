/**
 * Saved views' input schemas and response shape, shared by the route handlers and the UI's
 * forms so both check a view the same way and the server's field errors land on the form.
 * zod's small build (zod/mini), since the browser's forms load these too.
 */
import * as z from "zod/mini";
import { RESOURCES, type Resource } from "@/lib/search/fields";
import type { SearchQuery } from "@/lib/search/model";
import { searchQuerySchema } from "@/lib/search/schema";
import { hasControlCharacters, stripInvisible } from "@/lib/text/characters";

export const MAX_VIEW_NAME = 80;
export const MAX_VIEW_COLUMNS = 30;
const MAX_COLUMN_ID = 100;

/** Invisible reordering and zero-width characters are dropped; control characters are refused. */
export const viewName = z.string({ error: "Give the view a name" }).check(
  z.overwrite(stripInvisible),
  z.trim(),
  z.minLength(1, "Give the view a name"),
  z.maxLength(MAX_VIEW_NAME, `Keep the name to ${MAX_VIEW_NAME} characters or fewer`),
  z.refine(
    (name) => !hasControlCharacters(name),
    "Names cannot contain control characters such as tabs or line breaks",
  ),
);

export const viewResource = z.enum(RESOURCES, { error: "Choose tickets, conversations or contacts" });

/** An object first, so a missing or malformed query reads as one message rather than zod's type jargon. */
export const viewQuery = z.pipe(
  z.looseObject({}, { error: "Build a search for the view" }),
  // Sound: a schema that takes any input takes any object; pipe() only wants the types to line up.
  searchQuerySchema as z.ZodMiniType<SearchQuery, Record<string, unknown>>,
);

export const viewColumns = z
  .array(
    z
      .string({ error: "Each column is a column id" })
      .check(z.minLength(1, "Each column is a column id"), z.maxLength(MAX_COLUMN_ID, "That column id is too long")),
    {
      error: "Columns must be a list of column ids",
    },
  )
  .check(
    z.minLength(1, "Show at least one column"),
    z.maxLength(MAX_VIEW_COLUMNS, `Show at most ${MAX_VIEW_COLUMNS} columns`),
    z.refine((cols) => new Set(cols).size === cols.length, "Each column can appear only once"),
  );

export const viewShared = z.boolean({ error: "Choose whether the view is shared with the workspace" });

export function queryResourceMismatch(view: Resource, query: Resource): string {
  return `This search is over ${query}, but the view lists ${view}`;
}

export const viewInput = z
  .strictObject({ name: viewName, resource: viewResource, query: viewQuery, columns: viewColumns, shared: viewShared })
  .check((ctx) => {
    const { resource, query } = ctx.value;
    // zod runs this even after some fields failed; compare only when both parsed.
    if (!query?.root || !RESOURCES.includes(resource)) return;
    if (query.resource !== resource)
      ctx.issues.push({
        code: "custom",
        path: ["query", "resource"],
        message: queryResourceMismatch(resource, query.resource),
        input: query,
      });
  });

/** A view's resource never changes (its columns and search belong to it), so a patch cannot name one. */
export const viewPatch = z
  .strictObject({
    name: z.optional(viewName),
    query: z.optional(viewQuery),
    columns: z.optional(viewColumns),
    shared: z.optional(viewShared),
  })
  .check(
    z.refine(
      (p) => Object.values(p).some((v) => v !== undefined),
      "Change at least one of name, query, columns or shared",
    ),
  );

/** What forms hold (before parsing) and what handlers receive (after). */
export type ViewInputValues = z.input<typeof viewInput>;
export type ViewInput = z.output<typeof viewInput>;
export type ViewPatchValues = z.input<typeof viewPatch>;
export type ViewPatch = z.output<typeof viewPatch>;

/** Whose view it is, from the reader's side: theirs, a teammate's shared one, or a workspace default. */
export type ViewOwner = "me" | "team" | "default";

/** A view as the route handlers answer with it. */
export interface SavedView {
  id: string;
  name: string;
  resource: Resource;
  query: SearchQuery;
  columns: string[];
  shared: boolean;
  owner: ViewOwner;
  /** Whether this reader may rename, change or delete it. */
  editable: boolean;
  /** ISO 8601. */
  createdAt: string;
  updatedAt: string;
}
