import "server-only";
import { decode } from "next-auth/jwt";
import type { NextRequest } from "next/server";
import { authSecret, config } from "@/lib/config";
import { stateCookieName, statesMatch } from "./state";

/**
 * Checks an OAuth callback before next-auth sees it: the `state` Intercom sent back must be
 * the one this browser's own flow started with, for this provider. A callback from another
 * flow or another browser is sent back to the sign-in page before any token is requested.
 * Cancelled or refused consents pass through (next-auth shows them) and, like every
 * callback, leave no state cookie behind.
 */
export async function checkCallback(req: NextRequest, path: string[]): Promise<Response | null> {
  if (req.method !== "GET" || path[0] !== "callback" || path.length !== 2) return null;
  const params = req.nextUrl.searchParams;
  if (params.has("error")) return null;
  const name = stateCookieName(secure());
  const raw = req.cookies.get(name)?.value;
  const flow = raw ? await decode({ token: raw, secret: authSecret(), salt: name }).catch(() => null) : null;
  const expected = flow && typeof flow.value === "string" && flow.provider === path[1] ? flow.value : null;
  if (statesMatch(expected, params.get("state"))) return null;
  const to = new URL("/signin?error=state", config().publicUrl);
  return withStateCleared(Response.redirect(to, 303));
}

/** Expires the flow's state cookie on a callback's answer, whatever the outcome. */
export function withStateCleared(res: Response): Response {
  const out = new Response(res.body, res);
  const flags = `Path=/; HttpOnly; SameSite=Lax; Max-Age=0${secure() ? "; Secure" : ""}`;
  out.headers.append("Set-Cookie", `${stateCookieName(secure())}=; ${flags}`);
  return out;
}

const secure = () => config().publicUrl.startsWith("https://");
