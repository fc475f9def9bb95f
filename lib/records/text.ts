/**
 * Replies and notes as a lead types them: the checks the reply box makes before sending
 * (the route handler's schema makes the same ones), and the HTML Intercom receives.
 * No schema library here: the detail pages load this.
 */
export const MAX_REPLY = 20_000;

/** What is wrong with a message before it is sent, or null. */
export function replyError(text: string): string | null {
  const trimmed = text.trim();
  if (trimmed.length === 0) return "Write a message first";
  if (trimmed.length > MAX_REPLY) return `Keep the message under ${MAX_REPLY.toLocaleString("en")} characters`;
  return null;
}

/** Plain text a lead typed becomes paragraphs, as Intercom shows it; HTML is escaped, never passed on. */
export function textToHtml(text: string): string {
  const escaped = text
    .trim()
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
  return escaped
    .split(/\n{2,}/)
    .map((para) => `<p>${para.replace(/\n/g, "<br>")}</p>`)
    .join("");
}
