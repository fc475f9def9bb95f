import { clientFor } from "@/lib/auth/connections";
import { route } from "@/lib/http/route";
import { loadConversationDetail } from "@/lib/records/detail";
import { conversationParams } from "@/lib/records/params";
import { otherMethods } from "@/lib/http/methods";

/** A conversation as its page shows it, with up to Intercom's 500 most recent parts. */
export const GET = route({ workspace: true, params: conversationParams }, async ({ connection, params }) =>
  loadConversationDetail(clientFor(connection), params.id),
);

export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
