import "server-only";
import { forgetCatalog, loadCatalog } from "@/lib/catalog/server";
import { HttpError } from "@/lib/http/errors";
import type { IntercomClient } from "@/lib/intercom/client";
import { IntercomError } from "@/lib/intercom/errors";
import { runTicketChange } from "@/lib/changes/run";
import type { TicketChange } from "@/lib/changes/schema";
import { conversationSchema, ticketSchema, type Ticket } from "@/lib/intercom/schemas";
import { planConvert } from "@/lib/tickets";
import type { ChangeTypeBody, ConvertBody } from "./actions";
import { loadTicketDetail } from "./detail";
import type { TicketDetail } from "./detail-types";

/**
 * Intercom refused what the types said it would take: the cached types may be stale (a type
 * archived meanwhile), so they are read again next time. The refusal goes to the lead as is.
 */
async function refreshOnRefusal<T>(workspaceId: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (e) {
    if (
      (e instanceof IntercomError && e.status >= 400 && e.status < 500) ||
      (e instanceof HttpError && e.code === "intercom_refused")
    )
      forgetCatalog(workspaceId);
    throw e;
  }
}

/**
 * Changes a ticket's type through the same definition a bulk job uses, after checking the
 * request against the ticket type definitions (same category, a state of the new type, known
 * attributes with values of their types): anything else is a 400 with field errors and
 * Intercom is not called.
 */
export async function changeTicketType(
  client: IntercomClient,
  workspaceId: string,
  adminId: string,
  ticket: Ticket,
  body: ChangeTypeBody,
): Promise<TicketDetail> {
  const catalog = await loadCatalog(client, workspaceId);
  const input: TicketChange = {
    type: "change_type",
    ticket_type_id: body.ticket_type_id,
    ...(body.ticket_state_id ? { states: { [ticket.ticket_type.id]: body.ticket_state_id } } : {}),
    ...(body.ticket_attributes ? { attributes: body.ticket_attributes } : {}),
  };
  try {
    await refreshOnRefusal(workspaceId, () =>
      runTicketChange(client, catalog, adminId, ticket.id, input, { known: ticket }),
    );
  } catch (e) {
    if (e instanceof HttpError && e.code === "invalid_input") {
      // The dialog names the state field as the request does.
      const fields = Object.fromEntries(
        Object.entries(e.fields ?? {}).map(([k, v]) => [k.startsWith("states.") ? "ticket_state_id" : k, v]),
      );
      throw new HttpError("invalid_input", "The new type, state or attributes are not valid.", fields);
    }
    throw e;
  }
  return loadTicketDetail(client, ticket.id);
}

/** Turns a conversation into a ticket of a live Customer type, checked the same way first. */
export async function convertConversation(
  client: IntercomClient,
  workspaceId: string,
  conversationId: string,
  body: ConvertBody,
): Promise<{ ticketId: string; ticketNumber: string }> {
  const path = `/conversations/${encodeURIComponent(conversationId)}`;
  const [conversation, catalog] = await Promise.all([
    client.request("GET", path, conversationSchema),
    loadCatalog(client, workspaceId),
  ]);
  if (conversation.ticket) {
    const number = conversation.ticket.ticket_id ? ` #${conversation.ticket.ticket_id}` : "";
    throw new HttpError("already_converted", `This conversation is already ticket${number}.`);
  }
  const plan = planConvert(catalog.ticketTypes, body.ticket_type_id, body.attributes ?? {});
  if (!plan.request) throw new HttpError("invalid_input", "The ticket type or attributes are not valid.", plan.errors);
  const request = plan.request;
  const ticket = await refreshOnRefusal(workspaceId, () =>
    client.request("POST", `${path}/convert`, ticketSchema, { body: request }),
  );
  return { ticketId: ticket.id, ticketNumber: ticket.ticket_id };
}
