import type {
  AdminRec,
  CompanyRec,
  ContactRec,
  ConversationRec,
  DataAttributeRec,
  SegmentRec,
  TagRec,
  TeamRec,
  TicketRec,
  TicketStateRec,
  TicketTypeRec,
  WorkspaceInfo,
} from "./types";

/** Newest first; ids break ties so the order never changes while records are edited. */
export function byCreatedDesc(a: { created_at: number; id: string }, b: { created_at: number; id: string }): number {
  if (a.created_at !== b.created_at) return b.created_at - a.created_at;
  return compareIds(b.id, a.id);
}

/** Numeric ids compare as numbers, others as text. */
export function compareIds(a: string, b: string): number {
  if (/^\d+$/.test(a) && /^\d+$/.test(b)) {
    if (a.length !== b.length) return a.length - b.length;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

/** One Intercom workspace: its catalogue, its people and its records, all in memory. */
export class Workspace {
  readonly admins = new Map<string, AdminRec>();
  readonly teams = new Map<string, TeamRec>();
  readonly tags = new Map<string, TagRec>();
  readonly dataAttributes: DataAttributeRec[] = [];
  readonly ticketTypes = new Map<string, TicketTypeRec>();
  readonly ticketStates = new Map<string, TicketStateRec>();
  readonly companies = new Map<string, CompanyRec>();
  readonly contacts = new Map<string, ContactRec>();
  readonly segments = new Map<string, SegmentRec>();
  readonly conversations = new Map<string, ConversationRec>();
  readonly tickets = new Map<string, TicketRec>();

  /** Records in search order (see byCreatedDesc), kept up to date on insert and delete. */
  private ordered: { conversations?: ConversationRec[]; tickets?: TicketRec[]; contacts?: ContactRec[] } = {};

  private counters: { part: number; conversation: number; ticketNumber: number; source: number };

  constructor(
    readonly info: WorkspaceInfo,
    /** Where this workspace's numeric ids start, so two workspaces never share one. */
    readonly idBase: number,
  ) {
    this.counters = { part: idBase * 10, conversation: idBase, ticketNumber: 0, source: idBase * 100 };
  }

  nextPartId(): string {
    return String(++this.counters.part);
  }

  nextConversationId(): string {
    return String(++this.counters.conversation);
  }

  nextSourceId(): string {
    return String(++this.counters.source);
  }

  nextTicketNumber(): string {
    return String(++this.counters.ticketNumber);
  }

  addConversation(rec: ConversationRec): void {
    this.conversations.set(rec.id, rec);
    this.ordered.conversations = undefined;
  }

  addTicket(rec: TicketRec): void {
    this.tickets.set(rec.id, rec);
    this.ordered.tickets = undefined;
  }

  deleteTicket(id: string): void {
    this.tickets.delete(id);
    this.ordered.tickets = undefined;
  }

  addContact(rec: ContactRec): void {
    this.contacts.set(rec.id, rec);
    this.ordered.contacts = undefined;
  }

  orderedConversations(): ConversationRec[] {
    return (this.ordered.conversations ??= [...this.conversations.values()].sort(byCreatedDesc));
  }

  orderedTickets(): TicketRec[] {
    return (this.ordered.tickets ??= [...this.tickets.values()].sort(byCreatedDesc));
  }

  orderedContacts(): ContactRec[] {
    return (this.ordered.contacts ??= [...this.contacts.values()].sort(byCreatedDesc));
  }

  /** The admin shown as author when Intercom itself acts (the "Operator" bot). */
  operator(): { type: "bot"; id: string; name: string; email: string } {
    return {
      type: "bot",
      id: String(this.idBase + 999),
      name: "Operator",
      email: `operator+${this.info.id_code}@intercom.io`,
    };
  }
}
