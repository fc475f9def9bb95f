import "server-only";
import { clientFor } from "@/lib/auth/connections";
import { config } from "@/lib/config";
import type { WorkspaceConnection } from "@/lib/db/schema";
import { readJsonBody } from "@/lib/http/body";
import { HttpError } from "@/lib/http/errors";
import { errorFromBody } from "@/lib/intercom/errors";
import type { AllowedCall } from "./allowlist";

/** Headers relayed back to the browser: the rate-limit state and Intercom's request id. */
const RELAYED = ["x-ratelimit-limit", "x-ratelimit-remaining", "x-ratelimit-reset", "x-request-id"];

/**
 * Sends one allowlisted call to Intercom with the workspace's token and nothing of the
 * browser's (no cookies, no headers), and relays the answer.
 */
export async function forward(req: Request, connection: WorkspaceConnection, call: AllowedCall, path: string, search: string): Promise<Response> {
  let body: string | undefined;
  const hasBody = (req.headers.get("content-length") ?? "0") !== "0" || req.headers.has("transfer-encoding");
  if (call.body === "required" || (call.body === "optional" && hasBody)) {
    body = JSON.stringify(await readJsonBody(req));
  } else if (call.body === "none" && hasBody) {
    throw new HttpError(400, "unexpected_body", `${call.method} calls take no body.`);
  }
  const client = clientFor(connection, call.version ?? config().intercomVersion);
  const res = await client.raw(call.method, path + search, { body, signal: req.signal });
  const headers: Record<string, string> = { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store" };
  for (const name of RELAYED) {
    const v = res.headers.get(name);
    if (v !== null) headers[name] = v;
  }
  if (res.status === 401) {
    // The route wrapper marks the connection and answers reconnect_required.
    throw errorFromBody(401, safeJson(res.text()), res.headers);
  }
  return new Response(res.bytes.byteLength > 0 ? res.bytes : "null", { status: res.status, headers });
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
