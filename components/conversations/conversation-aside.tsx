"use client";

import { AssigneeFields, type AssignAction } from "@/components/records/assignee-fields";
import type { Names } from "@/components/records/part-text";
import { ContactList, Fact, LinkedList, PanelSection } from "@/components/records/side-panel";
import { TagEditor } from "@/components/records/tag-editor";
import { formatDateTime, formatDuration } from "@/lib/format/time";
import type { WorkspaceCatalog } from "@/lib/queries/catalog";
import type { ConversationDetail } from "@/lib/records/detail-types";
import { ConversationFacts } from "./conversation-facts";

/** The side facts: assignment, contacts, teammates, tags, its ticket and links, statistics and attributes. */
export function ConversationAside({
  conv,
  ws,
  tz,
  catalog,
  names,
  assignOpen,
  setAssignOpen,
  onAssign,
  onAddTag,
  onRemoveTag,
}: {
  conv: ConversationDetail;
  ws: string;
  tz: string;
  catalog: WorkspaceCatalog | null;
  names: Names;
  assignOpen: boolean;
  setAssignOpen: (open: boolean) => void;
  onAssign: (a: AssignAction, success: string) => void;
  onAddTag: (tagId: string) => void;
  onRemoveTag: (tagId: string) => void;
}) {
  return (
    <>
      <PanelSection title="Assignment">
        <AssigneeFields
          catalog={catalog}
          adminId={conv.adminAssigneeId}
          teamId={conv.teamAssigneeId}
          adminOpen={assignOpen}
          onAdminOpenChange={setAssignOpen}
          onAssign={onAssign}
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
        <TagEditor tags={conv.tags} all={catalog?.tags ?? []} onAdd={onAddTag} onRemove={onRemoveTag} />
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
  );
}
