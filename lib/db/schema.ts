import { sql } from "drizzle-orm";
import { boolean, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
// Relative paths: drizzle-kit loads this file without the "@/" alias.
import { RESOURCES } from "../search/fields";
import type { SearchQuery } from "../search/model";

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
  (t) => [uniqueIndex("workspace_connections_user_workspace").on(t.userId, t.workspaceId), index("workspace_connections_workspace").on(t.workspaceId)],
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

export type User = typeof users.$inferSelect;
export type WorkspaceConnection = typeof workspaceConnections.$inferSelect;
export type SavedViewRow = typeof savedViews.$inferSelect;
