import { Link2, Ticket as TicketIcon, User } from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";
import type { LinkedRecord } from "@/lib/records/detail-types";
import type { ContactRef } from "@/lib/records/types";

/** One titled block of a record's side panel. */
export function PanelSection({ title, children, action }: { title: string; children: ReactNode; action?: ReactNode }) {
  return (
    <section aria-label={title} className="space-y-2 border-b pb-4 last:border-b-0">
      <div className="flex items-center justify-between gap-2">
        <h2 className="text-xs font-semibold uppercase tracking-wide text-muted-foreground">{title}</h2>
        {action}
      </div>
      {children}
    </section>
  );
}

/** A label and its value, as a row of a definition list. */
export function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="flex items-baseline justify-between gap-3 py-0.5 text-sm">
      <dt className="text-muted-foreground">{label}</dt>
      <dd className="min-w-0 truncate text-right">{children}</dd>
    </div>
  );
}

export function ContactList({ ws, contacts }: { ws: string; contacts: ContactRef[] }) {
  if (contacts.length === 0) return <p className="text-sm text-muted-foreground">No contacts</p>;
  return (
    <ul className="space-y-1.5">
      {contacts.map((c) => (
        <li key={c.id} className="flex items-start gap-2 text-sm">
          <User className="mt-0.5 size-4 shrink-0 text-muted-foreground" aria-hidden="true" />
          <span className="min-w-0">
            <Link
              prefetch={false}
              href={`/w/${ws}/contacts/${c.id}`}
              className="block truncate font-medium hover:underline"
            >
              {c.name || c.email || `Contact ${c.id}`}
            </Link>
            {c.name && c.email && <span className="block truncate text-xs text-muted-foreground">{c.email}</span>}
          </span>
        </li>
      ))}
    </ul>
  );
}

export function LinkedList({ ws, linked }: { ws: string; linked: LinkedRecord[] }) {
  if (linked.length === 0) return <p className="text-sm text-muted-foreground">Nothing linked</p>;
  return (
    <ul className="space-y-1.5">
      {linked.map((l) => (
        <li key={`${l.type}-${l.id}`} className="flex items-center gap-2 text-sm">
          {l.type === "ticket" ? (
            <TicketIcon className="size-4 shrink-0 text-muted-foreground" aria-hidden="true" />
          ) : (
            <Link2 className="size-4 shrink-0 text-muted-foreground" aria-hidden="true" />
          )}
          <Link
            prefetch={false}
            href={`/w/${ws}/${l.type === "ticket" ? "tickets" : "conversations"}/${l.id}`}
            className="min-w-0 truncate hover:underline"
          >
            {l.title ?? `${l.type === "ticket" ? "Ticket" : "Conversation"} ${l.id}`}
          </Link>
          {l.category && <span className="text-xs text-muted-foreground">{l.category}</span>}
        </li>
      ))}
    </ul>
  );
}
