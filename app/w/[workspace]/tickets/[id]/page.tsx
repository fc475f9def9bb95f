import type { Metadata } from "next";
import { cache } from "react";
import { TicketView } from "@/components/tickets/ticket-view";
import { loadTicketDetail } from "@/lib/records/detail";
import { loadForPage, pageRecordId } from "@/lib/server/page-data";

type Params = Promise<{ workspace: string; id: string }>;

/** One load per request, shared by the title and the page. */
const load = cache((workspace: string, id: string) => loadForPage(workspace, (client) => loadTicketDetail(client, pageRecordId(id))));

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { workspace, id } = await params;
  const ticket = await load(workspace, id);
  return { title: `#${ticket.ticketNumber} ${ticket.title}` };
}

export default async function TicketPage({ params }: { params: Params }) {
  const { workspace, id } = await params;
  return <TicketView id={id} initial={await load(workspace, id)} />;
}
