/**
 * What the ticket and conversation pages show, built on the server from Intercom's objects:
 * bodies already sanitised, contacts' names joined in, timestamps as Unix seconds.
 */
import type { PriorityLevel, StateCategory, TicketState, TicketType } from "@/lib/intercom/schemas";
import type { ContactRef } from "./types";

export type AttrValue = string | number | boolean | null;

export interface PartAuthor {
  type: string;
  id: string;
  name: string | null;
  email: string | null;
}

/** One entry of a timeline: a message (comment, note) or an event (assignment, state change…). */
export interface TimelinePart {
  id: string;
  partType: string;
  /** Sanitised HTML, or null for events without a body. */
  bodyHtml: string | null;
  /** Hosts of the remote images the body holds back until the lead loads them. */
  imageHosts: string[];
  createdAt: number;
  author: PartAuthor | null;
  assignedTo: { type: string; id: string | null } | null;
  fromState?: StateCategory | null;
  toState?: StateCategory | null;
  /** A changed attribute (or the ticket type), as label and new value. */
  change?: { label: string; value: string } | null;
  redacted: boolean;
}

export interface LinkedRecord {
  type: "ticket" | "conversation";
  id: string;
  category: string | null;
  /** The linked record's title, when it could be read. */
  title: string | null;
}

export interface TicketDetail {
  id: string;
  ticketNumber: string;
  title: string;
  category: TicketType["category"];
  type: TicketType;
  state: TicketState;
  previousStateId: string | null;
  open: boolean;
  snoozedUntil: number | null;
  isShared: boolean;
  adminAssigneeId: string | null;
  teamAssigneeId: string | null;
  attributes: Record<string, AttrValue>;
  /** Null when Intercom's answer carries no tags for the ticket. */
  tags: { id: string; name: string }[] | null;
  contacts: ContactRef[];
  linked: LinkedRecord[];
  parts: TimelinePart[];
  createdAt: number;
  updatedAt: number;
}

export interface ConversationDetail {
  id: string;
  title: string | null;
  subject: string;
  channel: string;
  deliveredAs: string | null;
  /** `subject` as Intercom has it (email subjects); `text`: the first message as plain text. */
  source: {
    id: string;
    subject: string | null;
    bodyHtml: string | null;
    imageHosts: string[];
    text: string;
    author: PartAuthor;
    redacted: boolean;
    url: string | null;
  };
  state: "open" | "closed" | "snoozed";
  open: boolean;
  read: boolean;
  priority: boolean;
  /** The priority level, when the answering version has levels. */
  priorityLevel: PriorityLevel | null;
  adminAssigneeId: string | null;
  teamAssigneeId: string | null;
  waitingSince: number | null;
  snoozedUntil: number | null;
  sla: { name: string; status: string | null } | null;
  rating: { rating: number | null; remark: string | null; createdAt: number | null } | null;
  aiAgentParticipated: boolean;
  aiAgent: {
    sourceTitle: string | null;
    resolutionState: string | null;
    lastAnswerType: string | null;
    rating: number | null;
  } | null;
  statistics: {
    timeToAssignment: number | null;
    timeToAdminReply: number | null;
    timeToFirstClose: number | null;
    medianTimeToReply: number | null;
    countReopens: number | null;
    countAssignments: number | null;
    countParts: number | null;
    firstContactReplyAt: number | null;
    lastCloseAt: number | null;
  } | null;
  tags: { id: string; name: string }[];
  contacts: ContactRef[];
  teammateIds: string[];
  ticket: { id: string; ticketNumber: string | null } | null;
  linked: LinkedRecord[];
  customAttributes: Record<string, unknown>;
  parts: TimelinePart[];
  createdAt: number;
  updatedAt: number;
}
