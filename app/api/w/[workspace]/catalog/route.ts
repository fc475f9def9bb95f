import { clientFor } from "@/lib/auth/connections";
import { loadCatalog } from "@/lib/catalog/server";
import { route } from "@/lib/http/route";
import { otherMethods } from "@/lib/http/methods";

/** The workspace's teammates, teams, tags, ticket types, segments, attributes and companies. */
export const GET = route({ workspace: true }, async ({ connection }) =>
  loadCatalog(clientFor(connection), connection.workspaceId),
);

export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
