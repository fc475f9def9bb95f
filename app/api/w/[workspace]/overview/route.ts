import { clientFor } from "@/lib/auth/connections";
import { route } from "@/lib/http/route";
import { loadOverview } from "@/lib/overview";
import { otherMethods } from "@/lib/http/methods";

export const GET = route({ workspace: true }, async ({ connection }) => loadOverview(clientFor(connection)));

export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
