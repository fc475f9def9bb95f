import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import { toast } from "@/lib/notify";
import type { WorkspaceCatalog } from "@/lib/catalog/types";
import type { ConversationChange, TicketChange } from "@/lib/changes/schema";
import { conversationChangeOf } from "@/lib/changes/conversation-page";
import { ticketChangeOf } from "@/lib/changes/tickets";
import type { Names } from "@/lib/changes/types";
import type { ChangeTypeBody, ConvertBody } from "@/lib/records/actions";
import type { ConversationDetail, TicketDetail } from "@/lib/records/detail-types";
import { ApiError, fetchJson } from "./fetcher";
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

interface ActionOptions {
  success?: string;
  /** The caller shows the error itself (beside a field), so no toast; it is rejected with the same words. */
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
    mutationFn: async ({ action, silent }: { action: A } & ActionOptions) => {
      try {
        return await fetchJson<{ ok: true }>(`${base(ws, kind, id)}/actions`, { method: "POST", body: action });
      } catch (e) {
        if (!silent || !spec.failure || !(e instanceof ApiError) || e.sessionEnded || e.needsReconnect) throw e;
        // Field errors stay beside their fields; the rest reads as a toast would.
        throw new ApiError(e.status, e.code, spec.failure(e, action, undefined, catalog()), e.fields, e.retryAfter);
      }
    },
    onMutate: async ({ action }) => {
      await client.cancelQueries({ queryKey: key });
      const before = client.getQueryData<D>(key);
      if (before && spec.optimistic) client.setQueryData<D>(key, spec.optimistic(before, action, catalog()));
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

const NO_NAMES: Names = { admins: [], teams: [], tags: [], ticketTypes: [] };
const sentence = (s: string) => (/[.!?]$/.test(s) ? s : `${s}.`);

/** "Couldn't close the conversation: Intercom answered 500: Server Error. The conversation is open again." */
const failed = (attempt: string, error: Error, back: string | null | undefined) =>
  `Couldn't ${attempt}: ${sentence(error.message)}${back ? ` ${back}` : ""}`;

/** A ticket's changes: optimistic updates and failure messages come from the change's definition (lib/changes). */
export const useTicketAction = (ws: string, id: string) =>
  useRecordAction<TicketDetail, TicketChange>(ws, "tickets", id, {
    optimistic: (d, a, catalog) => ticketChangeOf(a).optimistic?.(d, catalog ?? NO_NAMES) ?? d,
    failure: (error, a, before, catalog) => {
      const change = ticketChangeOf(a);
      const names = catalog ?? NO_NAMES;
      return failed(change.attempt(names, before ?? null), error, before && change.rolledBack?.(before, names));
    },
  });

/** A conversation's changes, the same way: each one's words and optimistic update are in lib/changes. */
export const useConversationAction = (ws: string, id: string) =>
  useRecordAction<ConversationDetail, ConversationChange>(ws, "conversations", id, {
    optimistic: (d, a, catalog) => conversationChangeOf(a).optimistic(d, catalog ?? NO_NAMES),
    failure: (error, a, before, catalog) => {
      const change = conversationChangeOf(a);
      const names = catalog ?? NO_NAMES;
      return failed(change.attempt(names), error, before && change.rolledBack(before, names));
    },
  });

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
