"use client";

import { ChevronLeft, Search } from "lucide-react";
import Link from "next/link";
import { useMemo, type ReactNode } from "react";
import { namesFrom } from "@/components/records/names";
import { Fact, PanelSection } from "@/components/records/side-panel";
import { StateBadge } from "@/components/search/columns/cells";
import { useWorkspace } from "@/components/shell/workspace-context";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { ContactDetail } from "@/lib/contacts/types";
import { formatDateTime } from "@/lib/format/time";
import { useWorkspaceCatalog } from "@/lib/queries/catalog";
import { filterNode, groupNode } from "@/lib/search/model";
import { encodeQuery } from "@/lib/search/url";
import { RelativeTime } from "@/components/ui/relative-time";

const numbers = new Intl.NumberFormat("en");

/** The builder's address for a contact's open conversations or tickets. */
function searchLink(ws: string, resource: "conversations" | "tickets", contactId: string): string {
  const root = groupNode("AND", [filterNode("contact_ids", "=", contactId), filterNode("open", "=", true)]);
  return `/w/${ws}/${resource}?q=${encodeQuery({ resource, root })}`;
}

function OpenList({
  title,
  total,
  shown,
  searchHref,
  empty,
  children,
}: {
  title: string;
  total: number;
  shown: number;
  searchHref: string;
  empty: string;
  children: ReactNode;
}) {
  return (
    <Card>
      <CardHeader className="flex-row items-start justify-between gap-3">
        <div className="space-y-1">
          <CardTitle>{title}</CardTitle>
          <CardDescription>
            {total === 0
              ? empty
              : shown < total
                ? `The newest ${shown} of ${numbers.format(total)}`
                : `${numbers.format(total)} open`}
          </CardDescription>
        </div>
        <Link
          href={searchHref}
          aria-label={`Open all ${title.toLowerCase()} in search`}
          className="inline-flex shrink-0 items-center gap-1 text-xs font-medium text-primary hover:underline"
        >
          <Search className="size-3.5" aria-hidden="true" /> Open in search
        </Link>
      </CardHeader>
      {shown > 0 && (
        <CardContent>
          <ul className="divide-y">{children}</ul>
        </CardContent>
      )}
    </Card>
  );
}

function valueText(value: string | number | boolean | null, dataType: string, timezone: string): string {
  if (value === null || value === "") return "–";
  if (typeof value === "boolean") return value ? "Yes" : "No";
  if (dataType === "date" && typeof value === "number") return formatDateTime(value, timezone);
  return typeof value === "number" ? numbers.format(value) : value;
}

/** A contact: who they are, what they belong to, and what is open for them. */
export function ContactView({ contact }: { contact: ContactDetail }) {
  const ws = useWorkspace();
  const tz = ws.timezone;
  const { data: catalog } = useWorkspaceCatalog(ws.id);
  const names = useMemo(() => namesFrom(catalog), [catalog]);
  const display = contact.name || contact.email || `Contact ${contact.id}`;
  const initials = display
    .split(/[\s@.]+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => w[0]?.toUpperCase())
    .join("");

  return (
    <div className="space-y-4">
      <Link
        href={`/w/${ws.id}/contacts`}
        className="inline-flex items-center gap-1 text-sm text-muted-foreground hover:text-foreground"
      >
        <ChevronLeft className="size-4" aria-hidden="true" /> Contacts
      </Link>
      <header className="flex flex-wrap items-center gap-4">
        <span
          aria-hidden="true"
          className="flex size-12 items-center justify-center rounded-full bg-primary/10 text-base font-semibold text-primary"
        >
          {initials || "?"}
        </span>
        <div className="min-w-0 space-y-1">
          <h1 className="text-xl font-semibold">{display}</h1>
          <p className="flex flex-wrap items-center gap-2 text-sm text-muted-foreground">
            <Badge variant={contact.role === "user" ? "default" : "secondary"}>
              {contact.role === "user" ? "User" : "Lead"}
            </Badge>
            {contact.name && contact.email && <span>{contact.email}</span>}
            {contact.location && <span>{contact.location}</span>}
            {contact.externalId && <span>External id {contact.externalId}</span>}
          </p>
        </div>
      </header>

      <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="min-w-0 space-y-4">
          <OpenList
            title="Open conversations"
            total={contact.openConversations.total}
            shown={contact.openConversations.rows.length}
            searchHref={searchLink(ws.id, "conversations", contact.id)}
            empty="No open conversations"
          >
            {contact.openConversations.rows.map((c) => (
              <li key={c.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 py-2 text-sm">
                <Link
                  prefetch={false}
                  href={`/w/${ws.id}/conversations/${c.id}`}
                  className="min-w-0 flex-1 truncate font-medium hover:underline"
                >
                  {c.subject}
                </Link>
                <StateBadge
                  category={c.state}
                  label={c.state === "open" ? "Open" : c.state === "snoozed" ? "Snoozed" : "Closed"}
                />
                <span className="text-xs text-muted-foreground">{names.admin(c.adminAssigneeId) ?? "Unassigned"}</span>
                <span className="text-xs text-muted-foreground" title={formatDateTime(c.updatedAt, tz)}>
                  updated <RelativeTime ts={c.updatedAt} />
                </span>
              </li>
            ))}
          </OpenList>
          <OpenList
            title="Open tickets"
            total={contact.openTickets.total}
            shown={contact.openTickets.rows.length}
            searchHref={searchLink(ws.id, "tickets", contact.id)}
            empty="No open tickets"
          >
            {contact.openTickets.rows.map((t) => (
              <li key={t.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 py-2 text-sm">
                <Link
                  prefetch={false}
                  href={`/w/${ws.id}/tickets/${t.id}`}
                  className="min-w-0 flex-1 truncate font-medium hover:underline"
                >
                  <span className="mr-1.5 font-mono text-xs text-muted-foreground">#{t.ticketNumber}</span>
                  {t.title}
                </Link>
                <span className="text-xs text-muted-foreground">{t.type.name}</span>
                <StateBadge category={t.state.category} label={t.state.label} />
              </li>
            ))}
          </OpenList>
          <Card>
            <CardHeader>
              <CardTitle>Custom attributes</CardTitle>
            </CardHeader>
            <CardContent>
              {contact.customAttributes.length === 0 ? (
                <p className="text-sm text-muted-foreground">None set</p>
              ) : (
                <dl className="grid gap-x-6 sm:grid-cols-2">
                  {contact.customAttributes.map((a) => (
                    <Fact key={a.name} label={a.label}>
                      {valueText(a.value, a.dataType, tz)}
                    </Fact>
                  ))}
                </dl>
              )}
            </CardContent>
          </Card>
        </div>

        <aside aria-label="Profile" className="space-y-4 rounded-lg border bg-card p-4">
          <PanelSection title="Profile">
            <dl>
              <Fact label="Email">{contact.email ?? "–"}</Fact>
              <Fact label="Phone">{contact.phone ?? "–"}</Fact>
              <Fact label="Owner">
                {contact.ownerId ? (names.admin(contact.ownerId) ?? `Teammate ${contact.ownerId}`) : "–"}
              </Fact>
              <Fact label="Created">{formatDateTime(contact.createdAt, tz)}</Fact>
              <Fact label="Signed up">{formatDateTime(contact.signedUpAt, tz)}</Fact>
              <Fact label="Last seen">{contact.lastSeenAt ? <RelativeTime ts={contact.lastSeenAt} /> : "–"}</Fact>
              <Fact label="Last replied">
                {contact.lastRepliedAt ? <RelativeTime ts={contact.lastRepliedAt} /> : "–"}
              </Fact>
              <Fact label="Last contacted">
                {contact.lastContactedAt ? <RelativeTime ts={contact.lastContactedAt} /> : "–"}
              </Fact>
              <Fact label="Browser">{[contact.browser, contact.os].filter(Boolean).join(" on ") || "–"}</Fact>
              <Fact label="Language">{contact.language ?? "–"}</Fact>
              <Fact label="Email status">
                {contact.emailStatus.hardBounced
                  ? "Bounced"
                  : contact.emailStatus.markedAsSpam
                    ? "Marked as spam"
                    : contact.emailStatus.unsubscribed
                      ? "Unsubscribed"
                      : "Subscribed"}
              </Fact>
            </dl>
          </PanelSection>
          <PanelSection title="Companies">
            {contact.companies.length === 0 ? (
              <p className="text-sm text-muted-foreground">No company</p>
            ) : (
              <ul className="space-y-1 text-sm">
                {contact.companies.map((c) => (
                  <li key={c.id} className="flex items-baseline justify-between gap-2">
                    <span className="truncate font-medium">{c.name}</span>
                    <span className="shrink-0 text-xs text-muted-foreground">
                      {[c.plan, c.userCount !== null ? `${numbers.format(c.userCount)} people` : null]
                        .filter(Boolean)
                        .join(" · ")}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </PanelSection>
          <PanelSection title="Tags">
            {contact.tags.length === 0 ? (
              <p className="text-sm text-muted-foreground">No tags</p>
            ) : (
              <ul className="flex flex-wrap gap-1.5">
                {contact.tags.map((t) => (
                  <li key={t.id}>
                    <Badge variant="secondary">{t.name}</Badge>
                  </li>
                ))}
              </ul>
            )}
          </PanelSection>
          <PanelSection title="Segments">
            {contact.segments.length === 0 ? (
              <p className="text-sm text-muted-foreground">In no segment</p>
            ) : (
              <ul className="space-y-1 text-sm">
                {contact.segments.map((s) => (
                  <li key={s.id}>
                    <Link prefetch={false} href={`/w/${ws.id}/segments/${s.id}`} className="hover:underline">
                      {s.name}
                    </Link>
                  </li>
                ))}
              </ul>
            )}
          </PanelSection>
        </aside>
      </div>
    </div>
  );
}
