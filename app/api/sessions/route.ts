import { listSessions, viewSession } from "@/lib/auth/sessions";
import { config } from "@/lib/config";
import { getDb } from "@/lib/db/client";
import { route } from "@/lib/http/route";
import { otherMethods } from "@/lib/http/methods";

/** The signed-in lead's live sessions, this one marked `current`. */
export const GET = route({}, async ({ user }) => {
  const rows = await listSessions(await getDb(), user.id, config().session);
  return { sessions: rows.map((row) => viewSession(row, user.sessionId)) };
});

export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
