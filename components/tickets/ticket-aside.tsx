"use client";

import { AssigneeFields } from "@/components/records/assignee-fields";
import { ContactList, Fact, LinkedList, PanelSection } from "@/components/records/side-panel";
import { TagEditor } from "@/components/records/tag-editor";
import { Switch } from "@/components/ui/switch";
import type { WorkspaceCatalog } from "@/lib/catalog/types";
import type { TicketChange } from "@/lib/changes/schema";
import { formatDateTime } from "@/lib/format/time";
import type { TicketDetail } from "@/lib/records/detail-types";

/** The ticket's side panel: assignment and sharing, tags, contacts, linked records and details. */
export function TicketAside({
  ticket,
  ws,
  tz,
  catalog,
  run,
  assignOpen,
  setAssignOpen,
}: {
  ticket: TicketDetail;
  ws: string;
  tz: string;
  catalog: WorkspaceCatalog | null;
  run: (a: TicketChange, success?: string) => Promise<unknown>;
  assignOpen: boolean;
  setAssignOpen: (open: boolean) => void;
}) {
  return (
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
  );
}
