"use client";

import { StateBadge } from "@/components/search/columns/cells";
import { Badge } from "@/components/ui/badge";
import { formatDateTime } from "@/lib/format/time";
import type { TicketDetail } from "@/lib/records/detail-types";

/** The ticket's type, number and title, and its state, open, shared and snoozed values. */
export function TicketHeader({ ticket, tz }: { ticket: TicketDetail; tz: string }) {
  const previous = ticket.previousStateId
    ? ticket.type.ticket_states.find((s) => s.id === ticket.previousStateId)
    : undefined;
  return (
    <>
      <p className="flex flex-wrap items-center gap-x-2 text-sm text-muted-foreground">
        {ticket.type.icon && <span aria-hidden="true">{ticket.type.icon}</span>}
        <span>{ticket.type.name}</span>
        <span aria-hidden="true">·</span>
        <span>{ticket.category}</span>
      </p>
      <h1 className="text-xl font-semibold">
        <span className="mr-2 font-mono text-muted-foreground">#{ticket.ticketNumber}</span>
        {ticket.title || "Untitled ticket"}
      </h1>
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <StateBadge category={ticket.state.category} label={ticket.state.internal_label} />
        <Badge variant={ticket.open ? "default" : "secondary"}>{ticket.open ? "Open" : "Closed"}</Badge>
        <Badge variant="outline">{ticket.isShared ? "Shared with customer" : "Not shared"}</Badge>
        {ticket.snoozedUntil !== null && ticket.open && (
          <Badge variant="secondary">Snoozed until {formatDateTime(ticket.snoozedUntil, tz)}</Badge>
        )}
        {ticket.previousStateId && (
          <span className="text-muted-foreground">
            Previously {previous ? previous.internal_label : "a state of another type"}
          </span>
        )}
      </div>
    </>
  );
}
