"use client";

import { createContext, useContext, type ReactNode } from "react";
import type { IntercomVersion } from "@/lib/intercom/versions";

/** What client components know about the workspace in the URL. Never a token. */
export interface WorkspaceInfo {
  id: string;
  name: string;
  region: string;
  timezone: string;
  target: "intercom" | "sandbox";
  adminId: string;
  adminName: string;
  adminEmail: string;
  status: "active" | "needs_reconnect";
  /** Where this workspace's API lives, for "copy as curl" (no token). */
  apiBase: string;
  /** The Intercom-Version the dashboard speaks: what lib/intercom/versions.ts says it offers. */
  intercomVersion: IntercomVersion;
}

const Ctx = createContext<WorkspaceInfo | null>(null);

export function WorkspaceProvider({ value, children }: { value: WorkspaceInfo; children: ReactNode }) {
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useWorkspace(): WorkspaceInfo {
  const value = useContext(Ctx);
  if (!value) throw new Error("useWorkspace needs a WorkspaceProvider");
  return value;
}
