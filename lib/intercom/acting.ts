import { HttpError } from "@/lib/http/errors";

/**
 * Every change the dashboard sends to Intercom is made as the signed-in lead's own admin:
 * never as another teammate, never as a customer. The client runs each write through here
 * before anything leaves the server.
 */

/** Writes on which Intercom takes `admin_id` and records that admin as the author. */
const AUTHORED: readonly { method: string; path: RegExp; reply?: true }[] = [
  { method: "POST", path: /^\/(conversations|tickets)\/[^/]+\/reply$/, reply: true },
  { method: "POST", path: /^\/conversations\/[^/]+\/parts$/ },
  { method: "PUT", path: /^\/tickets\/[^/]+$/ },
  { method: "POST", path: /^\/(conversations|tickets)\/[^/]+\/tags$/ },
  { method: "DELETE", path: /^\/(conversations|tickets)\/[^/]+\/tags\/[^/]+$/ },
];

/** Authors Intercom accepts besides an admin: each would make the change look like a customer's. */
const CUSTOMER_TYPES = new Set(["user", "contact", "lead"]);
/** How a reply names a customer as its author. */
const CUSTOMER_FIELDS = ["intercom_user_id", "user_id", "email", "contact_id"] as const;
/** What an admin writes on a conversation or ticket. */
const ADMIN_REPLIES = new Set(["comment", "note", "quick_reply"]);

const refuse = (message: string) => new HttpError("acting_identity", message);

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * The body to send for a write made by `adminId`, or an HttpError 400 `acting_identity`
 * when the body names anyone else as its author. Where Intercom takes an `admin_id` and the
 * body has none, the signed-in admin's is added. Reads pass through untouched.
 * `adminId` null is a client that reads only: every write is refused.
 */
export function actAs(adminId: string | null, method: string, path: string, body: unknown): unknown {
  const m = method.toUpperCase();
  const bare = path.split("?")[0];
  // Searches are reads that Intercom takes as POSTs.
  if (m === "GET" || m === "HEAD" || (m === "POST" && bare.endsWith("/search"))) return body;
  if (adminId === null) throw refuse("This client reads from Intercom only; it cannot make changes.");
  const authored = AUTHORED.find((a) => a.method === m && a.path.test(bare));
  if (body === undefined) return authored ? { admin_id: adminId } : undefined;
  if (!isObject(body)) throw refuse("A change sent to Intercom must be a JSON object.");

  if ("admin_id" in body && String(body.admin_id) !== adminId)
    throw refuse("Changes are made as the signed-in teammate: another teammate's admin_id is not accepted.");
  if (typeof body.type === "string" && CUSTOMER_TYPES.has(body.type))
    throw refuse("Changes are made as the signed-in teammate, never as a customer.");
  if ("from" in body) {
    const from = body.from;
    if (!isObject(from) || from.type !== "admin" || String(from.id) !== adminId)
      throw refuse("Messages are sent as the signed-in teammate only.");
  }
  if (!authored) return body;
  if (authored.reply) {
    const named = CUSTOMER_FIELDS.filter((f) => f in body);
    if (named.length > 0)
      throw refuse(`Replies are written by the signed-in teammate: ${named.join(", ")} cannot name another author.`);
    if (typeof body.message_type !== "string" || !ADMIN_REPLIES.has(body.message_type))
      throw refuse("A reply is a comment or a note written by the signed-in teammate.");
    return { ...body, type: "admin", admin_id: adminId };
  }
  return { ...body, admin_id: adminId };
}
