/** A workspace connection row as route tests hand it to the route wrapper (no token is read from it). */
import type { WorkspaceConnection } from "@/lib/db/schema";

export function connectionOf(overrides: Partial<WorkspaceConnection> = {}): WorkspaceConnection {
  return {
    id: "c",
    userId: "u",
    workspaceId: "w",
    workspaceName: "Northwind",
    region: "US",
    timezone: "UTC",
    target: "sandbox",
    adminId: "1",
    adminName: "Lead",
    adminEmail: "lead@example.com",
    tokenCiphertext: "",
    status: "active",
    createdAt: new Date(),
    updatedAt: new Date(),
    ...overrides,
  };
}
