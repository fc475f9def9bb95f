import type { Metadata } from "next";
import { cache } from "react";
import { ReconnectNeeded } from "@/components/shell/reconnect-needed";
import { TicketView } from "@/components/tickets/ticket-view";
import { loadTicketDetail } from "@/lib/records/detail";
import { loadForPage, pageRecordId, RECONNECT_TITLE } from "@/lib/server/page-data";

type Params = Promise<{ workspace: string; id: string }>;

/** One load per request, shared by the title and the page. */
const load = cache((workspace: string, id: string) =>
  loadForPage(workspace, (client) => loadTicketDetail(client, pageRecordId(id))),
);

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { workspace, id } = await params;
  const ticket = await load(workspace, id);
  if (ticket.reconnect) return { title: RECONNECT_TITLE };
  return { title: `#${ticket.data.ticketNumber} ${ticket.data.title}` };
}

export default async function TicketPage({ params }: { params: Params }) {
  const { workspace, id } = await params;
  const ticket = await load(workspace, id);
  return ticket.reconnect ? <ReconnectNeeded /> : <TicketView id={id} initial={ticket.data} />;
}
