import { errorResponse } from "@/lib/http/errors";
import { route } from "@/lib/http/route";
import { forward } from "@/lib/proxy/forward";
import { resolveProxyTarget } from "@/lib/proxy/path";

/** The Intercom proxy: allowlisted calls for a workspace the session owns, with its token. */
const handle = route({ workspace: true }, async ({ req, connection }) => {
  // The raw text of the URL, before any decoding, is what the path checks must see.
  const prefix = `/api/w/${connection.workspaceId}/intercom/`;
  const afterOrigin = req.url.slice(new URL(req.url).origin.length);
  const raw = afterOrigin.startsWith(prefix) ? afterOrigin.slice(prefix.length) : "";
  const target = resolveProxyTarget(req.method, raw);
  if (!target.ok) return errorResponse(target.status, target.code, target.message);
  return forward(req, connection, target.call, target.path, target.search);
});

export const GET = handle;
export const POST = handle;
export const PUT = handle;
export const DELETE = handle;
export const PATCH = handle;
