import "server-only";

/**
 * Exports running on this server, so "Cancel" stops the paging at once: a dropped connection
 * is not always noticed promptly (or at all, behind some proxies). Another instance's export
 * falls back on the connection closing.
 *
 * The id is the browser's choice, so it only names an export within its lead and workspace:
 * nobody else's export or cancel can reach it, whatever id they send.
 */
export interface ExportOwner {
  userId: string;
  workspaceId: string;
}

const running = new Map<string, AbortController>();
const keyOf = (owner: ExportOwner, id: string) => JSON.stringify([owner.userId, owner.workspaceId, id]);

/** Why an export stopped before its last member. */
export class ExportStopped extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ExportStopped";
  }
}

/** Registers an export; one of the lead's own with the same id in the same workspace is replaced. */
export function registerExport(owner: ExportOwner, id: string, controller: AbortController): () => void {
  const key = keyOf(owner, id);
  running.get(key)?.abort(new ExportStopped("The export was replaced by a newer export with the same id."));
  running.set(key, controller);
  return () => {
    if (running.get(key) === controller) running.delete(key);
  };
}

/** Cancels one of the lead's own exports in this workspace; answers whether it was running here. */
export function cancelExport(owner: ExportOwner, id: string): boolean {
  const key = keyOf(owner, id);
  const controller = running.get(key);
  if (!controller) return false;
  running.delete(key);
  controller.abort(new ExportStopped("The export was cancelled."));
  return true;
}
