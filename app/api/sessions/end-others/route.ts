import { endOtherSessions } from "@/lib/auth/sessions";
import { getDb } from "@/lib/db/client";
import { route } from "@/lib/http/route";

/** Ends every session of the lead's but this one. */
export const POST = route({}, async ({ user }) => ({ ended: await endOtherSessions(await getDb(), user.id, user.sessionId) }));
