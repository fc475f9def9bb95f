import { clientFor } from "@/lib/auth/connections";
import { route } from "@/lib/http/route";
import { loadTicketDetail } from "@/lib/records/detail";
import { recordId } from "@/lib/records/params";
import { otherMethods } from "@/lib/http/methods";

/** A ticket as its page shows it. */
export const GET = route({ workspace: true }, async ({ connection, params }) =>
  loadTicketDetail(clientFor(connection), recordId(params, "ticket")),
);

export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
