import { sql } from "drizzle-orm";
import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from "drizzle-orm/pg-core";
// Relative paths: drizzle-kit loads this file without the "@/" alias.
import { RESOURCES } from "../search/fields";
import type { SearchQuery } from "../search/model";
import type { Call } from "../bulk/plan";
import type { BulkAction, JobSource } from "../bulk/schemas";
import type { ItemState, JobState, RateLimitView, TicketSnapshot } from "../bulk/types";
import type { InsightRow } from "../insights/sources";

/** A support lead, known by their verified email across all the workspaces they connect. */
export const users = pgTable("users", {
  id: uuid("id")
    .primaryKey()
    .default(sql`gen_random_uuid()`),
  email: text("email").notNull().unique(),
  name: text("name"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * One workspace a lead has connected, with its token encrypted at rest. `target` says
 * whether it lives on Intercom (by region) or on the embedded sandbox.
 */
export const workspaceConnections = pgTable(
  "workspace_connections",
  {
    id: uuid("id")
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    workspaceId: text("workspace_id").notNull(),
    workspaceName: text("workspace_name").notNull(),
    region: text("region").notNull(),
    timezone: text("timezone").notNull(),
    target: text("target", { enum: ["intercom", "sandbox"] }).notNull(),
    adminId: text("admin_id").notNull(),
    adminName: text("admin_name").notNull(),
    adminEmail: text("admin_email").notNull(),
    tokenCiphertext: text("token_ciphertext").notNull(),
    status: text("status", { enum: ["active", "needs_reconnect"] })
      .notNull()
      .default("active"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("workspace_connections_user_workspace").on(t.userId, t.workspaceId),
    index("workspace_connections_workspace").on(t.workspaceId),
  ],
);

/**
 * A saved search with its columns. `ownerUserId` null marks a workspace default (seeded once,
 * then renamed or deleted by any lead); otherwise the view is its owner's, personal or
 * `shared` with everyone who has the workspace connected.
 */
export const savedViews = pgTable(
  "saved_views",
  {
    id: uuid("id")
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    workspaceId: text("workspace_id").notNull(),
    ownerUserId: uuid("owner_user_id").references(() => users.id, { onDelete: "cascade" }),
    resource: text("resource", { enum: RESOURCES }).notNull(),
    name: text("name").notNull(),
    query: jsonb("query").$type<SearchQuery>().notNull(),
    columns: jsonb("columns").$type<string[]>().notNull(),
    shared: boolean("shared").notNull(),
    /** Which default this row was seeded as; null for views leads create. */
    systemKey: text("system_key"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("saved_views_workspace_system_key").on(t.workspaceId, t.systemKey),
    index("saved_views_workspace_resource").on(t.workspaceId, t.resource),
  ],
);

/**
 * One-time set-up done per workspace. Defaults are seeded when `views_seeded_at` is first
 * set, never again, so a default a lead deletes stays deleted.
 */
export const workspaceSetup = pgTable("workspace_setup", {
  workspaceId: text("workspace_id").primaryKey(),
  viewsSeededAt: timestamp("views_seeded_at", { withTimezone: true }),
});

/**
 * A bulk job: one action over a snapshot of tickets, run on the server. `action` is what the
 * lead asked for; an undo job's action is the job it undoes' action, with `undoOf` set.
 */
export const bulkJobs = pgTable(
  "bulk_jobs",
  {
    id: uuid("id")
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    workspaceId: text("workspace_id").notNull(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: ["apply", "undo"] }).notNull(),
    undoOf: uuid("undo_of").references((): AnyPgColumn => bulkJobs.id, { onDelete: "set null" }),
    action: jsonb("action").$type<BulkAction>().notNull(),
    /** What the lead selected, in brief, to describe the job (its items are the selection itself). */
    selection: jsonb("selection").$type<JobSource>().notNull(),
    label: text("label").notNull(),
    state: text("state").$type<JobState>().notNull().default("queued"),
    pausedReason: text("paused_reason"),
    total: integer("total").notNull(),
    rateLimit: jsonb("rate_limit").$type<RateLimitView>(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp("started_at", { withTimezone: true }),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("bulk_jobs_workspace_created").on(t.workspaceId, t.createdAt), index("bulk_jobs_state").on(t.state)],
);

/**
 * One ticket of a job. `before` holds its values when the job was created (what undo puts
 * back), `after` its values once the job changed it (what undo expects to find), `calls` the
 * planned calls. Items are claimed with FOR UPDATE SKIP LOCKED and a lease, so any instance
 * can run them and an abandoned claim is taken over once its lease ends.
 */
export const bulkJobItems = pgTable(
  "bulk_job_items",
  {
    jobId: uuid("job_id")
      .notNull()
      .references(() => bulkJobs.id, { onDelete: "cascade" }),
    seq: integer("seq").notNull(),
    ticketId: text("ticket_id").notNull(),
    ticketNumber: text("ticket_number").notNull(),
    title: text("title").notNull(),
    state: text("state").$type<ItemState>().notNull(),
    attempts: integer("attempts").notNull().default(0),
    before: jsonb("before").$type<TicketSnapshot>().notNull(),
    after: jsonb("after").$type<TicketSnapshot | null>(),
    calls: jsonb("calls").$type<Call[] | null>(),
    reason: text("reason"),
    error: text("error"),
    claimedBy: text("claimed_by"),
    claimedUntil: timestamp("claimed_until", { withTimezone: true }),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.jobId, t.seq] }), index("bulk_job_items_job_state").on(t.jobId, t.state)],
);

/**
 * A signed-in browser. The session cookie carries only this row's id; the row is what makes
 * the session live, so deleting it (sign-out, "End session") ends the session everywhere at
 * once. `lastSeenAt` drives the idle timeout, `expiresAt` the absolute one.
 */
export const sessions = pgTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    userAgent: text("user_agent"),
    ip: text("ip"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("sessions_user").on(t.userId)],
);

/**
 * What changed through the dashboard, who did it and when: append-only. Nothing in the
 * product updates or deletes a row, except the retention sweep removing rows past their
 * time. `workspaceId` is null for events of the account itself (sign-in, sign-out).
 */
export const auditLog = pgTable(
  "audit_log",
  {
    id: uuid("id")
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    workspaceId: text("workspace_id"),
    userId: uuid("user_id"),
    actorEmail: text("actor_email").notNull(),
    actorName: text("actor_name"),
    /** The Intercom admin the change was made as, where one was. */
    adminId: text("admin_id"),
    action: text("action").notNull(),
    recordType: text("record_type"),
    recordId: text("record_id"),
    summary: text("summary").notNull(),
    before: jsonb("before").$type<unknown>(),
    after: jsonb("after").$type<unknown>(),
    /** The bulk job the change belongs to. */
    jobId: uuid("job_id"),
    outcome: text("outcome", { enum: ["succeeded", "failed"] })
      .notNull()
      .default("succeeded"),
  },
  (t) => [
    index("audit_log_workspace_at").on(t.workspaceId, t.at),
    index("audit_log_record").on(t.workspaceId, t.recordType, t.recordId),
    index("audit_log_at").on(t.at),
  ],
);

/**
 * Insights' cache: the records of one source (conversations by created_at, …) on one day of
 * the workspace's timezone, kept as the few values the charts use, with when they were read.
 * Days that can no longer change are read from here; recent days are read again.
 */
export const insightDays = pgTable(
  "insight_days",
  {
    workspaceId: text("workspace_id").notNull(),
    source: text("source").notNull(),
    timezone: text("timezone").notNull(),
    /** YYYY-MM-DD in `timezone`. */
    day: text("day").notNull(),
    rows: jsonb("rows").$type<InsightRow[]>().notNull(),
    computedAt: timestamp("computed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.source, t.timezone, t.day] })],
);

/** What was open at the end of a day, by team, teammate and ticket type: the backlog's history. */
export interface OpenCounts {
  all: number;
  team: Record<string, number>;
  teammate: Record<string, number>;
  type: Record<string, number>;
}

/** One snapshot per workspace, resource and day, taken from the day the workspace is connected. */
export const insightSnapshots = pgTable(
  "insight_snapshots",
  {
    workspaceId: text("workspace_id").notNull(),
    resource: text("resource", { enum: ["tickets", "conversations"] }).notNull(),
    /** YYYY-MM-DD in the workspace's timezone when taken. */
    day: text("day").notNull(),
    counts: jsonb("counts").$type<OpenCounts>().notNull(),
    takenAt: timestamp("taken_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.resource, t.day] })],
);

export type User = typeof users.$inferSelect;
export type WorkspaceConnection = typeof workspaceConnections.$inferSelect;
export type SavedViewRow = typeof savedViews.$inferSelect;
export type BulkJobRow = typeof bulkJobs.$inferSelect;
export type BulkJobItemRow = typeof bulkJobItems.$inferSelect;
export type SessionRow = typeof sessions.$inferSelect;
export type AuditRow = typeof auditLog.$inferSelect;
