import { ChevronLeft } from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";

/** A record page: a way back to its list, the header, the conversation column and the side panel. */
export function DetailLayout({
  back,
  header,
  toolbar,
  children,
  aside,
}: {
  back: { href: string; label: string };
  header: ReactNode;
  toolbar: ReactNode;
  children: ReactNode;
  aside: ReactNode;
}) {
  return (
    <div className="space-y-4">
      <Link
        href={back.href}
        className="inline-flex items-center gap-1 text-sm text-muted-foreground hover:text-foreground"
      >
        <ChevronLeft className="size-4" aria-hidden="true" /> {back.label}
      </Link>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0 flex-1 space-y-2">{header}</div>
        <div role="group" aria-label="Actions" className="flex flex-wrap items-center gap-2">
          {toolbar}
        </div>
      </div>
      <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="min-w-0 space-y-4">{children}</div>
        <aside
          aria-label="Details"
          className="space-y-4 rounded-lg border bg-card p-4 lg:sticky lg:top-4 lg:max-h-[calc(100dvh-2rem)] lg:overflow-y-auto"
        >
          {aside}
        </aside>
      </div>
    </div>
  );
}
