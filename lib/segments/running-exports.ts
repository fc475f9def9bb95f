import "server-only";

/**
 * Exports running on this server, by the id the browser gave them, so "Cancel" stops the
 * paging at once: a dropped connection is not always noticed promptly (or at all, behind
 * some proxies). Another instance's export falls back on the connection closing.
 */
const running = new Map<string, { userId: string; controller: AbortController }>();

export function registerExport(id: string, userId: string, controller: AbortController): () => void {
  running.get(id)?.controller.abort(new Error("replaced"));
  running.set(id, { userId, controller });
  return () => {
    if (running.get(id)?.controller === controller) running.delete(id);
  };
}

/** Cancels a lead's own export; another lead's id is treated as unknown. */
export function cancelExport(id: string, userId: string): boolean {
  const entry = running.get(id);
  if (!entry || entry.userId !== userId) return false;
  entry.controller.abort(new Error("cancelled"));
  running.delete(id);
  return true;
}
