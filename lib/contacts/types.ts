import type { ConversationRow, TicketRow } from "@/lib/records/types";
import type { SegmentSummary } from "@/lib/segments/types";

/** A contact as its page shows it. */
export interface ContactDetail {
  id: string;
  externalId: string | null;
  role: "user" | "lead";
  name: string | null;
  email: string | null;
  phone: string | null;
  avatarUrl: string | null;
  location: string | null;
  browser: string | null;
  os: string | null;
  language: string | null;
  ownerId: string | null;
  emailStatus: { unsubscribed: boolean; hardBounced: boolean; markedAsSpam: boolean };
  createdAt: number;
  updatedAt: number;
  signedUpAt: number | null;
  lastSeenAt: number | null;
  lastRepliedAt: number | null;
  lastContactedAt: number | null;
  /** Custom attributes in the workspace's order, labelled; values as Intercom has them. */
  customAttributes: { name: string; label: string; dataType: string; value: string | number | boolean | null }[];
  companies: { id: string; name: string; plan: string | null; userCount: number | null }[];
  tags: { id: string; name: string }[];
  segments: SegmentSummary[];
  openConversations: { rows: ConversationRow[]; total: number };
  openTickets: { rows: TicketRow[]; total: number };
}
