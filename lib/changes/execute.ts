import "server-only";
import { snapshotOf } from "@/lib/bulk/snapshot";
import type { TicketSnapshot } from "@/lib/bulk/types";
import type { IntercomClient } from "@/lib/intercom/client";
import {
  conversationSchema,
  tagSchema,
  ticketDeletedSchema,
  ticketReplySchema,
  ticketBriefSchema,
  ticketSchema,
  type Ticket,
  type TicketBrief,
} from "@/lib/intercom/schemas";
import type { Call, ConversationCall } from "./types";

type TicketAnswer = typeof ticketSchema | typeof ticketBriefSchema;
type TicketCallResult<T> = { ticket: T } | { deleted: true } | { ticket: null };

/**
 * The one place a change's calls become Intercom requests, for a single record and for every
 * ticket of a bulk job alike: each write carries the signed-in teammate's `admin_id`. Every
 * call goes with the configured Intercom version; a change the version lacks is refused before.
 */
export async function executeTicketCall(
  client: IntercomClient,
  adminId: string,
  ticketId: string,
  call: Call,
  signal?: AbortSignal,
): Promise<TicketCallResult<Ticket>>;
/** With `ticketBriefSchema`, Intercom's answer is read for the ticket's values alone. */
export async function executeTicketCall(
  client: IntercomClient,
  adminId: string,
  ticketId: string,
  call: Call,
  signal: AbortSignal | undefined,
  answer: typeof ticketBriefSchema,
): Promise<TicketCallResult<TicketBrief>>;
export async function executeTicketCall(
  client: IntercomClient,
  adminId: string,
  ticketId: string,
  call: Call,
  signal?: AbortSignal,
  answer: TicketAnswer = ticketSchema,
): Promise<TicketCallResult<TicketBrief>> {
  const path = `/tickets/${encodeURIComponent(ticketId)}`;
  switch (call.kind) {
    case "update":
      return {
        ticket: await client.request("PUT", path, answer, { body: { admin_id: adminId, ...call.body }, signal }),
      };
    case "change_type":
      return {
        ticket: await client.request("POST", `${path}/change_type`, answer, {
          body: call.body,
          signal,
        }),
      };
    case "add_tag":
      await client.request("POST", `${path}/tags`, tagSchema, { body: { id: call.tagId, admin_id: adminId }, signal });
      return { ticket: null };
    case "remove_tag":
      await client.request("DELETE", `${path}/tags/${encodeURIComponent(call.tagId)}`, tagSchema, {
        body: { admin_id: adminId },
        signal,
      });
      return { ticket: null };
    case "reply":
      await client.request("POST", `${path}/reply`, ticketReplySchema, {
        body: { message_type: call.messageType, type: "admin", admin_id: adminId, body: call.html },
        signal,
      });
      return { ticket: null };
    case "delete":
      await client.request("DELETE", path, ticketDeletedSchema, { signal });
      return { deleted: true };
  }
}

export async function executeConversationCall(
  client: IntercomClient,
  adminId: string,
  conversationId: string,
  call: ConversationCall,
  signal?: AbortSignal,
): Promise<void> {
  const path = `/conversations/${encodeURIComponent(conversationId)}`;
  switch (call.kind) {
    case "part":
      await client.request("POST", `${path}/parts`, conversationSchema, {
        body: { admin_id: adminId, ...call.body },
        signal,
      });
      return;
    case "update":
      await client.request("PUT", path, conversationSchema, { body: call.body, signal });
      return;
    case "reply":
      await client.request("POST", `${path}/reply`, conversationSchema, {
        body: { message_type: call.messageType, type: "admin", admin_id: adminId, body: call.html },
        signal,
      });
      return;
    case "add_tag":
      await client.request("POST", `${path}/tags`, tagSchema, { body: { id: call.tagId, admin_id: adminId }, signal });
      return;
    case "remove_tag":
      await client.request("DELETE", `${path}/tags/${encodeURIComponent(call.tagId)}`, tagSchema, {
        body: { admin_id: adminId },
        signal,
      });
      return;
    case "redact":
      await client.request("POST", "/conversations/redact", conversationSchema, { body: call.body, signal });
      return;
  }
}

/** Makes one call and answers the ticket's values after it (null once deleted), and Intercom's ticket when it sent one. */
export async function executeOnSnapshot(
  client: IntercomClient,
  adminId: string,
  ticketId: string,
  call: Call,
  was: TicketSnapshot,
  signal?: AbortSignal,
): Promise<{ after: TicketSnapshot | null; ticket: Ticket | null }> {
  return onSnapshot(await executeTicketCall(client, adminId, ticketId, call, signal), call, was);
}

/**
 * The same for a bulk job, which keeps only the ticket's values: Intercom's answer is read for
 * them alone (a 10,000-ticket job parses no parts, contacts or links).
 */
export async function executeForValues(
  client: IntercomClient,
  adminId: string,
  ticketId: string,
  call: Call,
  was: TicketSnapshot,
  signal?: AbortSignal,
): Promise<TicketSnapshot | null> {
  return onSnapshot(await executeTicketCall(client, adminId, ticketId, call, signal, ticketBriefSchema), call, was)
    .after;
}

function onSnapshot<T extends TicketBrief>(
  out: { ticket: T } | { deleted: true } | { ticket: null },
  call: Call,
  was: TicketSnapshot,
): { after: TicketSnapshot | null; ticket: T | null } {
  if ("deleted" in out) return { after: null, ticket: null };
  if (out.ticket) {
    const s = snapshotOf(out.ticket);
    // Intercom's ticket answers do not always carry tags: keep what is known.
    return { after: out.ticket.tags === undefined ? { ...s, tagIds: was.tagIds } : s, ticket: out.ticket };
  }
  if (call.kind === "add_tag")
    return {
      after: { ...was, tagIds: was.tagIds.includes(call.tagId) ? was.tagIds : [...was.tagIds, call.tagId] },
      ticket: null,
    };
  if (call.kind === "remove_tag")
    return { after: { ...was, tagIds: was.tagIds.filter((x) => x !== call.tagId) }, ticket: null };
  return { after: was, ticket: null };
}
