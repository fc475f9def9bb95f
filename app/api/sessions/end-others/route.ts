import { recordAccountEvent } from "@/lib/audit/account";
import { endOtherSessions } from "@/lib/auth/sessions";
import { getDb } from "@/lib/db/client";
import { route } from "@/lib/http/route";
import { otherMethods } from "@/lib/http/methods";

/** Ends every session of the lead's but this one. */
export const POST = route({}, async ({ user }) => {
  const db = await getDb();
  const ended = await endOtherSessions(db, user.id, user.sessionId);
  if (ended > 0)
    await recordAccountEvent(db, user, "auth.session_ended", `Ended ${ended} other session${ended === 1 ? "" : "s"}`, {
      ended,
    });
  return { ended };
});

export const { GET, PUT, PATCH, DELETE } = otherMethods("POST");
