/**
 * The bulk actions and selections as the route handlers accept them (zod's small build: the
 * bulk dialog checks with the same schemas).
 */
import * as z from "zod/mini";
import { CONTROL_MESSAGE } from "@/lib/search/limits";
import { hasNonWhitespaceControls } from "@/lib/text/characters";
import { MAX_SELECTION } from "./types";
import { bulkTicketChange, id, type StoredTicketChange } from "@/lib/changes/schema";

/** A job's change: the same inputs and checks as a single ticket's (lib/changes), replies aside. */
export const bulkAction = bulkTicketChange;
/** What a stored job's `action` holds: older jobs may hold older shapes. */
export type BulkAction = StoredTicketChange;
export type BulkActionType = BulkAction["type"];

const searchText = z.string().check(
  z.maxLength(1000),
  z.refine((s) => !hasNonWhitespaceControls(s), CONTROL_MESSAGE),
);
const scalar = z.union([searchText, z.number(), z.boolean(), z.null()]);
type Query = { field: string; operator: string; value: unknown } | { operator: "AND" | "OR"; value: Query[] };
/** Intercom's search JSON, by shape; Intercom judges fields and values. */
const query: z.ZodMiniType<Query> = z.lazy(() =>
  z.union([
    z.strictObject({
      field: z.string().check(z.minLength(1), z.maxLength(200)),
      operator: z.string().check(z.minLength(1), z.maxLength(10)),
      value: z.union([scalar, z.array(scalar).check(z.maxLength(200))]),
    }),
    z.strictObject({ operator: z.enum(["AND", "OR"]), value: z.array(query).check(z.minLength(1), z.maxLength(15)) }),
  ]),
);

export const selection = z.discriminatedUnion("kind", [
  z.strictObject({
    kind: z.literal("ids"),
    ids: z
      .array(id)
      .check(
        z.minLength(1, "Select at least one ticket"),
        z.maxLength(MAX_SELECTION, `Select at most ${MAX_SELECTION.toLocaleString("en")} tickets`),
      ),
  }),
  z.strictObject({
    kind: z.literal("query"),
    query,
    /** Unticked after "select all matching". */
    exclude: z.optional(z.array(id).check(z.maxLength(MAX_SELECTION))),
  }),
]);
export type Selection = z.infer<typeof selection>;

/**
 * What a job keeps of its selection, to describe it: the items are the selection, so ten
 * thousand ids are not stored (and read back on every poll) a second time.
 */
export type JobSource =
  { kind: "ids"; count: number } | { kind: "query"; query: Query; excluded: number } | { kind: "undo" };

export function sourceOf(selection: Selection): JobSource {
  return selection.kind === "ids"
    ? { kind: "ids", count: selection.ids.length }
    : { kind: "query", query: selection.query, excluded: selection.exclude?.length ?? 0 };
}

export const previewBody = z.strictObject({ selection, action: bulkAction });
export const createJobBody = z.strictObject({
  selection,
  action: bulkAction,
  /** For deletes: the number of tickets, typed by the lead. */
  confirm: z.optional(z.string().check(z.maxLength(20))),
});
export type CreateJobBody = z.infer<typeof createJobBody>;
