/**
 * The bulk form's values and how they are checked: the same schema the route uses
 * (lib/changes), with words for fields not filled in yet.
 */
import { zodResolver } from "@hookform/resolvers/zod";
import type { FieldErrors, Resolver } from "react-hook-form";
import { bulkAction } from "@/lib/bulk/schemas";
import type { BulkTicketChange } from "@/lib/changes/schema";
import type { AttrValue } from "@/lib/tickets/attributes";

/** What the form holds while the lead fills it in: a change, some of its fields still empty. */
export interface BulkDraft {
  type: BulkTicketChange["type"];
  admin_id?: string;
  team_id?: string;
  states?: Record<string, string>;
  until?: number;
  shared?: boolean;
  tag_id?: string;
  attributes?: Record<string, AttrValue | undefined>;
  ticket_type_id?: string;
  fill?: Record<string, AttrValue | undefined>;
}

/** The kinds a lead picks from, each with the change it starts as. */
export const ACTION_KINDS = [
  ["assign_admin", "Assign to a teammate", { type: "assign_admin" }],
  ["assign_team", "Assign to a team", { type: "assign_team" }],
  ["unassign", "Unassign", { type: "unassign" }],
  ["set_state", "Set state", { type: "set_state", states: {} }],
  ["close", "Close", { type: "close" }],
  ["reopen", "Reopen", { type: "reopen" }],
  ["snooze", "Snooze until…", { type: "snooze" }],
  ["unsnooze", "Unsnooze", { type: "unsnooze" }],
  ["share", "Share with the customer", { type: "set_shared", shared: true }],
  ["unshare", "Stop sharing with the customer", { type: "set_shared", shared: false }],
  ["add_tag", "Add a tag", { type: "add_tag" }],
  ["remove_tag", "Remove a tag", { type: "remove_tag" }],
  ["set_attributes", "Set an attribute", { type: "set_attributes", attributes: {} }],
  ["change_type", "Change type", { type: "change_type" }],
  ["delete", "Delete", { type: "delete" }],
] as const satisfies readonly (readonly [string, string, BulkDraft])[];
export type ActionKind = (typeof ACTION_KINDS)[number][0];

export const draftFor = (kind: ActionKind): BulkDraft => ({ ...ACTION_KINDS.find(([k]) => k === kind)![2] });

/** Words for a field the lead has not filled in yet (the schema's own words are for wrong values). */
const MISSING: Record<string, string> = {
  admin_id: "Choose a teammate",
  team_id: "Choose a team",
  tag_id: "Choose a tag",
  until: "Choose a date and time",
  ticket_type_id: "Choose a ticket type",
  states: "Choose a state",
  attributes: "Choose an attribute",
};

const empty = (v: unknown) =>
  v === undefined ||
  v === "" ||
  (typeof v === "number" && Number.isNaN(v)) ||
  (typeof v === "object" && v !== null && Object.keys(v).length === 0);

/** Drops what is not filled in, so the schema sees only what the lead gave. */
function given(d: BulkDraft): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(d)) {
    if (v === undefined || v === "" || (typeof v === "number" && Number.isNaN(v))) continue;
    out[k] =
      (k === "attributes" || k === "fill") && v && typeof v === "object"
        ? Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined && x !== ""))
        : v;
  }
  return out;
}

const schemaResolver = zodResolver(bulkAction) as unknown as Resolver<
  Record<string, unknown>,
  unknown,
  BulkTicketChange
>;

/** The route's schema as the form's resolver. */
export const bulkResolver: Resolver<BulkDraft, unknown, BulkTicketChange> = async (values, context, options) => {
  const result = await schemaResolver(given(values), context, options as never);

  if (Object.keys(result.errors).length === 0) return { values: result.values as BulkTicketChange, errors: {} };
  const errors: FieldErrors<BulkDraft> = {};
  for (const [key, error] of Object.entries(result.errors)) {
    const missing = empty(values[key as keyof BulkDraft]);
    const message =
      key === "attributes" && values.attributes && Object.keys(values.attributes).length > 0
        ? "Enter a value"
        : missing && MISSING[key]
          ? MISSING[key]
          : String((error as { message?: string })?.message ?? "Not valid");
    (errors as Record<string, { type: string; message: string }>)[key] = { type: "schema", message };
  }
  return { values: {}, errors };
};

/** A server field error's key as the form's field ("states.301" is the states table). */
export const formField = (key: string): keyof BulkDraft | "root" => {
  const head = key.split(".")[0];
  return head in MISSING || head === "fill" || head === "shared" ? (head as keyof BulkDraft) : "root";
};
