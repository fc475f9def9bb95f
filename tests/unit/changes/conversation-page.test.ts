/** A conversation change on its page: shown at once, and when Intercom refuses it, what failed and what is back. */
import { describe, expect, it } from "vitest";
import { conversationChangeOf } from "@/lib/changes/conversation-page";
import type { ConversationChange } from "@/lib/changes/schema";
import type { ConversationDetail } from "@/lib/records/detail-types";

const names = {
  admins: [{ id: "a1", name: "Alex Kim", email: "alex@example.com" }],
  teams: [{ id: "t1", name: "Billing", adminIds: [] }],
  tags: [{ id: "g1", name: "VIP" }],
  ticketTypes: [],
};
const author = { type: "user", id: "u1", name: "Sam", email: null };
const detail: ConversationDetail = {
  id: "c1",
  title: null,
  subject: "Hello",
  channel: "email",
  deliveredAs: null,
  source: {
    id: "s1",
    subject: null,
    bodyHtml: "<p>Hi</p>",
    imageHosts: [],
    text: "Hi",
    author,
    redacted: false,
    url: null,
  },
  state: "open",
  open: true,
  read: false,
  priority: false,
  priorityLevel: "none",
  adminAssigneeId: "a1",
  teamAssigneeId: null,
  waitingSince: null,
  snoozedUntil: null,
  sla: null,
  rating: null,
  aiAgentParticipated: false,
  aiAgent: null,
  statistics: null,
  tags: [],
  contacts: [],
  teammateIds: [],
  ticket: null,
  linked: [],
  customAttributes: {},
  parts: [],
  createdAt: 1,
  updatedAt: 1,
};

const words = (a: ConversationChange, d: ConversationDetail = detail) => {
  const c = conversationChangeOf(a);
  return [c.attempt(names), c.rolledBack(d, names)];
};

describe("conversation changes on the page", () => {
  it("say what was tried and what the page shows again", () => {
    expect(words({ type: "close" })).toEqual(["close the conversation", "The conversation is open again."]);
    expect(words({ type: "open" }, { ...detail, state: "closed", open: false })).toEqual([
      "reopen the conversation",
      "The conversation is closed again.",
    ]);
    expect(words({ type: "snooze", until: 10 })).toEqual([
      "snooze the conversation",
      "The conversation is open again.",
    ]);
    expect(words({ type: "unsnooze" }, { ...detail, state: "snoozed", snoozedUntil: 10 })).toEqual([
      "unsnooze the conversation",
      "The conversation is snoozed again.",
    ]);
    expect(words({ type: "assign_admin", admin_id: "0" })).toEqual([
      "unassign the teammate",
      "The conversation is back with Alex Kim.",
    ]);
    expect(words({ type: "assign_team", team_id: "t1" })).toEqual([
      "assign the conversation to team Billing",
      "The conversation has no team again.",
    ]);
    expect(words({ type: "set_priority", priority: true })).toEqual([
      "mark the conversation as priority",
      "The conversation is still not a priority.",
    ]);
    expect(words({ type: "set_priority", priority: "urgent" })).toEqual([
      "set the priority to urgent",
      "The conversation has no priority again.",
    ]);
    expect(words({ type: "set_priority", priority: "none" })).toEqual([
      "remove the priority",
      "The conversation has no priority again.",
    ]);
    expect(
      conversationChangeOf({ type: "set_priority", priority: "none" }).rolledBack(
        { ...detail, priority: true, priorityLevel: "high" },
        names,
      ),
    ).toBe("The priority is high again.");
    expect(words({ type: "add_tag", tag_id: "g1" })).toEqual(["add the tag “VIP”", "The tag is off again."]);
    expect(words({ type: "mark_read" })).toEqual([
      "mark the conversation as read",
      "The conversation is unread again.",
    ]);
    expect(words({ type: "reply", kind: "note", body: "x" })).toEqual(["add the note", null]);
  });

  it("show the change at once", () => {
    const at = (a: ConversationChange) => conversationChangeOf(a).optimistic(detail, names);
    expect(at({ type: "close" })).toMatchObject({ state: "closed", open: false });
    expect(at({ type: "set_priority", priority: "medium" })).toMatchObject({ priority: true, priorityLevel: "medium" });
    expect(at({ type: "set_priority", priority: "none" })).toMatchObject({ priority: false, priorityLevel: "none" });
    expect(at({ type: "snooze", until: 10 })).toMatchObject({ state: "snoozed", snoozedUntil: 10 });
    expect(at({ type: "assign_admin", admin_id: "0" }).adminAssigneeId).toBeNull();
    expect(at({ type: "add_tag", tag_id: "g1" }).tags).toEqual([{ id: "g1", name: "VIP" }]);
    expect(at({ type: "redact_source" }).source).toMatchObject({ redacted: true, bodyHtml: null });
    expect(at({ type: "reply", kind: "comment", body: "x" })).toBe(detail);
  });
});
