import * as z from "zod/mini";
import { recordAccountEvent } from "@/lib/audit/account";
import { endSessionByHandle, sessionHandle } from "@/lib/auth/sessions";
import { getDb } from "@/lib/db/client";
import { notFound } from "@/lib/http/errors";
import { route } from "@/lib/http/route";
import { otherMethods } from "@/lib/http/methods";

const handleSchema = z.string().check(z.regex(/^[A-Za-z0-9_-]{22}$/, "Not a session"));

/** Ends one of the lead's sessions (this one included, which signs this browser out). */
export const DELETE = route({}, async ({ user, params }) => {
  const handle = handleSchema.safeParse(params.handle);
  if (!handle.success) throw notFound("That session");
  const db = await getDb();
  const ended = await endSessionByHandle(db, user.id, handle.data);
  if (!ended) throw notFound("That session");
  await recordAccountEvent(db, user, "auth.session_ended", `Ended the session on ${ended.device}`, {
    device: ended.device,
    ip: ended.ip,
  });
  return { ended: true, current: handle.data === sessionHandle(user.sessionId) };
});

export const { GET, POST, PUT, PATCH } = otherMethods("DELETE");
