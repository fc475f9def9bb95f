/**
 * A schema for builder queries as they are stored and sent to route handlers (saved views).
 * It checks structure and Intercom's limits; field-level checks against a workspace's
 * catalogue are `validate`'s job. Written with zod's small build (zod/mini): the browser
 * loads it with the saved-view forms. (Decoding shared URLs uses `checkTree`, the same
 * rules without zod.)
 */
import * as z from "zod/mini";
import { MAX_FILTERS_PER_GROUP, MAX_NESTING, OPERATORS, RESOURCES } from "./fields";
import { nodeId, type SearchNode, type SearchQuery } from "./model";

import { hasNonWhitespaceControls } from "@/lib/text/characters";
import { CONTROL_MESSAGE, MAX_LIST_VALUES, MAX_TEXT_LENGTH } from "./limits";

export { MAX_LIST_VALUES, MAX_TEXT_LENGTH };

/** Text in a search: PostgreSQL refuses U+0000 in a saved view, and no field holds control characters. */
const text = (max: number) =>
  z.string().check(
    z.maxLength(max),
    z.refine((s) => !hasNonWhitespaceControls(s), CONTROL_MESSAGE),
  );
const scalar = z.union([text(MAX_TEXT_LENGTH), z.number(), z.boolean(), z.null()]);
const value = z.union([
  scalar,
  z.array(scalar).check(z.maxLength(MAX_LIST_VALUES)),
  z.strictObject({ relative: z.int() }),
  z.strictObject({ me: z.literal(true) }),
]);

const filter = z.strictObject({
  kind: z.literal("filter"),
  id: z.optional(z.string().check(z.maxLength(64))),
  field: text(200).check(z.minLength(1)),
  operator: z.enum(OPERATORS),
  value,
});

type FilterInput = z.infer<typeof filter>;
type GroupInput = { kind: "group"; id?: string; operator: "AND" | "OR"; children: (FilterInput | GroupInput)[] };

const group: z.ZodMiniType<GroupInput> = z.lazy(() =>
  z.strictObject({
    kind: z.literal("group"),
    id: z.optional(z.string().check(z.maxLength(64))),
    operator: z.enum(["AND", "OR"]),
    children: z
      .array(z.union([filter, group]))
      .check(
        z.minLength(1, "A group needs at least one filter"),
        z.maxLength(MAX_FILTERS_PER_GROUP, `At most ${MAX_FILTERS_PER_GROUP} filters per group`),
      ),
  }),
);

function depth(node: GroupInput, level = 1): number {
  return Math.max(level, ...node.children.map((c) => (c.kind === "group" ? depth(c, level + 1) : level)));
}

function withIds(node: FilterInput | GroupInput): SearchNode {
  return node.kind === "filter"
    ? { kind: "filter", id: node.id ?? nodeId(), field: node.field, operator: node.operator, value: node.value }
    : { kind: "group", id: node.id ?? nodeId(), operator: node.operator, children: node.children.map(withIds) };
}

export const searchQuerySchema: z.ZodMiniType<SearchQuery, unknown> = z.pipe(
  z.strictObject({ resource: z.enum(RESOURCES), root: group }).check(
    z.refine((q) => depth(q.root) <= MAX_NESTING, {
      message: `Searches can be nested at most ${MAX_NESTING} levels deep`,
      path: ["root"],
    }),
  ),
  z.transform((q) => ({ resource: q.resource, root: withIds(q.root) as SearchQuery["root"] })),
);
