/** The single-record changes as the routes run them, without the HTTP around them. */
import { runConversationChange, runTicketChange } from "@/lib/changes/run";
import type { ConversationChange, TicketChange } from "@/lib/changes/schema";
import type { WorkspaceCatalog } from "@/lib/catalog/types";
import type { IntercomClient } from "@/lib/intercom/client";

export async function runTicketAction(
  client: IntercomClient,
  catalog: WorkspaceCatalog,
  adminId: string,
  id: string,
  change: TicketChange,
): Promise<void> {
  await runTicketChange(client, catalog, adminId, id, change);
}

export function runConversationAction(
  client: IntercomClient,
  catalog: WorkspaceCatalog,
  adminId: string,
  id: string,
  change: ConversationChange,
): Promise<void> {
  return runConversationChange(client, catalog, adminId, id, change, null);
}
