"use client";

import { useQuery } from "@tanstack/react-query";
import {
  AlarmClockOff,
  Bot,
  CheckCheck,
  CheckCircle2,
  EyeOff,
  Keyboard,
  RotateCcw,
  Star,
  Ticket as TicketIcon,
} from "lucide-react";
import Link from "next/link";
import { useMemo, useRef, useState } from "react";
import { toast } from "@/lib/notify";
import { AssigneeFields, assigned } from "@/components/records/assignee-fields";
import { DetailLayout } from "@/components/records/detail-layout";
import { MessageBody } from "@/components/records/message-body";
import { isMessage } from "@/components/records/part-text";
import { namesFrom } from "@/components/records/names";
import { ReplyBox, type ReplyBoxHandle } from "@/components/records/reply-box";
import { useShortcuts, type Shortcut } from "@/components/records/shortcuts";
import { ConfirmDialog, ShortcutsHelp } from "@/components/records/lazy-dialogs";
import { LazySnoozeMenu, MoreActions } from "@/components/records/lazy-controls";
import { ContactList, Fact, LinkedList, PanelSection } from "@/components/records/side-panel";
import { TagEditor } from "@/components/records/tag-editor";
import { Timeline } from "@/components/records/timeline";
import { StateBadge } from "@/components/search/columns/cells";
import { useWorkspace } from "@/components/shell/workspace-context";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { formatDateTime, formatDuration, formatRelative } from "@/lib/format/time";
import { useWorkspaceCatalog } from "@/lib/queries/catalog";
import { conversationDetailQuery, useConversationAction } from "@/lib/queries/records";
import type { ConversationChange as ConversationAction } from "@/lib/changes/schema";
import type { ConversationDetail, TimelinePart } from "@/lib/records/detail-types";
import { ConversationFacts } from "./conversation-facts";
import { ConvertDialog } from "./lazy-convert";

const STATE_LABEL = { open: "Open", closed: "Closed", snoozed: "Snoozed" } as const;

function optimistic(c: ConversationDetail, a: ConversationAction): ConversationDetail {
  switch (a.type) {
    case "assign_admin":
    case "assign_team":
      return assigned(c, a);
    case "snooze":
      return { ...c, state: "snoozed", snoozedUntil: a.until };
    case "close":
      return { ...c, state: "closed", open: false, snoozedUntil: null };
    case "open":
    case "unsnooze":
      return { ...c, state: "open", open: true, snoozedUntil: null };
    case "set_priority":
      return { ...c, priority: a.priority };
    case "remove_tag":
      return { ...c, tags: c.tags.filter((t) => t.id !== a.tag_id) };
    case "mark_read":
      return { ...c, read: true };
    case "redact":
      return {
        ...c,
        parts: c.parts.map((p) => (p.id === a.part_id ? { ...p, redacted: true, bodyHtml: null, imageHosts: [] } : p)),
      };
    case "redact_source":
      return { ...c, source: { ...c.source, redacted: true, bodyHtml: null, imageHosts: [] } };
    default:
      return c;
  }
}

/** What is being redacted, waiting for the lead's confirmation. */
type RedactTarget = { kind: "part"; part: TimelinePart } | { kind: "source" };

export function ConversationView({ id, initial }: { id: string; initial: ConversationDetail }) {
  const workspace = useWorkspace();
  const ws = workspace.id;
  const tz = workspace.timezone;
  const { data: conv } = useQuery({ ...conversationDetailQuery(ws, id), initialData: initial });
  const { data: catalog } = useWorkspaceCatalog(ws);
  const action = useConversationAction(ws, id);
  const reply = useRef<ReplyBoxHandle>(null);
  const [snoozeOpen, setSnoozeOpen] = useState(false);
  const [assignOpen, setAssignOpen] = useState(false);
  const [redacting, setRedacting] = useState<RedactTarget | null>(null);
  const [converting, setConverting] = useState(false);
  const names = useMemo(() => namesFrom(catalog), [catalog]);

  const run = (a: ConversationAction, success?: string) =>
    action.mutateAsync({ action: a, optimistic, success }).catch(() => undefined);
  const close = () =>
    conv.state === "closed"
      ? toast.info("This conversation is already closed.")
      : void run({ type: "close" }, "Conversation closed");

  const shortcuts: Shortcut[] = [
    { key: "r", label: "Reply to the customer", run: () => reply.current?.start("comment") },
    { key: "n", label: "Add an internal note", run: () => reply.current?.start("note") },
    { key: "a", label: "Assign to a teammate", run: () => setAssignOpen(true) },
    { key: "c", label: "Close the conversation", run: close },
    { key: "s", label: "Snooze", run: () => setSnoozeOpen(true) },
  ];
  const { helpOpen, setHelpOpen } = useShortcuts(shortcuts);

  const redactButton = (part: TimelinePart) =>
    isMessage(part) && !part.redacted && part.bodyHtml ? (
      <Button
        variant="ghost"
        size="icon-sm"
        className="-my-1 size-7"
        aria-label={`Redact the message from ${part.author?.name ?? "this author"}`}
        onClick={() => setRedacting({ kind: "part", part })}
      >
        <EyeOff aria-hidden="true" />
      </Button>
    ) : null;

  const contactName = conv.contacts[0]?.name ?? conv.contacts[0]?.email ?? "the customer";
  const source = conv.source;
  const sourceAuthor = source.author.name ?? source.author.email ?? contactName;

  return (
    <DetailLayout
      back={{ href: `/w/${ws}/conversations`, label: "Conversations" }}
      header={
        <>
          <h1 className="text-xl font-semibold">{conv.title ?? conv.subject}</h1>
          <div className="flex flex-wrap items-center gap-2 text-sm">
            <StateBadge category={conv.state} label={STATE_LABEL[conv.state]} />
            {conv.priority && (
              <Badge variant="warning">
                <Star className="size-3 fill-current" aria-hidden="true" /> Priority
              </Badge>
            )}
            {!conv.read && <Badge variant="default">Unread</Badge>}
            {conv.aiAgentParticipated && (
              <Badge variant="secondary">
                <Bot className="size-3" aria-hidden="true" /> AI agent took part
              </Badge>
            )}
            <span className="text-muted-foreground">
              via {conv.channel.replace(/_/g, " ")}
              {conv.deliveredAs ? ` (${conv.deliveredAs.replace(/_/g, " ")})` : ""}
            </span>
          </div>
          <dl className="flex flex-wrap gap-x-5 gap-y-1 text-sm">
            <div className="flex gap-1.5">
              <dt className="text-muted-foreground">Assignee</dt>
              <dd>{names.admin(conv.adminAssigneeId) ?? "Unassigned"}</dd>
            </div>
            <div className="flex gap-1.5">
              <dt className="text-muted-foreground">Team</dt>
              <dd>{names.team(conv.teamAssigneeId) ?? "None"}</dd>
            </div>
            {conv.waitingSince !== null && (
              <div className="flex gap-1.5">
                <dt className="text-muted-foreground">Waiting since</dt>
                <dd title={formatDateTime(conv.waitingSince, tz)}>{formatRelative(conv.waitingSince)}</dd>
              </div>
            )}
            {conv.snoozedUntil !== null && conv.state === "snoozed" && (
              <div className="flex gap-1.5">
                <dt className="text-muted-foreground">Snoozed until</dt>
                <dd>{formatDateTime(conv.snoozedUntil, tz)}</dd>
              </div>
            )}
            {conv.sla && (
              <div className="flex gap-1.5">
                <dt className="text-muted-foreground">SLA</dt>
                <dd>
                  {conv.sla.name}
                  {conv.sla.status ? ` · ${conv.sla.status.replace(/_/g, " ")}` : ""}
                </dd>
              </div>
            )}
            {conv.rating?.rating != null && (
              <div className="flex gap-1.5">
                <dt className="text-muted-foreground">Rating</dt>
                <dd title={conv.rating.remark ?? undefined}>
                  {conv.rating.rating} / 5{conv.rating.remark ? ` · “${conv.rating.remark}”` : ""}
                </dd>
              </div>
            )}
          </dl>
        </>
      }
      toolbar={
        <>
          {conv.state === "closed" ? (
            <Button variant="outline" size="sm" onClick={() => void run({ type: "open" }, "Conversation reopened")}>
              <RotateCcw aria-hidden="true" /> Reopen
            </Button>
          ) : (
            <Button variant="outline" size="sm" onClick={close}>
              <CheckCircle2 aria-hidden="true" /> Close
            </Button>
          )}
          <LazySnoozeMenu
            open={snoozeOpen}
            onOpenChange={setSnoozeOpen}
            timezone={tz}
            disabled={conv.state === "closed"}
            onSnooze={(until) => void run({ type: "snooze", until }, `Snoozed until ${formatDateTime(until, tz)}`)}
          />
          {conv.state === "snoozed" && (
            <Button variant="outline" size="sm" onClick={() => void run({ type: "unsnooze" }, "Unsnoozed")}>
              <AlarmClockOff aria-hidden="true" /> Unsnooze
            </Button>
          )}
          <Button
            variant="outline"
            size="sm"
            aria-pressed={conv.priority}
            onClick={() =>
              void run(
                { type: "set_priority", priority: !conv.priority },
                conv.priority ? "Priority removed" : "Marked as priority",
              )
            }
          >
            <Star className={conv.priority ? "fill-current text-warning" : undefined} aria-hidden="true" /> Priority
          </Button>
          <Button
            variant="outline"
            size="sm"
            disabled={conv.read}
            onClick={() => void run({ type: "mark_read" }, "Marked as read")}
          >
            <CheckCheck aria-hidden="true" /> {conv.read ? "Read" : "Mark read"}
          </Button>
          {conv.ticket ? (
            <Button variant="outline" size="sm" asChild>
              <Link prefetch={false} href={`/w/${ws}/tickets/${conv.ticket.id}`}>
                <TicketIcon aria-hidden="true" /> Open ticket
                {conv.ticket.ticketNumber ? ` #${conv.ticket.ticketNumber}` : ""}
              </Link>
            </Button>
          ) : (
            <Button variant="outline" size="sm" disabled={!catalog} onClick={() => setConverting(true)}>
              <TicketIcon aria-hidden="true" /> Convert to ticket
            </Button>
          )}
          <MoreActions
            items={[
              { label: "Keyboard shortcuts", icon: <Keyboard aria-hidden="true" />, onSelect: () => setHelpOpen(true) },
            ]}
          />
        </>
      }
      aside={
        <>
          <PanelSection title="Assignment">
            <AssigneeFields
              catalog={catalog}
              adminId={conv.adminAssigneeId}
              teamId={conv.teamAssigneeId}
              adminOpen={assignOpen}
              onAdminOpenChange={setAssignOpen}
              onAssign={(a, success) => void run(a, success)}
            />
          </PanelSection>
          <PanelSection title="Contacts">
            <ContactList ws={ws} contacts={conv.contacts} />
          </PanelSection>
          <PanelSection title="Teammates">
            {conv.teammateIds.length === 0 ? (
              <p className="text-sm text-muted-foreground">No teammates have taken part</p>
            ) : (
              <ul className="space-y-1 text-sm">
                {conv.teammateIds.map((t) => (
                  <li key={t}>{names.admin(t) ?? `Teammate ${t}`}</li>
                ))}
              </ul>
            )}
          </PanelSection>
          <PanelSection title="Tags">
            <TagEditor
              tags={conv.tags}
              all={catalog?.tags ?? []}
              onAdd={(tag_id) => {
                const tag = catalog?.tags.find((t) => t.id === tag_id);
                const add = (c: ConversationDetail) => (tag ? { ...c, tags: [...c.tags, tag] } : c);
                void action
                  .mutateAsync({ action: { type: "add_tag", tag_id }, optimistic: add })
                  .catch(() => undefined);
              }}
              onRemove={(tag_id) => void run({ type: "remove_tag", tag_id })}
            />
          </PanelSection>
          {conv.ticket && (
            <PanelSection title="Ticket">
              <LinkedList
                ws={ws}
                linked={[
                  {
                    type: "ticket",
                    id: conv.ticket.id,
                    category: "Customer",
                    title: conv.ticket.ticketNumber ? `Ticket #${conv.ticket.ticketNumber}` : null,
                  },
                ]}
              />
            </PanelSection>
          )}
          <PanelSection title="Linked">
            <LinkedList
              ws={ws}
              linked={conv.linked.filter((l) => !(conv.ticket && l.type === "ticket" && l.id === conv.ticket.id))}
            />
          </PanelSection>
          <PanelSection title="Statistics">
            <dl>
              <Fact label="Time to assignment">{formatDuration(conv.statistics?.timeToAssignment)}</Fact>
              <Fact label="Time to first reply">{formatDuration(conv.statistics?.timeToAdminReply)}</Fact>
              <Fact label="Time to first close">{formatDuration(conv.statistics?.timeToFirstClose)}</Fact>
              <Fact label="Median time to reply">{formatDuration(conv.statistics?.medianTimeToReply)}</Fact>
              <Fact label="Reopens">{conv.statistics?.countReopens ?? "–"}</Fact>
              <Fact label="Assignments">{conv.statistics?.countAssignments ?? "–"}</Fact>
              <Fact label="Parts">{conv.statistics?.countParts ?? conv.parts.length}</Fact>
              <Fact label="Last closed">{formatDateTime(conv.statistics?.lastCloseAt, tz)}</Fact>
            </dl>
          </PanelSection>
          <ConversationFacts conv={conv} catalog={catalog} timezone={tz} />
        </>
      }
    >
      <article aria-label={`First message from ${sourceAuthor}`} className="rounded-lg border bg-card p-4">
        <header className="mb-2 flex flex-wrap items-center gap-x-2 gap-y-1">
          <span className="text-sm font-medium">{sourceAuthor}</span>
          <span className="text-xs text-muted-foreground">started this {formatDateTime(conv.createdAt, tz)}</span>
          {!source.redacted && source.bodyHtml && (
            <Button
              variant="ghost"
              size="icon-sm"
              className="ml-auto size-7"
              aria-label="Redact the first message"
              onClick={() => setRedacting({ kind: "source" })}
            >
              <EyeOff aria-hidden="true" />
            </Button>
          )}
        </header>
        {conv.subject && conv.title === null && source.bodyHtml === null && <p className="text-sm">{conv.subject}</p>}
        {source.redacted ? (
          <p className="flex items-center gap-1.5 text-sm italic text-muted-foreground">
            <EyeOff className="size-3.5" aria-hidden="true" /> This message was redacted.
          </p>
        ) : source.bodyHtml ? (
          <MessageBody html={source.bodyHtml} imageHosts={source.imageHosts} />
        ) : (
          <p className="text-sm text-muted-foreground">No text.</p>
        )}
      </article>
      <Timeline
        parts={conv.parts}
        names={names}
        timezone={tz}
        label="Conversation timeline"
        partActions={redactButton}
      />
      <ReplyBox
        ref={reply}
        recipient={contactName}
        draftKey={`reply:${ws}:conversation:${conv.id}`}
        onSend={(kind, body) =>
          action.mutateAsync({
            action: { type: "reply", kind, body },
            success: kind === "note" ? "Note added" : "Reply sent",
            silent: true,
          })
        }
      />
      {helpOpen && <ShortcutsHelp open onOpenChange={setHelpOpen} shortcuts={shortcuts} />}
      {converting && catalog && (
        <ConvertDialog
          conversation={conv}
          types={catalog.ticketTypes}
          timezone={tz}
          workspace={ws}
          onClose={() => setConverting(false)}
        />
      )}
      {redacting !== null && (
        <ConfirmDialog
          open
          onOpenChange={(o) => !o && setRedacting(null)}
          title="Redact this message?"
          description={
            <p>
              Its text is removed for everyone, in Intercom too, and replaced with a note that it was redacted. This
              cannot be undone.
            </p>
          }
          confirmLabel="Redact message"
          destructive
          pending={action.isPending}
          onConfirm={() => {
            const target = redacting;
            setRedacting(null);
            if (target?.kind === "part") void run({ type: "redact", part_id: target.part.id }, "Message redacted");
            else if (target?.kind === "source") void run({ type: "redact_source" }, "Message redacted");
          }}
        />
      )}
    </DetailLayout>
  );
}
