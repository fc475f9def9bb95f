import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { formatDateTime, formatRelative } from "@/lib/format/time";
import type { ContactRef } from "@/lib/records/types";
import type { CellContext } from "./context";

export function Muted({ children }: { children: React.ReactNode }) {
  return <span className="text-muted-foreground">{children}</span>;
}

export function DateCell({ ts, ctx, relative }: { ts: number | null; ctx: CellContext; relative?: boolean }) {
  if (ts === null) return <Muted>–</Muted>;
  return (
    <time
      dateTime={new Date(ts * 1000).toISOString()}
      title={formatDateTime(ts, ctx.timezone)}
      className="whitespace-nowrap tabular-nums"
    >
      {relative ? formatRelative(ts, ctx.now) : formatDateTime(ts, ctx.timezone)}
    </time>
  );
}

export function PersonCell({ name, fallback = "Unassigned" }: { name: string | null; fallback?: string }) {
  return name ? <span className="whitespace-nowrap">{name}</span> : <Muted>{fallback}</Muted>;
}

export function TagList({ names }: { names: string[] }) {
  if (names.length === 0) return <Muted>–</Muted>;
  return (
    <span className="flex flex-wrap gap-1">
      {names.slice(0, 3).map((n) => (
        <Badge key={n} variant="secondary">
          {n}
        </Badge>
      ))}
      {names.length > 3 && <Muted>+{names.length - 3}</Muted>}
    </span>
  );
}

export function ContactCell({ contacts, ctx }: { contacts: ContactRef[]; ctx: CellContext }) {
  if (contacts.length === 0) return <Muted>–</Muted>;
  const [first] = contacts;
  return (
    <span className="whitespace-nowrap">
      <Link prefetch={false} className="hover:underline" href={`/w/${ctx.ws}/contacts/${first.id}`}>
        {first.name || first.email || "Contact"}
      </Link>
      {contacts.length > 1 && <Muted> +{contacts.length - 1}</Muted>}
    </span>
  );
}

const STATE_VARIANT = {
  submitted: "default",
  in_progress: "warning",
  waiting_on_customer: "secondary",
  resolved: "success",
  open: "default",
  snoozed: "secondary",
  closed: "success",
} as const;

export function StateBadge({ category, label }: { category: string; label: string }) {
  return <Badge variant={STATE_VARIANT[category as keyof typeof STATE_VARIANT] ?? "outline"}>{label}</Badge>;
}
