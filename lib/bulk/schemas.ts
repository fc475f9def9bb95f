/**
 * The bulk actions and selections as the route handlers accept them (zod's small build: the
 * selection bar's forms check with the same schemas).
 */
import * as z from "zod/mini";
import { CONTROL_MESSAGE } from "@/lib/search/limits";
import { hasNonWhitespaceControls } from "@/lib/text/characters";
import { MAX_SELECTION } from "./types";

/** Intercom's state categories (kept here: the full schemas module would bring zod into the page). */
const STATE_CATEGORIES = ["submitted", "in_progress", "waiting_on_customer", "resolved"] as const;

const id = z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/, "Not a valid id"));
const attrValue = z.union([z.string().check(z.maxLength(10_000)), z.number(), z.boolean(), z.null()]);

export const bulkAction = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("assign_admin"), admin_id: id }),
  z.strictObject({ type: z.literal("assign_team"), team_id: id }),
  z.strictObject({ type: z.literal("unassign") }),
  z.strictObject({ type: z.literal("set_state"), state_id: id }),
  z.strictObject({ type: z.literal("set_state_category"), category: z.enum(STATE_CATEGORIES) }),
  z.strictObject({ type: z.literal("close") }),
  z.strictObject({ type: z.literal("reopen") }),
  z.strictObject({ type: z.literal("snooze"), until: z.int().check(z.minimum(0)) }),
  z.strictObject({ type: z.literal("set_shared"), shared: z.boolean() }),
  z.strictObject({ type: z.literal("add_tag"), tag_id: id }),
  z.strictObject({ type: z.literal("remove_tag"), tag_id: id }),
  /** List attributes are given by label: each ticket type has its own item ids. */
  z.strictObject({
    type: z.literal("set_attribute"),
    name: z.string().check(z.minLength(1), z.maxLength(200)),
    value: attrValue,
  }),
  z.strictObject({
    type: z.literal("change_type"),
    ticket_type_id: id,
    /** A state of the new type; by default the one in each ticket's state category. */
    ticket_state_id: z.optional(z.nullable(id)),
    attributes: z.optional(z.record(z.string().check(z.minLength(1), z.maxLength(200)), attrValue)),
  }),
  z.strictObject({ type: z.literal("delete") }),
]);
export type BulkAction = z.infer<typeof bulkAction>;
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

export const previewBody = z.strictObject({ selection, action: bulkAction });
export const createJobBody = z.strictObject({
  selection,
  action: bulkAction,
  /** For deletes: the number of tickets, typed by the lead. */
  confirm: z.optional(z.string().check(z.maxLength(20))),
});
export type CreateJobBody = z.infer<typeof createJobBody>;
