/**
 * The forms' schemas, each built from the route handler's own (lib/changes/schema, lib/records/actions) so the
 * browser refuses exactly what the server would, with the same words.
 */
import * as z from "zod/mini";
import type { TicketTypeAttribute } from "@/lib/intercom/schemas";
import { attrValue, replyFields, timestamp } from "@/lib/changes/schema";
import { attributeValueError, type AttrValue } from "@/lib/tickets/attributes";

export { replyFields };
export type ReplyFields = z.infer<typeof replyFields>;

/**
 * One attribute's new value: the type's rules first (required, whole number, a list's own
 * items: what the server checks before calling Intercom), then the route's value shape.
 * The value is held as typed (a number being typed may be NaN), so the rules speak first.
 */
export function attributeEditSchema(attribute: TicketTypeAttribute) {
  return z.object({ value: z.custom<AttrValue>() }).check(
    z.superRefine(({ value }, ctx) => {
      const problem =
        attributeValueError(attribute, value, { required: attribute.required_to_create }) ??
        z.safeParse(attrValue, value).error?.issues[0]?.message;
      if (problem) ctx.issues.push({ code: "custom", message: problem, path: ["value"], input: value });
    }),
  );
}
export type AttributeEdit = { value: AttrValue };

/** A chosen snooze time: the route's timestamp, and in the future (null while the field is empty). */
export const snoozeFields = z.object({
  until: z.nullable(timestamp).check(
    z.refine((v) => v !== null, "Choose a date and time"),
    z.refine((v) => v === null || v > Date.now() / 1000, "Choose a time in the future"),
  ),
});
export type SnoozeFields = z.infer<typeof snoozeFields>;
