import { NextResponse, type NextRequest } from "next/server";
import { errorResponse } from "@/lib/http/errors";
import { contentSecurityPolicy, createNonce, formTargets } from "@/lib/security/csp";
import { requestProblem } from "@/lib/security/request-checks";

/**
 * Runs before routing on every request but static assets: refuses input the framework would
 * fail on (400: JSON on API paths, plain text on pages), and gives every response a
 * Content-Security-Policy with a fresh script nonce. Next.js reads the nonce from the
 * request's CSP header and puts it on the scripts it renders.
 */
export function proxy(request: NextRequest) {
  const nonce = createNonce();
  const csp = contentSecurityPolicy({
    nonce,
    dev: process.env.NODE_ENV === "development",
    forms: formTargets(process.env),
  });
  const problem = requestProblem(request.nextUrl.pathname, request.headers);
  if (problem) {
    const res = isApiPath(request.nextUrl.pathname)
      ? errorResponse(problem.code, problem.message)
      : new Response(`Bad request: ${problem.message}\n`, {
          status: 400,
          headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
        });
    res.headers.set("Content-Security-Policy", csp);
    return res;
  }
  const headers = new Headers(request.headers);
  headers.set("Content-Security-Policy", csp);
  headers.set("x-nonce", nonce);
  // Where the lead was, so a page that finds the session ended can send them back here after signing in.
  headers.set("x-request-path", `${request.nextUrl.pathname}${request.nextUrl.search}`);
  const res = NextResponse.next({ request: { headers } });
  res.headers.set("Content-Security-Policy", csp);
  return res;
}

function isApiPath(pathname: string): boolean {
  return pathname === "/api" || pathname.startsWith("/api/");
}

export const config = {
  // Static assets need neither checks nor a nonce.
  matcher: ["/((?!_next/static|_next/image|favicon.ico|icon.svg).*)"],
};
