import "server-only";
import { z } from "zod";
import { config } from "@/lib/config";

const summaries = z.array(z.object({ id_code: z.string(), name: z.string(), region: z.string() }));
export type SandboxWorkspace = z.infer<typeof summaries>[number];

/** The sandbox's workspaces, for the sign-in page. Their tokens are not read. */
export async function sandboxWorkspaces(): Promise<SandboxWorkspace[] | null> {
  const c = config();
  if (!c.sandbox.enabled) return null;
  try {
    const res = await fetch(`${c.sandbox.url}/sandbox/workspaces`, {
      cache: "no-store",
      signal: AbortSignal.timeout(3000),
    });
    if (!res.ok) return null;
    return summaries.parse(await res.json()).map(({ id_code, name, region }) => ({ id_code, name, region }));
  } catch {
    return null;
  }
}
