import { clientFor } from "@/lib/auth/connections";
import { route } from "@/lib/http/route";
import { searchBody, searchRouteParams } from "@/lib/records/schemas";
import { countMatches, searchRows } from "@/lib/records/search";
import { otherMethods } from "@/lib/http/methods";

/** A page of search results as table rows (or just the number of matches). */
export const POST = route(
  { workspace: true, params: searchRouteParams, body: searchBody },
  async ({ connection, body, params, req }) => {
    const client = clientFor(connection);
    if (body.count) return { total: await countMatches(client, params.resource, body.query, req.signal) };
    return searchRows(
      client,
      connection.workspaceId,
      params.resource,
      body.query,
      body.per_page,
      body.starting_after ?? null,
      req.signal,
    );
  },
);

export const { GET, PUT, PATCH, DELETE } = otherMethods("POST");
