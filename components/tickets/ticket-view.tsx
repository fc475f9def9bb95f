"use client";

import { useQuery } from "@tanstack/react-query";
import { AlarmClockOff, CheckCircle2, Keyboard, Replace, RotateCcw, Trash2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useMemo, useRef, useState } from "react";
import { toast } from "@/lib/notify";
import { AssigneeFields } from "@/components/records/assignee-fields";
import { DetailLayout } from "@/components/records/detail-layout";
import { ReplyBox, type ReplyBoxHandle } from "@/components/records/reply-box";
import { useShortcuts, type Shortcut } from "@/components/records/shortcuts";
import { ContactList, Fact, LinkedList, PanelSection } from "@/components/records/side-panel";
import { LazySnoozeMenu, MoreActions } from "@/components/records/lazy-controls";
import { TagEditor } from "@/components/records/tag-editor";
import { Timeline } from "@/components/records/timeline";
import { StateBadge } from "@/components/search/columns/cells";
import { useWorkspace } from "@/components/shell/workspace-context";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { ConfirmDialog, ShortcutsHelp } from "@/components/records/lazy-dialogs";
import { NativeSelect } from "@/components/ui/native-select";
import { Switch } from "@/components/ui/switch";
import { formatDateTime } from "@/lib/format/time";
import { useWorkspaceCatalog } from "@/lib/queries/catalog";
import { ticketDetailQuery, useTicketAction } from "@/lib/queries/records";
import type { TicketChange } from "@/lib/changes/schema";
import type { TicketDetail } from "@/lib/records/detail-types";
import { stateCategoryLabel } from "@/lib/tickets/labels";
import { namesFrom } from "@/components/records/names";
import { ChangeTypeDialog } from "./lazy-change-type";
import { TicketAttributes } from "./ticket-attributes";

const INTERNAL_ONLY =
  "Back-office and Tracker tickets are internal: customers cannot be replied to here, so add a note instead.";

export function TicketView({ id, initial }: { id: string; initial: TicketDetail }) {
  const workspace = useWorkspace();
  const ws = workspace.id;
  const tz = workspace.timezone;
  const router = useRouter();
  const { data: ticket } = useQuery({ ...ticketDetailQuery(ws, id), initialData: initial });
  const { data: catalog } = useWorkspaceCatalog(ws);
  const action = useTicketAction(ws, id);
  const reply = useRef<ReplyBoxHandle>(null);
  const [snoozeOpen, setSnoozeOpen] = useState(false);
  const [assignOpen, setAssignOpen] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [changingType, setChangingType] = useState(false);
  const names = useMemo(() => namesFrom(catalog), [catalog]);

  const run = (a: TicketChange, success?: string) => action.mutateAsync({ action: a, success }).catch(() => undefined);
  const setOpen = (open: boolean) => {
    if (ticket.open === open) {
      toast.info(open ? "This ticket is already open." : "This ticket is already closed.");
      return;
    }
    void run({ type: open ? "reopen" : "close" }, open ? "Ticket reopened" : "Ticket closed");
  };

  const shortcuts: Shortcut[] = [
    { key: "r", label: "Reply to the customer", run: () => reply.current?.start("comment") },
    { key: "n", label: "Add an internal note", run: () => reply.current?.start("note") },
    { key: "a", label: "Assign to a teammate", run: () => setAssignOpen(true) },
    { key: "c", label: "Close the ticket", run: () => setOpen(false) },
    { key: "s", label: "Snooze", run: () => setSnoozeOpen(true) },
  ];
  const { helpOpen, setHelpOpen } = useShortcuts(shortcuts);

  const remove = async () => {
    try {
      await action.mutateAsync({ action: { type: "delete", confirm: ticket.ticketNumber }, silent: true });
      toast.success(`Ticket #${ticket.ticketNumber} was deleted`);
      router.push(`/w/${ws}/tickets`);
    } catch (e) {
      toast.error((e as Error).message);
    }
  };

  const previous = ticket.previousStateId
    ? ticket.type.ticket_states.find((s) => s.id === ticket.previousStateId)
    : undefined;
  const contactName = ticket.contacts[0]?.name ?? ticket.contacts[0]?.email ?? "the customer";
  const states = ticket.type.ticket_states;
  const categories = [...new Set(states.map((s) => s.category))];

  return (
    <DetailLayout
      back={{ href: `/w/${ws}/tickets`, label: "Tickets" }}
      header={
        <>
          <p className="flex flex-wrap items-center gap-x-2 text-sm text-muted-foreground">
            {ticket.type.icon && <span aria-hidden="true">{ticket.type.icon}</span>}
            <span>{ticket.type.name}</span>
            <span aria-hidden="true">·</span>
            <span>{ticket.category}</span>
          </p>
          <h1 className="text-xl font-semibold">
            <span className="mr-2 font-mono text-muted-foreground">#{ticket.ticketNumber}</span>
            {ticket.title || "Untitled ticket"}
          </h1>
          <div className="flex flex-wrap items-center gap-2 text-sm">
            <StateBadge category={ticket.state.category} label={ticket.state.internal_label} />
            <Badge variant={ticket.open ? "default" : "secondary"}>{ticket.open ? "Open" : "Closed"}</Badge>
            <Badge variant="outline">{ticket.isShared ? "Shared with customer" : "Not shared"}</Badge>
            {ticket.snoozedUntil !== null && ticket.open && (
              <Badge variant="secondary">Snoozed until {formatDateTime(ticket.snoozedUntil, tz)}</Badge>
            )}
            {ticket.previousStateId && (
              <span className="text-muted-foreground">
                Previously {previous ? previous.internal_label : "a state of another type"}
              </span>
            )}
          </div>
        </>
      }
      toolbar={
        <>
          <label className="sr-only" htmlFor="ticket-state">
            State
          </label>
          <NativeSelect
            id="ticket-state"
            className="w-56"
            value={ticket.state.id}
            onChange={(e) =>
              void run({ type: "set_state", states: { [ticket.type.id]: e.target.value } }, "State changed")
            }
          >
            {categories.map((c) => (
              <optgroup key={c} label={stateCategoryLabel(c)}>
                {states
                  .filter((s) => s.category === c)
                  .map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.internal_label}
                    </option>
                  ))}
              </optgroup>
            ))}
          </NativeSelect>
          {ticket.open ? (
            <Button variant="outline" size="sm" onClick={() => setOpen(false)}>
              <CheckCircle2 aria-hidden="true" /> Close
            </Button>
          ) : (
            <Button variant="outline" size="sm" onClick={() => setOpen(true)}>
              <RotateCcw aria-hidden="true" /> Reopen
            </Button>
          )}
          <LazySnoozeMenu
            open={snoozeOpen}
            onOpenChange={setSnoozeOpen}
            timezone={tz}
            disabled={!ticket.open}
            onSnooze={(until) => void run({ type: "snooze", until }, `Snoozed until ${formatDateTime(until, tz)}`)}
          />
          {ticket.open && ticket.snoozedUntil !== null && (
            <Button variant="outline" size="sm" onClick={() => void run({ type: "unsnooze" }, "Unsnoozed")}>
              <AlarmClockOff aria-hidden="true" /> Unsnooze
            </Button>
          )}
          <MoreActions
            items={[
              {
                label: "Change type…",
                icon: <Replace aria-hidden="true" />,
                disabled: !catalog,
                onSelect: () => setChangingType(true),
              },
              { label: "Keyboard shortcuts", icon: <Keyboard aria-hidden="true" />, onSelect: () => setHelpOpen(true) },
              "separator",
              {
                label: "Delete ticket…",
                icon: <Trash2 aria-hidden="true" />,
                destructive: true,
                onSelect: () => setConfirmDelete(true),
              },
            ]}
          />
        </>
      }
      aside={
        <>
          <PanelSection title="Assignment">
            <AssigneeFields
              catalog={catalog}
              adminId={ticket.adminAssigneeId}
              teamId={ticket.teamAssigneeId}
              adminOpen={assignOpen}
              onAdminOpenChange={setAssignOpen}
              onAssign={(a, success) => void run(a, success)}
            />
            <div className="flex items-center justify-between gap-2 pt-1">
              <label htmlFor="ticket-shared" className="text-sm font-medium">
                Shared with the customer
              </label>
              <Switch
                id="ticket-shared"
                checked={ticket.isShared}
                onCheckedChange={(shared) =>
                  void run({ type: "set_shared", shared }, shared ? "Shared with the customer" : "No longer shared")
                }
              />
            </div>
          </PanelSection>
          <PanelSection title="Tags">
            <TagEditor
              tags={ticket.tags ?? []}
              all={catalog?.tags ?? []}
              onAdd={(tag_id) => void run({ type: "add_tag", tag_id })}
              onRemove={(tag_id) => void run({ type: "remove_tag", tag_id })}
            />
          </PanelSection>
          <PanelSection title="Contacts">
            <ContactList ws={ws} contacts={ticket.contacts} />
          </PanelSection>
          <PanelSection title="Linked">
            <LinkedList ws={ws} linked={ticket.linked} />
          </PanelSection>
          <PanelSection title="Details">
            <dl>
              <Fact label="Created">{formatDateTime(ticket.createdAt, tz)}</Fact>
              <Fact label="Updated">{formatDateTime(ticket.updatedAt, tz)}</Fact>
              <Fact label="Ticket id">{ticket.id}</Fact>
            </dl>
          </PanelSection>
        </>
      }
    >
      <Card>
        <CardHeader>
          <CardTitle>Attributes</CardTitle>
        </CardHeader>
        <CardContent>
          <TicketAttributes
            attributes={ticket.type.ticket_type_attributes}
            values={ticket.attributes}
            timezone={tz}
            onSave={(name, value) =>
              action.mutateAsync({
                action: { type: "set_attributes", attributes: { [name]: value } },
                success: "Saved",
                silent: true,
              })
            }
          />
        </CardContent>
      </Card>
      <Timeline parts={ticket.parts} names={names} timezone={tz} label="Ticket timeline" />
      <ReplyBox
        ref={reply}
        recipient={contactName}
        draftKey={`reply:${ws}:ticket:${ticket.id}`}
        replyDisabledReason={ticket.category === "Customer" ? null : INTERNAL_ONLY}
        onSend={(kind, body) =>
          action.mutateAsync({
            action: { type: "reply", kind, body },
            success: kind === "note" ? "Note added" : "Reply sent",
            silent: true,
          })
        }
      />
      {helpOpen && <ShortcutsHelp open onOpenChange={setHelpOpen} shortcuts={shortcuts} />}
      {changingType && catalog && (
        <ChangeTypeDialog
          ticket={ticket}
          types={catalog.ticketTypes}
          timezone={tz}
          workspace={ws}
          onClose={() => setChangingType(false)}
        />
      )}
      {confirmDelete && (
        <ConfirmDialog
          open
          onOpenChange={setConfirmDelete}
          title={`Delete ticket #${ticket.ticketNumber}?`}
          description={
            <>
              <p>The ticket, its attributes and its timeline are deleted in Intercom. This cannot be undone.</p>
            </>
          }
          confirmLabel="Delete ticket"
          destructive
          typeToConfirm={ticket.ticketNumber}
          pending={action.isPending}
          onConfirm={() => void remove()}
        />
      )}
    </DetailLayout>
  );
}
