"use client";

import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useMemo, useRef, useState } from "react";
import { toast } from "@/lib/notify";
import { DetailLayout } from "@/components/records/detail-layout";
import { ReplyBox, type ReplyBoxHandle } from "@/components/records/reply-box";
import { useShortcuts, type Shortcut } from "@/components/records/shortcuts";
import { Timeline } from "@/components/records/timeline";
import { useWorkspace } from "@/components/shell/workspace-context";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { ConfirmDialog, ShortcutsHelp } from "@/components/records/lazy-dialogs";
import { useWorkspaceCatalog } from "@/lib/queries/catalog";
import { ticketDetailQuery, useTicketAction } from "@/lib/queries/records";
import type { TicketChange } from "@/lib/changes/schema";
import type { TicketDetail } from "@/lib/records/detail-types";
import { namesFrom } from "@/components/records/names";
import { ChangeTypeDialog } from "./lazy-change-type";
import { TicketAside } from "./ticket-aside";
import { TicketAttributes } from "./ticket-attributes";
import { TicketHeader } from "./ticket-header";
import { TicketToolbar } from "./ticket-toolbar";

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

  const contactName = ticket.contacts[0]?.name ?? ticket.contacts[0]?.email ?? "the customer";

  return (
    <DetailLayout
      back={{ href: `/w/${ws}/tickets`, label: "Tickets" }}
      header={<TicketHeader ticket={ticket} tz={tz} />}
      toolbar={
        <TicketToolbar
          ticket={ticket}
          tz={tz}
          canChangeType={Boolean(catalog)}
          run={run}
          setOpen={setOpen}
          snoozeOpen={snoozeOpen}
          setSnoozeOpen={setSnoozeOpen}
          setChangingType={setChangingType}
          setHelpOpen={setHelpOpen}
          setConfirmDelete={setConfirmDelete}
        />
      }
      aside={
        <TicketAside
          ticket={ticket}
          ws={ws}
          tz={tz}
          catalog={catalog}
          run={run}
          assignOpen={assignOpen}
          setAssignOpen={setAssignOpen}
        />
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
