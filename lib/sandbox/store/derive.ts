import type { ConversationRec, ConversationStatistics, TicketRec } from "./types";

export function emptyStatistics(): ConversationStatistics {
  return {
    time_to_assignment: null,
    time_to_admin_reply: null,
    time_to_first_close: null,
    time_to_last_close: null,
    median_time_to_reply: null,
    first_contact_reply_at: null,
    first_assignment_at: null,
    first_admin_reply_at: null,
    first_close_at: null,
    last_assignment_at: null,
    last_assignment_admin_reply_at: null,
    last_contact_reply_at: null,
    last_admin_reply_at: null,
    last_close_at: null,
    last_closed_by_id: null,
    count_reopens: 0,
    count_assignments: 0,
    count_conversation_parts: 0,
  };
}

const isContact = (type: string) => type === "user" || type === "lead";

/** Recomputes a conversation's statistics from its source and parts, as Intercom reports them. */
export function recomputeStatistics(conv: ConversationRec): void {
  const s = emptyStatistics();
  const created = conv.created_at;
  let waitingFrom: number | null = isContact(conv.source.author.type) ? created : null;
  if (isContact(conv.source.author.type)) {
    s.first_contact_reply_at = created;
    s.last_contact_reply_at = created;
  }
  const replyTimes: number[] = [];
  let closedOnce = false;
  for (const part of conv.parts) {
    const t = part.created_at;
    const byAdmin = part.author.type === "admin";
    // A contact's reply that reopens a conversation is an "open" part with the reply's body:
    // it counts as a contact reply as well as a reopen.
    const contactReply =
      isContact(part.author.type) &&
      (part.part_type === "comment" || (part.part_type === "open" && part.body !== null));
    if (contactReply) {
      s.first_contact_reply_at ??= t;
      s.last_contact_reply_at = t;
      waitingFrom ??= t;
    }
    switch (part.part_type) {
      case "comment":
        if (byAdmin) {
          s.first_admin_reply_at ??= t;
          s.last_admin_reply_at = t;
          if (
            s.last_assignment_at !== null &&
            (s.last_assignment_admin_reply_at === null || s.last_assignment_admin_reply_at < s.last_assignment_at)
          ) {
            s.last_assignment_admin_reply_at = t;
          }
          if (waitingFrom !== null) {
            replyTimes.push(t - waitingFrom);
            waitingFrom = null;
          }
        }
        break;
      case "assignment":
      case "assign_and_reopen":
      case "default_assignment":
        s.count_assignments += 1;
        s.first_assignment_at ??= t;
        s.last_assignment_at = t;
        if (part.part_type === "assign_and_reopen" && closedOnce) s.count_reopens += 1;
        break;
      case "close":
        s.first_close_at ??= t;
        s.last_close_at = t;
        s.last_closed_by_id = byAdmin ? part.author.id : s.last_closed_by_id;
        closedOnce = true;
        break;
      case "open":
        if (closedOnce) s.count_reopens += 1;
        break;
    }
  }
  s.count_conversation_parts = conv.parts.length;
  if (s.first_assignment_at !== null) s.time_to_assignment = s.first_assignment_at - created;
  if (s.first_admin_reply_at !== null) s.time_to_admin_reply = s.first_admin_reply_at - created;
  if (s.first_close_at !== null) s.time_to_first_close = s.first_close_at - created;
  if (s.last_close_at !== null) s.time_to_last_close = s.last_close_at - created;
  if (replyTimes.length > 0) {
    const sorted = [...replyTimes].sort((a, b) => a - b);
    s.median_time_to_reply = sorted[Math.floor(sorted.length / 2)];
  }
  conv.statistics = s;
}

/** Admins who wrote at least one part. */
export function conversationTeammateIds(conv: ConversationRec): string[] {
  const ids = new Set<string>();
  if (conv.source.author.type === "admin") ids.add(conv.source.author.id);
  for (const part of conv.parts) {
    if (part.author.type === "admin" && (part.part_type === "comment" || part.part_type === "note"))
      ids.add(part.author.id);
  }
  return [...ids];
}

export function ticketTeammateIds(ticket: TicketRec): string[] {
  const ids = new Set<string>();
  for (const part of ticket.parts) if (part.author.type === "admin") ids.add(part.author.id);
  return [...ids];
}

/** Plain text of an HTML body, for word matching and snippets. */
export function htmlToText(html: string): string {
  return html
    .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/gi, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/&nbsp;/g, " ")
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, " ")
    .trim();
}

/** The separate words of a body, lower-cased, as `source.body` search sees them. */
export function bodyWords(html: string): Set<string> {
  const words = htmlToText(html)
    .toLowerCase()
    .split(/[^\p{L}\p{N}'-]+/u)
    .map((w) => w.replace(/^['-]+|['-]+$/g, ""))
    .filter(Boolean);
  return new Set(words);
}
