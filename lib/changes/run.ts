import "server-only";
import { snapshotOf } from "@/lib/bulk/snapshot";
import type { TicketSnapshot } from "@/lib/bulk/types";
import { HttpError, intercomErrorCode } from "@/lib/http/errors";
import type { IntercomClient } from "@/lib/intercom/client";
import { IntercomError } from "@/lib/intercom/errors";
import { conversationSchema, ticketSchema, type Conversation, type Ticket } from "@/lib/intercom/schemas";
import { versionRefusal } from "./checks";
import { checkConversationChange, conversationCalls } from "./conversations";
import { executeConversationCall, executeOnSnapshot } from "./execute";
import type { ConversationChange, TicketChange } from "./schema";
import { ticketChangeOf } from "./tickets";
import type { Names, Plan } from "./types";

const now = () => Math.floor(Date.now() / 1000);

/** Intercom's failure in this product's words: its status, then its own message when it has one. */
export function intercomFailure(e: unknown): unknown {
  if (!(e instanceof IntercomError) || e.status === 401) return e;
  const own = e.message && e.message !== `Intercom answered ${e.status}` ? `: ${e.message}` : "";
  const what = e.status === 0 ? "Intercom could not be reached" : `Intercom answered ${e.status}${own}`;
  return new HttpError(intercomErrorCode(e), what);
}

export interface SingleResult {
  before: TicketSnapshot | null;
  after: TicketSnapshot | null;
  plan: Plan;
  ticket: Ticket | null;
}

/**
 * One change on one ticket, as its page asks for it: checked against the catalogue, then
 * against the ticket as it is now (a state of another type, a value of the wrong type, an
 * unknown teammate or tag are 400s with field errors before anything reaches Intercom), then
 * its calls made as the lead's admin. A change already made makes no call.
 */
export async function runTicketChange(
  client: IntercomClient,
  names: Names,
  adminId: string,
  ticketId: string,
  input: TicketChange,
  options: { known?: Ticket; onRead?: (ticket: Ticket) => void } = {},
): Promise<SingleResult> {
  const refused = versionRefusal(client.version, input);
  if (refused) throw refused;
  const c = ticketChangeOf(input);
  const errors = c.check(names, now());
  if (errors) throw new HttpError("invalid_input", Object.values(errors)[0], errors);
  const ticket =
    options.known ?? (await client.request("GET", `/tickets/${encodeURIComponent(ticketId)}`, ticketSchema));
  options.onRead?.(ticket);
  const before = snapshotOf(ticket);
  const plan = c.plan(before, { types: names.ticketTypes, now: now(), single: true });
  if (plan.kind === "cannot") throw new HttpError("invalid_input", plan.reason, plan.fields);
  if (plan.kind === "satisfied") return { before, after: before, plan, ticket };
  let after: TicketSnapshot | null = before;
  let last: Ticket | null = ticket;
  try {
    for (const call of plan.calls) {
      const out = await executeOnSnapshot(client, adminId, ticketId, call, after ?? before);
      after = out.after;
      last = out.after === null ? null : (out.ticket ?? last);
    }
  } catch (e) {
    throw intercomFailure(e);
  }
  return { before, after, plan, ticket: last };
}

/** One change on a conversation: the same catalogue checks as tickets, then its calls through the one executor. */
export async function runConversationChange(
  client: IntercomClient,
  names: Names,
  adminId: string,
  conversationId: string,
  input: ConversationChange,
  known: Conversation | null,
): Promise<void> {
  const refused = versionRefusal(client.version, input);
  if (refused) throw refused;
  const errors = checkConversationChange(input, names, now());
  if (errors) throw new HttpError("invalid_input", Object.values(errors)[0], errors);
  const source =
    input.type === "redact_source"
      ? (
          known ??
          (await client.request("GET", `/conversations/${encodeURIComponent(conversationId)}`, conversationSchema))
        ).source.id
      : null;
  try {
    for (const call of conversationCalls(input, conversationId, source))
      await executeConversationCall(client, adminId, conversationId, call);
  } catch (e) {
    throw intercomFailure(e);
  }
}
