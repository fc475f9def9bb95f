/** A change bound to its input: what every path (route, page, preview, runner, undo, audit) calls. */
import type { TicketSnapshot } from "@/lib/bulk/types";
import type { TicketDetail } from "@/lib/records/detail-types";
import type { FieldErrors, Names, Plan, PlanContext } from "../types";
import type { SnapshotKey } from "./definition";

export interface BoundTicketChange {
  /** The audit code's tail and the stored discriminator: "set_state", "unsnooze". */
  type: string;
  check(names: Names, now: number): FieldErrors | null;
  plan(t: TicketSnapshot, ctx: PlanContext): Plan;
  touched(t: TicketSnapshot): unknown;
  fields: SnapshotKey[];
  changedSince: string;
  /** Absent when it cannot be undone (deletes, replies). */
  restore?: (before: TicketSnapshot, now: TicketSnapshot, ctx: PlanContext) => Plan;
  describe(names: Names, timezone?: string): string;
  attempt(names: Names, ticket: TicketDetail | null): string;
  optimistic?: (detail: TicketDetail, names: Names) => TicketDetail;
  rolledBack?: (detail: TicketDetail, names: Names) => string;
  keepsAll: boolean;
}
