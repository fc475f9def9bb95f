/**
 * A zod schema for builder queries as they are stored and sent to route handlers (saved
 * views). It checks structure and Intercom's limits; field-level checks against a
 * workspace's catalogue are `validate`'s job.
 */
import { z } from "zod";
import { MAX_FILTERS_PER_GROUP, MAX_NESTING, OPERATORS, RESOURCES } from "./fields";
import { nodeId, type SearchNode, type SearchQuery } from "./model";

const scalar = z.union([z.string().max(1000), z.number().finite(), z.boolean(), z.null()]);
const value = z.union([scalar, z.array(scalar).max(200), z.object({ relative: z.number().int() }).strict(), z.object({ me: z.literal(true) }).strict()]);

const filter = z
  .object({
    kind: z.literal("filter"),
    id: z.string().max(64).optional(),
    field: z.string().min(1).max(200),
    operator: z.enum(OPERATORS),
    value,
  })
  .strict();

type GroupInput = { kind: "group"; id?: string; operator: "AND" | "OR"; children: (z.infer<typeof filter> | GroupInput)[] };

const group: z.ZodType<GroupInput> = z.lazy(() =>
  z
    .object({
      kind: z.literal("group"),
      id: z.string().max(64).optional(),
      operator: z.enum(["AND", "OR"]),
      children: z.array(z.union([filter, group])).min(1, "A group needs at least one filter").max(MAX_FILTERS_PER_GROUP, `At most ${MAX_FILTERS_PER_GROUP} filters per group`),
    })
    .strict(),
);

function depth(node: GroupInput, level = 1): number {
  return Math.max(level, ...node.children.map((c) => (c.kind === "group" ? depth(c, level + 1) : level)));
}

function withIds(node: z.infer<typeof filter> | GroupInput): SearchNode {
  return node.kind === "filter"
    ? { kind: "filter", id: node.id ?? nodeId(), field: node.field, operator: node.operator, value: node.value }
    : { kind: "group", id: node.id ?? nodeId(), operator: node.operator, children: node.children.map(withIds) };
}

export const searchQuerySchema: z.ZodType<SearchQuery, unknown> = z
  .object({ resource: z.enum(RESOURCES), root: group })
  .strict()
  .refine((q) => depth(q.root) <= MAX_NESTING, { message: `Searches can be nested at most ${MAX_NESTING} levels deep`, path: ["root"] })
  .transform((q) => ({ resource: q.resource, root: withIds(q.root) as SearchQuery["root"] }));
