/**
 * The actions a lead takes on a ticket or a conversation, as the route handlers accept
 * them. zod's small build, because the detail pages' forms check with the same schemas.
 */
import * as z from "zod/mini";
import { MAX_REPLY } from "./text";

export { MAX_REPLY, textToHtml } from "./text";

const id = z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/, "Not a valid id"));
/** "0" unassigns. */
const assignee = z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/, "Choose a teammate or team"));
export const replyBody = z
  .string({ error: "Write a message" })
  .check(
    z.trim(),
    z.minLength(1, "Write a message first"),
    z.maxLength(MAX_REPLY, `Keep the message under ${MAX_REPLY.toLocaleString("en")} characters`),
  );
export const timestamp = z.int({ error: "Choose a date and time" }).check(z.minimum(0, "Choose a date and time"));
export const attrValue = z.union([z.string().check(z.maxLength(10_000)), z.number(), z.boolean(), z.null()]);

/** A reply or note as the reply action takes it (without its `action` tag): the composer's form checks with it. */
export const replyFields = z.object({ kind: z.enum(["comment", "note"]), body: replyBody });

export const ticketAction = z.discriminatedUnion("action", [
  z.strictObject({ action: z.literal("set_state"), state_id: id }),
  z.strictObject({ action: z.literal("assign_admin"), admin_id: assignee }),
  z.strictObject({ action: z.literal("assign_team"), team_id: assignee }),
  z.strictObject({ action: z.literal("set_shared"), shared: z.boolean() }),
  z.strictObject({ action: z.literal("set_open"), open: z.boolean() }),
  z.strictObject({ action: z.literal("snooze"), until: timestamp }),
  z.strictObject({
    action: z.literal("set_attributes"),
    attributes: z.record(z.string().check(z.minLength(1), z.maxLength(200)), attrValue),
  }),
  z.strictObject({ action: z.literal("add_tag"), tag_id: id }),
  z.strictObject({ action: z.literal("remove_tag"), tag_id: id }),
  z.strictObject({ action: z.literal("reply"), ...replyFields.shape }),
  z.strictObject({ action: z.literal("delete"), confirm: z.string() }),
]);
export type TicketAction = z.infer<typeof ticketAction>;

export const conversationAction = z.discriminatedUnion("action", [
  z.strictObject({ action: z.literal("reply"), ...replyFields.shape }),
  z.strictObject({ action: z.literal("assign_admin"), admin_id: assignee }),
  z.strictObject({ action: z.literal("assign_team"), team_id: assignee }),
  z.strictObject({ action: z.literal("snooze"), until: timestamp }),
  z.strictObject({ action: z.literal("close") }),
  z.strictObject({ action: z.literal("open") }),
  z.strictObject({ action: z.literal("set_priority"), priority: z.boolean() }),
  z.strictObject({ action: z.literal("add_tag"), tag_id: id }),
  z.strictObject({ action: z.literal("remove_tag"), tag_id: id }),
  z.strictObject({ action: z.literal("mark_read") }),
  z.strictObject({ action: z.literal("redact"), part_id: id }),
  z.strictObject({ action: z.literal("redact_source") }),
]);
export type ConversationAction = z.infer<typeof conversationAction>;

const attributes = z.record(z.string().check(z.minLength(1), z.maxLength(200)), attrValue);

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
