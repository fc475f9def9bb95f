import { clientFor } from "@/lib/auth/connections";
import { route } from "@/lib/http/route";
import { loadTicketDetail } from "@/lib/records/detail";
import { ticketParams } from "@/lib/records/params";
import { otherMethods } from "@/lib/http/methods";

/** A ticket as its page shows it. */
export const GET = route({ workspace: true, params: ticketParams }, async ({ connection, params }) =>
  loadTicketDetail(clientFor(connection), params.id),
);

export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
