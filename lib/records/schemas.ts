import { z } from "zod";
import { MAX_FILTERS_PER_GROUP, OPERATORS, RESOURCES } from "@/lib/search/fields";
import { CONTROL_MESSAGE } from "@/lib/search/limits";
import type { IntercomQuery } from "@/lib/search/model";
import { hasNonWhitespaceControls } from "@/lib/text/characters";

const text = (max: number) =>
  z
    .string()
    .max(max)
    .refine((s) => !hasNonWhitespaceControls(s), CONTROL_MESSAGE);
const scalar = z.union([text(1000), z.number(), z.boolean(), z.null()]);
const filter = z.strictObject({
  field: text(200).min(1),
  operator: z.enum(OPERATORS),
  value: z.union([scalar, z.array(scalar).max(200)]),
});

/** Intercom's search JSON, by shape; Intercom itself judges fields and types. */
export const intercomQuerySchema: z.ZodType<IntercomQuery> = z.lazy(() =>
  z.union([
    filter,
    z.strictObject({
      operator: z.enum(["AND", "OR"]),
      value: z.array(intercomQuerySchema).min(1).max(MAX_FILTERS_PER_GROUP),
    }),
  ]),
);

/** The `[resource]` of the search route: tickets, conversations or contacts. */
export const searchRouteParams = z.object({
  resource: z.enum(RESOURCES, { error: "There is no such list to search." }),
});

export const searchBody = z.strictObject({
  query: intercomQuerySchema,
  per_page: z.number().int().min(1).max(150).default(20),
  starting_after: z.string().max(500).nullish(),
  /** Only the number of matches. */
  count: z.boolean().optional(),
});
