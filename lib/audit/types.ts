/** The audit log as the server writes it and the browser shows it. No secrets here. */
import type { AuditRecordType } from "./schema";

/** Who made a change: the lead, and the Intercom admin it was made as. */
export interface AuditActor {
  userId: string | null;
  email: string;
  name: string | null;
  /** The Intercom admin the change was made as, where there was one. */
  adminId: string | null;
}

/** One row to write. `at` defaults to now. */
export interface AuditEntry {
  workspaceId: string | null;
  actor: AuditActor;
  /** A dotted code: `ticket.set_state`, `bulk.item`, `view.created`… */
  action: string;
  recordType?: AuditRecordType | null;
  recordId?: string | null;
  /** One sentence a lead reads: "Set state of ticket #581 to In progress". */
  summary: string;
  before?: unknown;
  after?: unknown;
  jobId?: string | null;
  outcome?: "succeeded" | "failed";
  at?: Date;
}

/** One row as the Audit page and its API show it. */
export interface AuditView {
  id: string;
  /** Unix milliseconds. */
  at: number;
  actorEmail: string;
  actorName: string | null;
  adminId: string | null;
  action: string;
  recordType: string | null;
  recordId: string | null;
  summary: string;
  before: unknown;
  after: unknown;
  jobId: string | null;
  outcome: "succeeded" | "failed";
}

export interface AuditPage {
  entries: AuditView[];
  /** Pass back as `cursor` for the next (older) page; null on the last page. */
  nextCursor: string | null;
}
