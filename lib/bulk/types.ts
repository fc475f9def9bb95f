/**
 * Bulk triage as the browser and the server both see it: what a job does, where it stands,
 * and what happened to each ticket. No secrets and nothing server-only here.
 */
import type { StateCategory } from "@/lib/intercom/schemas";
import type { AttrValue } from "@/lib/tickets/attributes";

/** The ticket's values a job may change, read when the job was created (and again when it ran). */
export interface TicketSnapshot {
  id: string;
  number: string;
  title: string;
  typeId: string;
  stateId: string;
  stateCategory: StateCategory;
  open: boolean;
  snoozedUntil: number | null;
  isShared: boolean;
  adminAssigneeId: string | null;
  teamAssigneeId: string | null;
  tagIds: string[];
  attributes: Record<string, AttrValue>;
  updatedAt: number;
}

/** `not_run`: the job was cancelled before the ticket's turn; resuming the job runs it. */
export const ITEM_STATES = ["pending", "running", "succeeded", "skipped", "failed", "conflict", "not_run"] as const;
export type ItemState = (typeof ITEM_STATES)[number];

export const JOB_STATES = ["creating", "queued", "running", "cancelling", "cancelled", "completed", "paused"] as const;
export type JobState = (typeof JOB_STATES)[number];

export type ItemCounts = Record<ItemState, number>;

export interface RateLimitView {
  limit: number | null;
  remaining: number | null;
  /** Unix seconds. */
  resetAt: number | null;
}

export interface JobSummary {
  id: string;
  workspaceId: string;
  kind: "apply" | "undo";
  /** The job this one undoes. */
  undoOf: string | null;
  /** The job that undid this one, if any. */
  undoneBy: string | null;
  /** What it does, in words ("Set state to Resolved"). */
  label: string;
  /** Where the tickets came from ("142 selected tickets", "All matching a search"). */
  source: string;
  createdBy: { name: string | null; email: string };
  state: JobState;
  pausedReason: string | null;
  total: number;
  counts: ItemCounts;
  /** Unix seconds. */
  createdAt: number;
  startedAt: number | null;
  finishedAt: number | null;
  /** Tickets finished per second over the last few seconds, while running. */
  rate: number | null;
  etaSeconds: number | null;
  rateLimit: RateLimitView | null;
  /**
   * Tickets whose claims another server holds while nothing else is left to run here: the job
   * waits until that server finishes them or its claims lapse (at most a lease).
   */
  waiting: { tickets: number; seconds: number } | null;
  /** Whether a cancelled job can be resumed (it has tickets that never ran, and was not undone). */
  resumable: boolean;
  /** Whether an undo can be started (apply jobs that finished with successes, not undone yet, not deletes). */
  undoable: boolean;
}

export interface JobItemView {
  seq: number;
  ticketId: string;
  ticketNumber: string;
  title: string;
  state: ItemState;
  /** Why it was skipped, or what the conflict is. */
  reason: string | null;
  /** Intercom's words when it failed. */
  error: string | null;
  attempts: number;
  updatedAt: number;
}

/** A ticket as a preview lists it. */
export interface PreviewTicket {
  id: string;
  number: string;
  title: string;
}

export interface PreviewGroup {
  /** Why (skipped), or what it becomes ("Bug report → In progress"). */
  reason: string;
  count: number;
  /** Every ticket of the group, to check by hand. */
  tickets: PreviewTicket[];
}

export interface PreviewResult {
  total: number;
  /** Selected ids that are not tickets of this workspace (deleted, or never were). */
  notFound: number;
  /** Tickets the action will change, one call each, by what each becomes. */
  willChange: number;
  change: PreviewGroup[];
  /** Already as the action wants: skipped without a call. */
  satisfied: PreviewGroup[];
  /** Cannot take the action, by reason: skipped. */
  cannot: PreviewGroup[];
  /** The ticket types in the selection, with how many tickets each. */
  types: { id: string; name: string; count: number }[];
  label: string;
}

/** Selections are limited so a job stays reviewable and finishes within the hour at Intercom's limits. */
export const MAX_SELECTION = 10_000;
