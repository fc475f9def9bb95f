import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import { toast } from "@/lib/notify";
import type { WorkspaceCatalog } from "@/lib/catalog/types";
import type { ConversationChange, TicketChange } from "@/lib/changes/schema";
import { ticketChangeOf } from "@/lib/changes/tickets";
import type { ChangeTypeBody, ConvertBody } from "@/lib/records/actions";
import type { ConversationDetail, TicketDetail } from "@/lib/records/detail-types";
import { fetchJson } from "./fetcher";
import { invalidateAfterChange } from "./invalidate";
import { keys } from "./keys";

const base = (ws: string, kind: "tickets" | "conversations", id: string) =>
  `/api/w/${encodeURIComponent(ws)}/${kind}/${encodeURIComponent(id)}`;

export function ticketDetailQuery(ws: string, id: string) {
  return queryOptions({
    queryKey: keys.record(ws, "tickets", id),
    queryFn: ({ signal }) => fetchJson<TicketDetail>(base(ws, "tickets", id), { signal }),
  });
}

export function conversationDetailQuery(ws: string, id: string) {
  return queryOptions({
    queryKey: keys.record(ws, "conversations", id),
    queryFn: ({ signal }) => fetchJson<ConversationDetail>(base(ws, "conversations", id), { signal }),
  });
}

interface ActionOptions<D, A> {
  /** What the page should show at once, before Intercom answers; rolled back if it refuses. */
  optimistic?: (detail: D, action: A) => D;
  success?: string;
  /** The caller shows the error itself (beside a field), so no toast. */
  silent?: boolean;
}

interface RecordActionSpec<D, A> {
  /** The change's own optimistic update, when it has one. */
  optimistic?: (detail: D, action: A, catalog: WorkspaceCatalog | undefined) => D;
  /** The failure in words: what was tried, Intercom's answer, and what the page shows again. */
  failure?: (error: Error, action: A, before: D | undefined, catalog: WorkspaceCatalog | undefined) => string;
}

/**
 * Changes to a record: the page changes at once (optimistic), rolls back with a message
 * saying what failed and what is shown again, and refetches afterwards so the timeline shows
 * the new part.
 */
function useRecordAction<D, A extends { type: string }>(
  ws: string,
  kind: "tickets" | "conversations",
  id: string,
  spec: RecordActionSpec<D, A> = {},
) {
  const client = useQueryClient();
  const key = keys.record(ws, kind, id);
  const catalog = () => client.getQueryData<WorkspaceCatalog>(keys.catalog(ws, "all")) ?? undefined;
  return useMutation({
    mutationFn: ({ action }: { action: A } & ActionOptions<D, A>) =>
      fetchJson<{ ok: true }>(`${base(ws, kind, id)}/actions`, { method: "POST", body: action }),
    onMutate: async ({ action, optimistic }) => {
      await client.cancelQueries({ queryKey: key });
      const before = client.getQueryData<D>(key);
      const own = optimistic ?? ((d: D, a: A) => (spec.optimistic ? spec.optimistic(d, a, catalog()) : d));
      if (before) client.setQueryData<D>(key, own(before, action));
      return { before };
    },
    onError: (error, { silent, action }, context) => {
      if (context?.before) client.setQueryData(key, context.before);
      if (!silent) toast.error(spec.failure ? spec.failure(error, action, context?.before, catalog()) : error.message);
    },
    onSuccess: (_data, { success }) => {
      if (success) toast.success(success);
    },
    onSettled: () => invalidateAfterChange(client, ws, kind, id),
  });
}

const NO_NAMES = { admins: [], teams: [], tags: [], ticketTypes: [] };
const sentence = (s: string) => (/[.!?]$/.test(s) ? s : `${s}.`);

/** A ticket's changes: optimistic updates and failure messages come from the change's definition (lib/changes). */
export const useTicketAction = (ws: string, id: string) =>
  useRecordAction<TicketDetail, TicketChange>(ws, "tickets", id, {
    optimistic: (d, a, catalog) => ticketChangeOf(a).optimistic?.(d, catalog ?? NO_NAMES) ?? d,
    failure: (error, a, before, catalog) => {
      const change = ticketChangeOf(a);
      const names = catalog ?? NO_NAMES;
      const back = before && change.rolledBack ? ` ${change.rolledBack(before, names)}` : "";
      return `Couldn't ${change.attempt(names, before ?? null)}: ${sentence(error.message)}${back}`;
    },
  });
export const useConversationAction = (ws: string, id: string) =>
  useRecordAction<ConversationDetail, ConversationChange>(ws, "conversations", id);

/** Changes a ticket's type; the answer is the ticket as its page shows it, put straight into the cache. */
export function useChangeType(ws: string, id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ChangeTypeBody) =>
      fetchJson<TicketDetail>(`${base(ws, "tickets", id)}/change-type`, { method: "POST", body }),
    onSuccess: (detail) => {
      client.setQueryData(keys.record(ws, "tickets", id), detail);
      void client.invalidateQueries({ queryKey: keys.search(ws, "tickets"), refetchType: "none" });
    },
    // A refusal may come from types that changed meanwhile: read them again.
    onError: () => client.invalidateQueries({ queryKey: keys.catalog(ws, "all") }),
  });
}

/** Converts a conversation to a ticket; the conversation then links to it. */
export function useConvert(ws: string, id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ConvertBody) =>
      fetchJson<{ ticketId: string; ticketNumber: string }>(`${base(ws, "conversations", id)}/convert`, {
        method: "POST",
        body,
      }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: keys.record(ws, "conversations", id) });
      void client.invalidateQueries({ queryKey: keys.search(ws, "tickets"), refetchType: "none" });
    },
    onError: () => client.invalidateQueries({ queryKey: keys.catalog(ws, "all") }),
  });
}
