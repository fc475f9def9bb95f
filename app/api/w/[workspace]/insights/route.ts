import { clientFor } from "@/lib/auth/connections";
import { getDb } from "@/lib/db/client";
import { route } from "@/lib/http/route";
import { otherMethods } from "@/lib/http/methods";
import { insightsQuery } from "@/lib/insights/schema";
import { loadInsights } from "@/lib/insights/service";

/** Every Insights chart for a range and a split, each point with the search behind it. */
export const GET = route({ workspace: true, query: insightsQuery }, async ({ connection, query, req }) =>
  loadInsights(await getDb(), clientFor(connection), connection, query, req.signal),
);

export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
