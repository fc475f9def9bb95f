import type { NextRequest } from "next/server";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { csrfCookieName, csrfTokenFrom, newCsrfCookie } from "@/lib/auth/csrf";
import { config } from "@/lib/config";
import { otherMethods } from "@/lib/http/methods";

export const dynamic = "force-dynamic";

/**
 * Gives this browser next-auth's CSRF cookie, then goes back to the sign-in page, whose
 * forms then carry the token and work before the page's scripts have loaded. Only ever
 * sends the browser back to /signin on this dashboard.
 */
export function GET(req: NextRequest): Response {
  const back = safeCallbackPath(req.nextUrl.searchParams.get("to"));
  const to = new URL(back.startsWith("/signin") ? back : "/signin", config().publicUrl);
  const headers = new Headers({ Location: to.toString(), "Cache-Control": "no-store" });
  if (!csrfTokenFrom(req.cookies.get(csrfCookieName())?.value)) {
    const secure = config().publicUrl.startsWith("https://");
    headers.append(
      "Set-Cookie",
      `${csrfCookieName()}=${newCsrfCookie().value}; Path=/; HttpOnly; SameSite=Lax${secure ? "; Secure" : ""}`,
    );
  }
  return new Response(null, { status: 303, headers });
}

export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
