/**
 * next-auth takes a `callbackUrl` (query string or posted form) and hands it to the
 * `redirect` callback, which parses it; a malformed one must be refused before that.
 */
import type { ErrorCode } from "@/lib/http/errors";

export const MAX_CALLBACK_URL = 2048;

/** A path on this site, or an absolute http(s) URL (the redirect callback keeps only this origin's). */
export function acceptableCallbackUrl(value: string): boolean {
  if (value.length > MAX_CALLBACK_URL || /[\u0000-\u001f\u007f\ufffd]/.test(value)) return false;
  if (value.startsWith("/"))
    return !value.startsWith("//") && !value.startsWith("/\\") && URL.canParse(value, "http://localhost");
  if (!URL.canParse(value)) return false;
  const { protocol } = new URL(value);
  return protocol === "http:" || protocol === "https:";
}

/**
 * Why next-auth should not see this request, or null: a callbackUrl it cannot use, or a
 * posted body it cannot read.
 */
export async function authRequestProblem(req: Request): Promise<{ code: ErrorCode; message: string } | null> {
  const badCallback = {
    code: "invalid_callback_url" as const,
    message: "The callbackUrl is not a valid address on this site.",
  };
  const query = new URL(req.url).searchParams.get("callbackUrl");
  if (query !== null && !acceptableCallbackUrl(query)) return badCallback;
  if (req.method !== "POST") return null;
  const type = req.headers.get("content-type") ?? "";
  let posted: unknown = undefined;
  if (type.includes("application/json")) {
    try {
      posted = (JSON.parse(await req.clone().text()) as { callbackUrl?: unknown } | null)?.callbackUrl;
    } catch {
      return { code: "invalid_json", message: "The request body is not valid JSON." };
    }
  } else if (type.includes("application/x-www-form-urlencoded")) {
    posted = new URLSearchParams(await req.clone().text()).get("callbackUrl") ?? undefined;
  }
  if (posted !== undefined && posted !== null && (typeof posted !== "string" || !acceptableCallbackUrl(posted)))
    return badCallback;
  return null;
}

/** Where a lead goes after signing in: a path on this dashboard that passes the check above, or "/". */
export function safeCallbackPath(value: string | null | undefined): string {
  if (!value || !value.startsWith("/") || !acceptableCallbackUrl(value)) return "/";
  const url = new URL(value, "http://dashboard.invalid");
  return `${url.pathname}${url.search}${url.hash}`;
}
