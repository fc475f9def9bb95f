import { clientFor } from "@/lib/auth/connections";
import { HttpError } from "@/lib/http/errors";
import { route } from "@/lib/http/route";
import { resourceParam, searchBody } from "@/lib/records/schemas";
import { countMatches, searchRows } from "@/lib/records/search";
import { otherMethods } from "@/lib/http/methods";

/** A page of search results as table rows (or just the number of matches). */
export const POST = route({ workspace: true, body: searchBody }, async ({ connection, body, params, req }) => {
  const resource = resourceParam.safeParse(params.resource);
  if (!resource.success) throw new HttpError("not_found", "There is no such list to search.");
  const client = clientFor(connection);
  if (body.count) return { total: await countMatches(client, resource.data, body.query, req.signal) };
  return searchRows(
    client,
    connection.workspaceId,
    resource.data,
    body.query,
    body.per_page,
    body.starting_after ?? null,
    req.signal,
  );
});

export const { GET, PUT, PATCH, DELETE } = otherMethods("POST");
