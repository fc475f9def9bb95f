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
/**
 * Exports cancelled before this server registered them (the cancel overtook the start, or came
 * while the start was still on its way): an export registered under one of these stops at once.
 */
const cancelledEarly = new Map<string, number>();
const EARLY_CANCEL_MS = 60_000;
const MAX_EARLY = 1_000;
const keyOf = (owner: ExportOwner, id: string) => JSON.stringify([owner.userId, owner.workspaceId, id]);

function forgetOldCancels(now: number): void {
  for (const [key, until] of cancelledEarly)
    if (until <= now || cancelledEarly.size > MAX_EARLY) cancelledEarly.delete(key);
}

/** Why an export stopped before its last member. */
export class ExportStopped extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ExportStopped";
  }
}

/**
 * Registers an export; one of the lead's own with the same id in the same workspace is replaced.
 * One already cancelled under this id is stopped before it asks Intercom for anything.
 */
export function registerExport(owner: ExportOwner, id: string, controller: AbortController): () => void {
  const key = keyOf(owner, id);
  forgetOldCancels(Date.now());
  if (cancelledEarly.delete(key)) {
    controller.abort(new ExportStopped("The export was cancelled."));
    return () => {};
  }
  running.get(key)?.abort(new ExportStopped("The export was replaced by a newer export with the same id."));
  running.set(key, controller);
  return () => {
    if (running.get(key) === controller) running.delete(key);
  };
}

/**
 * Cancels one of the lead's own exports in this workspace; answers whether it was running here.
 * An id not running yet is remembered for a minute, so its start, arriving later, stops at once.
 */
export function cancelExport(owner: ExportOwner, id: string): boolean {
  const key = keyOf(owner, id);
  const controller = running.get(key);
  if (!controller) {
    forgetOldCancels(Date.now());
    cancelledEarly.set(key, Date.now() + EARLY_CANCEL_MS);
    return false;
  }
  running.delete(key);
  controller.abort(new ExportStopped("The export was cancelled."));
  return true;
}
