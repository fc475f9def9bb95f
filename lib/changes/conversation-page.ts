/**
 * A conversation change as its page shows it: at once (optimistic), and, when Intercom refuses
 * it, what was tried and what the page shows again ("The conversation is open again.").
 */
import type { ConversationDetail } from "@/lib/records/detail-types";
import { namer } from "./checks";
import type { ConversationChange } from "./schema";
import type { Names } from "./types";

export interface ConversationChangeDefinition<T extends ConversationChange> {
  /** What was tried, for a failure: "close the conversation". */
  attempt(input: T, names: Names): string;
  /** The page at once, before Intercom answers. */
  optimistic?(detail: ConversationDetail, input: T, names: Names): ConversationDetail;
  /** What the page shows again after a rollback, from the conversation as it was. */
  rolledBack?(detail: ConversationDetail, input: T, names: Names): string;
}

type Definitions = {
  [K in ConversationChange["type"]]: ConversationChangeDefinition<Extract<ConversationChange, { type: K }>>;
};

/** The conversation's open, closed or snoozed state, as it is again. */
const stateAgain = (d: ConversationDetail) => `The conversation is ${d.state} again.`;
const reopened = (d: ConversationDetail): ConversationDetail => ({
  ...d,
  state: "open",
  open: true,
  snoozedUntil: null,
});

export const conversationDefinitions: Definitions = {
  reply: { attempt: (a) => (a.kind === "note" ? "add the note" : "send the reply") },
  assign_admin: {
    attempt: (a, names) =>
      a.admin_id === "0" ? "unassign the teammate" : `assign the conversation to ${namer(names).admin(a.admin_id)}`,
    optimistic: (d, a) => ({ ...d, adminAssigneeId: a.admin_id === "0" ? null : a.admin_id }),
    rolledBack: (d, _a, names) =>
      d.adminAssigneeId
        ? `The conversation is back with ${namer(names).admin(d.adminAssigneeId)}.`
        : "The conversation has no teammate again.",
  },
  assign_team: {
    attempt: (a, names) =>
      a.team_id === "0" ? "unassign the team" : `assign the conversation to team ${namer(names).team(a.team_id)}`,
    optimistic: (d, a) => ({ ...d, teamAssigneeId: a.team_id === "0" ? null : a.team_id }),
    rolledBack: (d, _a, names) =>
      d.teamAssigneeId
        ? `The conversation is back with team ${namer(names).team(d.teamAssigneeId)}.`
        : "The conversation has no team again.",
  },
  snooze: {
    attempt: () => "snooze the conversation",
    optimistic: (d, a) => ({ ...d, state: "snoozed", open: true, snoozedUntil: a.until }),
    rolledBack: (d) => (d.state === "snoozed" ? "The conversation keeps its snooze." : stateAgain(d)),
  },
  unsnooze: { attempt: () => "unsnooze the conversation", optimistic: reopened, rolledBack: stateAgain },
  close: {
    attempt: () => "close the conversation",
    optimistic: (d) => ({ ...d, state: "closed", open: false, snoozedUntil: null }),
    rolledBack: stateAgain,
  },
  open: { attempt: () => "reopen the conversation", optimistic: reopened, rolledBack: stateAgain },
  set_priority: {
    attempt: (a) =>
      typeof a.priority === "string"
        ? a.priority === "none"
          ? "remove the priority"
          : `set the priority to ${a.priority}`
        : a.priority
          ? "mark the conversation as priority"
          : "remove the priority",
    optimistic: (d, a) =>
      typeof a.priority === "string"
        ? { ...d, priority: a.priority !== "none", priorityLevel: a.priority }
        : { ...d, priority: a.priority, priorityLevel: a.priority ? null : "none" },
    rolledBack: (d, a) =>
      typeof a.priority === "string"
        ? d.priorityLevel === "none" || d.priorityLevel === null
          ? "The conversation has no priority again."
          : `The priority is ${d.priorityLevel} again.`
        : d.priority
          ? "The conversation is still a priority."
          : "The conversation is still not a priority.",
  },
  add_tag: {
    attempt: (a, names) => `add the tag “${namer(names).tag(a.tag_id)}”`,
    optimistic: (d, a, names) => {
      const tag = names.tags.find((t) => t.id === a.tag_id);
      return tag && !d.tags.some((t) => t.id === tag.id)
        ? { ...d, tags: [...d.tags, { id: tag.id, name: tag.name }] }
        : d;
    },
    rolledBack: () => "The tag is off again.",
  },
  remove_tag: {
    attempt: (a, names) => `remove the tag “${namer(names).tag(a.tag_id)}”`,
    optimistic: (d, a) => ({ ...d, tags: d.tags.filter((t) => t.id !== a.tag_id) }),
    rolledBack: () => "The tag is back.",
  },
  mark_read: {
    attempt: () => "mark the conversation as read",
    optimistic: (d) => ({ ...d, read: true }),
    rolledBack: () => "The conversation is unread again.",
  },
  redact: {
    attempt: () => "redact the message",
    optimistic: (d, a) => ({
      ...d,
      parts: d.parts.map((p) => (p.id === a.part_id ? { ...p, redacted: true, bodyHtml: null, imageHosts: [] } : p)),
    }),
    rolledBack: () => "The message is back.",
  },
  redact_source: {
    attempt: () => "redact the message",
    optimistic: (d) => ({ ...d, source: { ...d.source, redacted: true, bodyHtml: null, imageHosts: [] } }),
    rolledBack: () => "The message is back.",
  },
};

/** A conversation change bound to its input, as the page uses it. */
export interface BoundConversationChange {
  attempt(names: Names): string;
  optimistic(detail: ConversationDetail, names: Names): ConversationDetail;
  rolledBack(detail: ConversationDetail, names: Names): string | null;
}

export function conversationChangeOf<T extends ConversationChange>(a: T): BoundConversationChange {
  const def = conversationDefinitions[a.type] as ConversationChangeDefinition<T>;
  return {
    attempt: (names) => def.attempt(a, names),
    optimistic: (d, names) => def.optimistic?.(d, a, names) ?? d,
    rolledBack: (d, names) => def.rolledBack?.(d, a, names) ?? null,
  };
}
