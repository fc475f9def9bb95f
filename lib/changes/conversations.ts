/**
 * The changes a conversation takes, checked with the same catalogue checks as tickets, and
 * planned as calls the one executor makes. Conversations have no bulk jobs.
 */
import { textToHtml } from "@/lib/records/text";
import { assigneeError, snoozeError, tagError } from "./checks";
import type { ConversationChange } from "./schema";
import type { ConversationCall, FieldErrors, Names } from "./types";

export function checkConversationChange(a: ConversationChange, names: Names, now: number): FieldErrors | null {
  switch (a.type) {
    case "assign_admin":
      return assigneeError(names, "admin", a.admin_id);
    case "assign_team":
      return assigneeError(names, "team", a.team_id);
    case "snooze":
      return snoozeError(a.until, now);
    case "add_tag":
    case "remove_tag":
      return tagError(names, a.tag_id);
    default:
      return null;
  }
}

/** The calls a conversation change makes; `sourceId` is the first message's, for redacting it. */
export function conversationCalls(
  a: ConversationChange,
  conversationId: string,
  sourceId: string | null,
): ConversationCall[] {
  switch (a.type) {
    case "reply":
      return [{ kind: "reply", messageType: a.kind, html: textToHtml(a.body) }];
    case "assign_admin":
      return [{ kind: "part", body: { message_type: "assignment", type: "admin", assignee_id: a.admin_id } }];
    case "assign_team":
      return [{ kind: "part", body: { message_type: "assignment", type: "team", assignee_id: a.team_id } }];
    case "snooze":
      return [{ kind: "part", body: { message_type: "snoozed", snoozed_until: a.until } }];
    case "unsnooze":
    case "open":
      return [{ kind: "part", body: { message_type: "open" } }];
    case "close":
      return [{ kind: "part", body: { message_type: "close", type: "admin" } }];
    case "set_priority":
      // A level under a version with levels, the flag under one without (versionRefusal keeps them apart).
      return [
        {
          kind: "update",
          body: { priority: typeof a.priority === "string" ? a.priority : a.priority ? "priority" : "not_priority" },
        },
      ];
    case "add_tag":
      return [{ kind: "add_tag", tagId: a.tag_id }];
    case "remove_tag":
      return [{ kind: "remove_tag", tagId: a.tag_id }];
    case "mark_read":
      return [{ kind: "update", body: { read: true } }];
    case "redact":
      return [
        {
          kind: "redact",
          body: { type: "conversation_part", conversation_id: conversationId, conversation_part_id: a.part_id },
        },
      ];
    case "redact_source":
      return sourceId
        ? [{ kind: "redact", body: { type: "source", conversation_id: conversationId, source_id: sourceId } }]
        : [];
  }
}
