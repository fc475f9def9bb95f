import type { QueryClient } from "@tanstack/react-query";
import type { Resource } from "@/lib/search/fields";
import { keys } from "./keys";

/** What a change can touch: a record kind, or the saved views. */
export type Changed = Resource | "views";

/**
 * The one place that knows which cached reads a change makes stale. A record's change: that
 * record, every list and count of its kind, and the overview's counts. With no id (a bulk job
 * over many records): every cached read of that kind. Views: the views list. Queries on screen
 * refetch now; the others when next shown.
 */
export function invalidateAfterChange(client: QueryClient, ws: string, changed: Changed, id?: string): Promise<void> {
  if (changed === "views") return client.invalidateQueries({ queryKey: keys.views(ws) });
  const stale = id
    ? [keys.record(ws, changed, id), keys.search(ws, changed), keys.count(ws, changed)]
    : [keys.resource(ws, changed)];
  return Promise.all([...stale, keys.overview(ws)].map((queryKey) => client.invalidateQueries({ queryKey }))).then(
    () => undefined,
  );
}
