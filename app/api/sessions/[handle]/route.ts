import * as z from "zod/mini";
import { recordAccountEvent } from "@/lib/audit/account";
import { endSessionByHandle, sessionHandle } from "@/lib/auth/sessions";
import { getDb } from "@/lib/db/client";
import { HttpError } from "@/lib/http/errors";
import { segment } from "@/lib/http/params";
import { route } from "@/lib/http/route";
import { otherMethods } from "@/lib/http/methods";

const NO_SESSION = "That session was not found.";
const sessionParams = z.object({ handle: segment(/^[A-Za-z0-9_-]{22}$/, NO_SESSION) });

/** Ends one of the lead's sessions (this one included, which signs this browser out). */
export const DELETE = route({ params: sessionParams }, async ({ user, params }) => {
  const db = await getDb();
  const ended = await endSessionByHandle(db, user.id, params.handle);
  if (!ended) throw new HttpError("not_found", NO_SESSION);
  await recordAccountEvent(db, user, "auth.session_ended", `Ended the session on ${ended.device}`, {
    device: ended.device,
    ip: ended.ip,
  });
  return { ended: true, current: params.handle === sessionHandle(user.sessionId) };
});

export const { GET, POST, PUT, PATCH } = otherMethods("DELETE");
