import { clientFor } from "@/lib/auth/connections";
import { route } from "@/lib/http/route";
import { loadOverview } from "@/lib/overview";

export const GET = route({ workspace: true }, async ({ connection }) => loadOverview(clientFor(connection)));
