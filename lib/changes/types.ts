/**
 * What a change is, whatever the record: the calls it makes to Intercom (as data, so a job can
 * store them and one executor makes them), and what it would do to one record as it is now.
 * Plain TypeScript: the browser, the routes, the bulk runner and the tests share it.
 */
import type { WorkspaceCatalog } from "@/lib/catalog/types";
import type { TicketType } from "@/lib/intercom/schemas";
import type { TypeChangeRequest } from "@/lib/tickets/type-change";

/** One Intercom call on a ticket, independent of HTTP; the executor adds the acting admin. */
export type Call =
  | { kind: "update"; body: Record<string, unknown> }
  | { kind: "add_tag"; tagId: string }
  | { kind: "remove_tag"; tagId: string }
  | { kind: "change_type"; body: TypeChangeRequest }
  | { kind: "delete" }
  | { kind: "reply"; messageType: "comment" | "note"; html: string };

/** One Intercom call on a conversation. */
export type ConversationCall =
  | { kind: "part"; body: Record<string, unknown> }
  | { kind: "update"; body: Record<string, unknown> }
  | { kind: "reply"; messageType: "comment" | "note"; html: string }
  | { kind: "add_tag"; tagId: string }
  | { kind: "remove_tag"; tagId: string }
  | { kind: "redact"; body: Record<string, unknown> };

/** What a change does to one record: the calls to make, nothing (already so), or nothing (it cannot). */
export type Plan<C = Call> =
  | { kind: "change"; calls: C[]; target?: string }
  | { kind: "satisfied"; reason: string }
  | { kind: "cannot"; reason: string; fields?: FieldErrors };

export type UndoPlan = Plan | { kind: "conflict"; reason: string };

export interface PlanContext {
  types: TicketType[];
  /** Unix seconds, for snoozes. */
  now: number;
  /** One ticket the lead is looking at (not a job): confirmations are asked of the lead. */
  single?: boolean;
}

/** What descriptions and checks need of the workspace. */
export type Names = Pick<WorkspaceCatalog, "admins" | "teams" | "tags" | "ticketTypes">;

export type FieldErrors = Record<string, string>;

export const change = <C = Call>(calls: C[], target?: string): Plan<C> =>
  target ? { kind: "change", calls, target } : { kind: "change", calls };
export const satisfied = (reason: string): Plan<never> => ({ kind: "satisfied", reason });
export const cannot = (reason: string, fields?: FieldErrors): Plan<never> =>
  fields ? { kind: "cannot", reason, fields } : { kind: "cannot", reason };
