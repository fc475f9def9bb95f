import Link from "next/link";
import type { ContactRow } from "@/lib/records/types";
import { DateCell, Muted, TagList } from "./cells";
import type { CellContext, Column } from "./context";

export function contactColumns(ctx: CellContext): Column<ContactRow>[] {
  return [
    {
      id: "name",
      header: "Name",
      cell: ({ row }) => (
        <Link
          prefetch={false}
          href={`/w/${ctx.ws}/contacts/${row.original.id}`}
          className="whitespace-nowrap font-medium hover:underline"
        >
          {row.original.name || row.original.email || "Unnamed contact"}
        </Link>
      ),
    },
    { id: "email", header: "Email", cell: ({ row }) => row.original.email ?? <Muted>–</Muted> },
    { id: "role", header: "Role", cell: ({ row }) => (row.original.role === "user" ? "User" : "Lead") },
    {
      id: "company",
      header: "Company",
      cell: ({ row }) =>
        row.original.companies.length ? row.original.companies.map((c) => c.name).join(", ") : <Muted>–</Muted>,
    },
    {
      id: "last_seen_at",
      header: "Last seen",
      cell: ({ row }) => <DateCell ts={row.original.lastSeenAt} ctx={ctx} relative />,
    },
    { id: "tags", header: "Tags", cell: ({ row }) => <TagList names={row.original.tags.map((t) => t.name)} /> },
    { id: "created_at", header: "Created", cell: ({ row }) => <DateCell ts={row.original.createdAt} ctx={ctx} /> },
    { id: "location", header: "Location", cell: ({ row }) => row.original.location ?? <Muted>–</Muted> },
  ];
}
