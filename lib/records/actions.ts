/**
 * A ticket's type change and a conversation's conversion, as the route handlers accept them.
 * zod's small build, because the forms check with the same schemas. Every other change to a
 * record is in lib/changes.
 */
import * as z from "zod/mini";
import { attributes, id } from "@/lib/changes/schema";

/** A ticket's new type, state and attribute overrides; lib/tickets checks it against the types. */
export const changeTypeBody = z.strictObject({
  ticket_type_id: id,
  ticket_state_id: z.optional(z.nullable(id)),
  ticket_attributes: z.optional(attributes),
});
export type ChangeTypeBody = z.infer<typeof changeTypeBody>;

/** A conversation becomes a ticket of a Customer type, with its attributes. */
export const convertBody = z.strictObject({ ticket_type_id: id, attributes: z.optional(attributes) });
export type ConvertBody = z.infer<typeof convertBody>;
