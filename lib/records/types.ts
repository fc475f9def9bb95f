/**
 * The rows search screens show, projected on the server from Intercom's objects: only
 * what a table needs, with contact names already joined in. A page of 150 tickets is tens
 * of kilobytes instead of a megabyte, and the browser parses nothing.
 */
import type { PriorityLevel } from "@/lib/intercom/versions";
import type { Resource } from "@/lib/search/fields";

export interface ContactRef {
  id: string;
  name: string | null;
  email: string | null;
}

export interface TicketRow {
  id: string;
  ticketNumber: string;
  title: string;
  type: { id: string; name: string; icon: string | null; category: string };
  state: { id: string; category: string; label: string };
  open: boolean;
  snoozedUntil: number | null;
  isShared: boolean;
  adminAssigneeId: string | null;
  teamAssigneeId: string | null;
  contacts: ContactRef[];
  createdAt: number;
  updatedAt: number;
}

export interface ConversationRow {
  id: string;
  subject: string;
  state: "open" | "closed" | "snoozed";
  priority: boolean;
  /** Null when the version only has the priority flag. */
  priorityLevel: PriorityLevel | null;
  channel: string;
  adminAssigneeId: string | null;
  teamAssigneeId: string | null;
  contacts: ContactRef[];
  waitingSince: number | null;
  tags: { id: string; name: string }[];
  createdAt: number;
  updatedAt: number;
}

export interface ContactRow {
  id: string;
  name: string | null;
  email: string | null;
  role: "user" | "lead";
  companies: { id: string; name: string }[];
  tags: { id: string; name: string }[];
  lastSeenAt: number | null;
  createdAt: number;
  location: string | null;
}

export interface RowOf {
  tickets: TicketRow;
  conversations: ConversationRow;
  contacts: ContactRow;
}

export interface SearchPage<R extends Resource = Resource> {
  rows: RowOf[R][];
  total: number;
  /** The cursor of the next page, or null on the last one. */
  next: string | null;
}
