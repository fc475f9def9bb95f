import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { authRequestProblem } from "@/lib/auth/callback-url";
import { authOptions } from "@/lib/auth/options";
import { errorResponse } from "@/lib/http/errors";

/**
 * next-auth's routes, with options built on first request rather than at build time. Input
 * next-auth would fail on (a malformed callbackUrl or body) is refused first with a 400.
 */
async function handler(req: NextRequest, ctx: { params: Promise<{ nextauth: string[] }> }) {
  const problem = await authRequestProblem(req);
  if (problem) return errorResponse(400, problem.code, problem.message);
  return NextAuth(req, { params: await ctx.params }, authOptions());
}

export { handler as GET, handler as POST };
