/**
 * The inputs of every change, as the routes, the bulk dialog and the record pages check them
 * (zod's small build, so the browser uses the same schemas). One discriminator, `type`, for a
 * single record and for a bulk job alike.
 */
import * as z from "zod/mini";
import { PRIORITY_LEVELS } from "@/lib/intercom/versions";
import { MAX_REPLY } from "@/lib/records/text";

export const id = z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/, "Not a valid id"));
/** "0" unassigns. */
export const assignee = z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/, "Choose a teammate or team"));
export const replyBody = z
  .string({ error: "Write a message" })
  .check(
    z.trim(),
    z.minLength(1, "Write a message first"),
    z.maxLength(MAX_REPLY, `Keep the message under ${MAX_REPLY.toLocaleString("en")} characters`),
  );
export const timestamp = z.int({ error: "Choose a date and time" }).check(z.minimum(0, "Choose a date and time"));
export const attrValue = z.union([z.string().check(z.maxLength(10_000)), z.number(), z.boolean(), z.null()]);
export const attributes = z.record(z.string().check(z.minLength(1), z.maxLength(200)), attrValue);
/** A state per ticket type: `{ [ticketTypeId]: stateId }`. */
export const statesByType = z
  .record(id, id)
  .check(z.refine((m) => Object.keys(m).length <= 100, "Too many ticket types"));

const assignAdmin = z.strictObject({ type: z.literal("assign_admin"), admin_id: assignee });
const assignTeam = z.strictObject({ type: z.literal("assign_team"), team_id: assignee });
const unassign = z.strictObject({ type: z.literal("unassign") });
const setState = z.strictObject({
  type: z.literal("set_state"),
  states: statesByType.check(z.refine((m) => Object.keys(m).length > 0, "Choose a state")),
});
const close = z.strictObject({ type: z.literal("close") });
const reopen = z.strictObject({ type: z.literal("reopen") });
const snooze = z.strictObject({ type: z.literal("snooze"), until: timestamp });
const unsnooze = z.strictObject({ type: z.literal("unsnooze") });
const setShared = z.strictObject({ type: z.literal("set_shared"), shared: z.boolean() });
const addTag = z.strictObject({ type: z.literal("add_tag"), tag_id: id });
const removeTag = z.strictObject({ type: z.literal("remove_tag"), tag_id: id });
/** List values by label or by item id: each ticket type has its own item ids, so bulk jobs give labels. */
const setAttributes = z.strictObject({
  type: z.literal("set_attributes"),
  attributes: attributes.check(z.refine((m) => Object.keys(m).length > 0, "Choose an attribute")),
});
const changeType = z.strictObject({
  type: z.literal("change_type"),
  ticket_type_id: id,
  /** The new type's state for the tickets of each type now; by default one in the same state category. */
  states: z.optional(statesByType),
  /** Values that replace what would carry over. */
  attributes: z.optional(attributes),
  /** Values used only where a ticket has none of its own to carry over. */
  fill: z.optional(attributes),
});
const del = z.strictObject({
  type: z.literal("delete"),
  /** On a single ticket: its number, typed by the lead. */
  confirm: z.optional(z.string().check(z.maxLength(40))),
});
/** A reply or note without its `type` tag: the composer's form checks with it. */
export const replyFields = z.object({ kind: z.enum(["comment", "note"]), body: replyBody });
const reply = z.strictObject({ type: z.literal("reply"), ...replyFields.shape });

const bulkTicketChanges = [
  assignAdmin,
  assignTeam,
  unassign,
  setState,
  close,
  reopen,
  snooze,
  unsnooze,
  setShared,
  addTag,
  removeTag,
  setAttributes,
  changeType,
  del,
] as const;

/** Every change a ticket takes. */
export const ticketChange = z.discriminatedUnion("type", [...bulkTicketChanges, reply]);
export type TicketChange = z.infer<typeof ticketChange>;
export type TicketChangeType = TicketChange["type"];
/** The changes a bulk job makes: all but replies. */
export const bulkTicketChange = z.discriminatedUnion("type", [...bulkTicketChanges]);
export type BulkTicketChange = z.infer<typeof bulkTicketChange>;

/**
 * Jobs stored before states were chosen per type: kept for their labels and their undo, never
 * planned again as something new.
 */
export type LegacyTicketChange =
  | { type: "set_state"; state_id: string }
  | { type: "set_state_category"; category: "submitted" | "in_progress" | "waiting_on_customer" | "resolved" }
  | { type: "set_attribute"; name: string; value: string | number | boolean | null };
/** What a stored job's `action` may hold. */
export type StoredTicketChange = BulkTicketChange | LegacyTicketChange;

export const conversationChange = z.discriminatedUnion("type", [
  reply,
  assignAdmin,
  assignTeam,
  snooze,
  unsnooze,
  z.strictObject({ type: z.literal("close") }),
  z.strictObject({ type: z.literal("open") }),
  /** On or off under a version with the priority flag; a level under one with levels (lib/intercom/versions.ts). */
  z.strictObject({
    type: z.literal("set_priority"),
    priority: z.union([z.boolean(), z.enum(PRIORITY_LEVELS, { error: "Choose a priority level" })]),
  }),
  addTag,
  removeTag,
  z.strictObject({ type: z.literal("mark_read") }),
  z.strictObject({ type: z.literal("redact"), part_id: id }),
  z.strictObject({ type: z.literal("redact_source") }),
]);
export type ConversationChange = z.infer<typeof conversationChange>;
