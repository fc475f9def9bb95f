import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { checkCallback, withStateCleared } from "@/lib/auth/callback-guard";
import { authRequestProblem } from "@/lib/auth/callback-url";
import { authOptions } from "@/lib/auth/options";
import { errorResponse } from "@/lib/http/errors";
import { otherMethods } from "@/lib/http/methods";

/**
 * next-auth's routes, with options built on first request rather than at build time. Input
 * next-auth would fail on (a malformed callbackUrl or body) is refused first with a 400.
 * OAuth callbacks are checked against this browser's own flow before any token is
 * requested, and never leave the flow's state cookie behind.
 */
async function handler(req: NextRequest, ctx: { params: Promise<{ nextauth: string[] }> }) {
  const problem = await authRequestProblem(req);
  if (problem) return errorResponse(problem.code, problem.message);
  const params = await ctx.params;
  const refused = await checkCallback(req, params.nextauth);
  if (refused) return refused;
  const res = await NextAuth(req, { params }, authOptions());
  return params.nextauth[0] === "callback" ? withStateCleared(res) : res;
}

export { handler as GET, handler as POST };

export const { PUT, PATCH, DELETE } = otherMethods("GET", "POST");
