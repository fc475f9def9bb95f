import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { PRIORITY_LEVEL_LABELS } from "@/lib/intercom/versions";
import type { ConversationRow } from "@/lib/records/types";
import { ContactCell, DateCell, Muted, PersonCell, StateBadge, TagList } from "./cells";
import type { CellContext, Column } from "./context";

const STATE_LABEL = { open: "Open", closed: "Closed", snoozed: "Snoozed" } as const;

export function conversationColumns(ctx: CellContext): Column<ConversationRow>[] {
  return [
    {
      id: "subject",
      header: "Subject",
      cell: ({ row }) => (
        <Link
          prefetch={false}
          href={`/w/${ctx.ws}/conversations/${row.original.id}`}
          className="line-clamp-2 min-w-64 max-w-md font-medium hover:underline"
        >
          {row.original.subject}
        </Link>
      ),
    },
    { id: "contact", header: "Contact", cell: ({ row }) => <ContactCell contacts={row.original.contacts} ctx={ctx} /> },
    {
      id: "state",
      header: "State",
      cell: ({ row }) => <StateBadge category={row.original.state} label={STATE_LABEL[row.original.state]} />,
    },
    {
      id: "priority",
      header: "Priority",
      cell: ({ row }) => {
        const { priority, priorityLevel } = row.original;
        if (!priority) return <Muted>–</Muted>;
        // A version with levels names the level; one with the flag only says it is a priority.
        return (
          <Badge variant="destructive">
            {priorityLevel && priorityLevel !== "none" ? PRIORITY_LEVEL_LABELS[priorityLevel] : "Priority"}
          </Badge>
        );
      },
    },
    {
      id: "assignee",
      header: "Assignee",
      cell: ({ row }) => <PersonCell name={ctx.admin(row.original.adminAssigneeId)} />,
    },
    {
      id: "team",
      header: "Team",
      cell: ({ row }) => <PersonCell name={ctx.team(row.original.teamAssigneeId)} fallback="No team" />,
    },
    {
      id: "waiting_since",
      header: "Waiting since",
      cell: ({ row }) => <DateCell ts={row.original.waitingSince} ctx={ctx} relative />,
    },
    { id: "tags", header: "Tags", cell: ({ row }) => <TagList names={row.original.tags.map((t) => t.name)} /> },
    {
      id: "channel",
      header: "Channel",
      cell: ({ row }) => <span className="whitespace-nowrap">{row.original.channel}</span>,
    },
    { id: "created_at", header: "Created", cell: ({ row }) => <DateCell ts={row.original.createdAt} ctx={ctx} /> },
    {
      id: "updated_at",
      header: "Updated",
      cell: ({ row }) => <DateCell ts={row.original.updatedAt} ctx={ctx} relative />,
    },
  ];
}
