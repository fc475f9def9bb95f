import { clientFor } from "@/lib/auth/connections";
import { loadCatalog } from "@/lib/catalog/server";
import { route } from "@/lib/http/route";

/** The workspace's teammates, teams, tags, ticket types, segments, attributes and companies. */
export const GET = route({ workspace: true }, async ({ connection }) => loadCatalog(clientFor(connection), connection.workspaceId));
