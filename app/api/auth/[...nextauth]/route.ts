import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { checkCallback, withStateCleared } from "@/lib/auth/callback-guard";
import { authOptions } from "@/lib/auth/options";

/**
 * next-auth's routes, with options built on first request rather than at build time. OAuth
 * callbacks are checked against this browser's own flow first, and never leave the flow's
 * state cookie behind.
 */
async function handler(req: NextRequest, ctx: { params: Promise<{ nextauth: string[] }> }) {
  const params = await ctx.params;
  const refused = await checkCallback(req, params.nextauth);
  if (refused) return refused;
  const res = await NextAuth(req, { params }, authOptions());
  return params.nextauth[0] === "callback" ? withStateCleared(res) : res;
}

export { handler as GET, handler as POST };
