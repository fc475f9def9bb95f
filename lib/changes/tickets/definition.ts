/** The shape of one ticket change's definition: everything about it, in one place. */
import type { TicketSnapshot } from "@/lib/bulk/types";
import type { TicketDetail } from "@/lib/records/detail-types";
import type { TicketChange } from "../schema";
import type { FieldErrors, Names, Plan, PlanContext } from "../types";

/** A ticket's values a change may touch, by their snapshot names. */
export type SnapshotKey =
  | "typeId"
  | "stateId"
  | "open"
  | "snoozedUntil"
  | "isShared"
  | "adminAssigneeId"
  | "teamAssigneeId"
  | "tagIds"
  | "attributes";

export interface TicketChangeDefinition<T extends TicketChange> {
  /** Against the workspace's catalogue, before any ticket is read: unknown ids are field errors. */
  check(input: T, names: Names, now: number): FieldErrors | null;
  /** What it does to one ticket as it is now. */
  plan(input: T, t: TicketSnapshot, ctx: PlanContext): Plan;
  /** The values it touches, to tell "as the change left it" from "changed since". */
  touched(input: T, t: TicketSnapshot): unknown;
  /** The values an audit entry or a job item shows, before and after. */
  fields: SnapshotKey[];
  /** Words for a conflict on undo. */
  changedSince(input: T): string;
  /** The calls that put back what it changed, from `before` onto `now`; absent when it cannot be undone. */
  restore?(input: T, before: TicketSnapshot, now: TicketSnapshot, ctx: PlanContext): Plan;
  /** In words, for a job or an audit entry: "Assign to Alex Kim". */
  describe(input: T, names: Names, timezone: string): string;
  /** What was tried, for a failure: "set the state to Investigating". */
  attempt(input: T, names: Names, ticket: TicketDetail | null): string;
  /** The record page at once, before Intercom answers. */
  optimistic?(detail: TicketDetail, input: T, names: Names): TicketDetail;
  /** What the page shows again after a rollback: "The ticket is back in Submitted." */
  rolledBack?(detail: TicketDetail, input: T, names: Names): string;
  /** Keeps the ticket's full values in a job (its undo needs them). */
  keepsAll?: boolean;
}

export type Definitions = { [K in TicketChange["type"]]: TicketChangeDefinition<Extract<TicketChange, { type: K }>> };
