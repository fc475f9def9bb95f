import { clientFor } from "@/lib/auth/connections";
import { previewBody } from "@/lib/bulk/schemas";
import { planSelection } from "@/lib/bulk/service";
import { loadCatalog } from "@/lib/catalog/server";
import { route } from "@/lib/http/route";
import { otherMethods } from "@/lib/http/methods";

/** What an action would do to the selection, ticket by ticket, without changing anything. */
export const POST = route({ workspace: true, body: previewBody }, async ({ connection, body, req }) => {
  const client = clientFor(connection);
  return (
    await planSelection(
      client,
      loadCatalog(client, connection.workspaceId),
      body.selection,
      body.action,
      connection.timezone,
      req.signal,
    )
  ).preview;
});

export const { GET, PUT, PATCH, DELETE } = otherMethods("POST");
