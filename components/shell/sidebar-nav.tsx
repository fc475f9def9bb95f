"use client";

import {
  ChartColumn,
  LayoutDashboard,
  ListChecks,
  MessagesSquare,
  PieChart,
  ScrollText,
  Ticket,
  Users,
} from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { SidebarViews } from "@/components/views/sidebar-views";
import { cn } from "@/lib/cn";

const SECTIONS = [
  { href: "", label: "Overview", icon: LayoutDashboard },
  { href: "/insights", label: "Insights", icon: ChartColumn },
  { href: "/tickets", label: "Tickets", icon: Ticket, resource: "tickets" },
  { href: "/conversations", label: "Conversations", icon: MessagesSquare, resource: "conversations" },
  { href: "/contacts", label: "Contacts", icon: Users, resource: "contacts" },
  { href: "/segments", label: "Segments", icon: PieChart },
  { href: "/jobs", label: "Jobs", icon: ListChecks },
  { href: "/audit", label: "Audit", icon: ScrollText },
] as const;

export function SidebarNav({ workspace, onNavigate }: { workspace: string; onNavigate?: () => void }) {
  const pathname = usePathname();
  const base = `/w/${workspace}`;
  return (
    <nav aria-label="Sections" className="flex flex-col gap-0.5">
      {SECTIONS.map((section) => {
        const { href, label, icon: Icon } = section;
        const target = base + href;
        const active = href === "" ? pathname === base : pathname === target || pathname.startsWith(`${target}/`);
        return (
          <div key={label}>
            <Link
              href={target}
              onClick={onNavigate}
              aria-current={active ? "page" : undefined}
              className={cn(
                "flex items-center gap-2.5 rounded-md px-2.5 py-1.5 text-sm font-medium text-muted-foreground transition-colors hover:bg-accent hover:text-accent-foreground",
                active && "bg-accent text-accent-foreground",
              )}
            >
              <Icon className="size-4" aria-hidden="true" />
              {label}
            </Link>
            {"resource" in section && (
              <SidebarViews ws={workspace} resource={section.resource} onNavigate={onNavigate} />
            )}
          </div>
        );
      })}
    </nav>
  );
}
