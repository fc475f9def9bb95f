import Link from "next/link";
import type { TicketRow } from "@/lib/records/types";
import { ContactCell, DateCell, Muted, PersonCell, StateBadge } from "./cells";
import type { CellContext, Column } from "./context";

export function ticketColumns(ctx: CellContext): Column<TicketRow>[] {
  const href = (t: TicketRow) => `/w/${ctx.ws}/tickets/${t.id}`;
  return [
    {
      id: "ticket_id",
      header: "Number",
      cell: ({ row }) => (
        <Link
          prefetch={false}
          href={href(row.original)}
          className="font-mono text-xs font-medium text-primary hover:underline"
        >
          #{row.original.ticketNumber}
        </Link>
      ),
    },
    {
      id: "title",
      header: "Title",
      cell: ({ row }) => (
        <Link
          prefetch={false}
          href={href(row.original)}
          className="line-clamp-2 min-w-64 max-w-md font-medium hover:underline"
        >
          {row.original.title}
        </Link>
      ),
    },
    {
      id: "type",
      header: "Type",
      cell: ({ row }) => (
        <span className="whitespace-nowrap">
          <span aria-hidden="true">{row.original.type.icon} </span>
          {row.original.type.name}
        </span>
      ),
    },
    {
      id: "state",
      header: "State",
      cell: ({ row }) => <StateBadge category={row.original.state.category} label={row.original.state.label} />,
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
    { id: "contact", header: "Contact", cell: ({ row }) => <ContactCell contacts={row.original.contacts} ctx={ctx} /> },
    { id: "created_at", header: "Created", cell: ({ row }) => <DateCell ts={row.original.createdAt} ctx={ctx} /> },
    {
      id: "updated_at",
      header: "Updated",
      cell: ({ row }) => <DateCell ts={row.original.updatedAt} ctx={ctx} relative />,
    },
    { id: "open", header: "Open", cell: ({ row }) => (row.original.open ? "Open" : <Muted>Closed</Muted>) },
  ];
}
