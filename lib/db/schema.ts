import { sql } from "drizzle-orm";
import { index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

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

export type User = typeof users.$inferSelect;
export type WorkspaceConnection = typeof workspaceConnections.$inferSelect;
